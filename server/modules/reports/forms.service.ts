/**
 * Report forms and their versions (issue 13): the shipped forms (server/data/reports/forms) become each
 * form's version 1 on first use; the standing agency drafts a new version from the latest, edits it (checked
 * by `checkForm`, every problem naming its field), and publishes it. A published version never changes (a
 * trigger refuses it): rounds pin the version they were opened on, so submitted reports keep their form.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, conflict, forbidden, notFound, staleVersion, unauthenticated } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { seedDataFolder } from '../../paths.js';
import { allow } from '../access/policy.js';
import { recordChange } from '../audit/audit.service.js';
import { checkForm, describeProblem, FormVersion, validateForm, type Problem } from './form/index.js';
import { formPolicy, type FormSubject } from './reports.policy.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { todayInVietnam } from '../../core/dates.js';
import { reportFormVersions, reportForms, reportRounds } from './reports.table.js';

export const SHIPPED_FORMS_FOLDER = path.join(seedDataFolder, 'reports/forms');
/** The shipped forms and who submits each. */
export const SHIPPED_FORMS: readonly { key: string; subject: 'unit' | 'member' }[] = [
  { key: 'unit-par-report', subject: 'unit' },
  { key: 'provincial-par-report', subject: 'unit' },
  { key: 'pilot-unit-report', subject: 'unit' },
  { key: 'member-report', subject: 'member' },
  { key: 'programme-review', subject: 'unit' },
];
/** The form a province's own report is written on when it consolidates its units' PAR reports. */
export const PROVINCIAL_FORM = 'provincial-par-report';
export const UNIT_FORM = 'unit-par-report';
/** The form each committee member reports on to a session. */
export const MEMBER_FORM = 'member-report';
/** The form of a multi-year programme's review (sơ kết, tổng kết), opened from the programmes module. */
export const PROGRAMME_REVIEW_FORM = 'programme-review';

export type FormVersionRow = typeof reportFormVersions.$inferSelect;

let shippedCache: Map<string, FormVersion> | null = null;
function shippedDefinitions(): Map<string, FormVersion> {
  if (shippedCache) return shippedCache;
  const out = new Map<string, FormVersion>();
  for (const { key } of SHIPPED_FORMS) {
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(SHIPPED_FORMS_FOLDER, `${key}.json`), 'utf8'));
    const checked = validateForm(raw);
    if (!checked.form || checked.problems.length)
      throw new Error(
        `shipped report form ${key} is invalid: ${checked.problems.map((p) => p.key).join(', ')}`,
      );
    out.set(key, checked.form);
  }
  shippedCache = out;
  return out;
}

/**
 * The shipped forms that are not in the database yet become their version 1, published (idempotent; on
 * PostgreSQL two processes at once insert them once).
 */
export async function ensureShippedForms(db: Db): Promise<void> {
  const present = new Set(
    (
      await db
        .select({ key: reportForms.key })
        .from(reportForms)
        .where(
          inArray(
            reportForms.key,
            SHIPPED_FORMS.map((f) => f.key),
          ),
        )
    ).map((r) => r.key),
  );
  const missing = SHIPPED_FORMS.filter((f) => !present.has(f.key));
  if (!missing.length) return;
  const defs = shippedDefinitions();
  await db.transaction(async (tx) => {
    for (const f of missing) {
      const inserted = await tx
        .insert(reportForms)
        .values({ key: f.key, subject: f.subject, shipped: true })
        .onConflictDoNothing()
        .returning();
      if (!inserted.length) continue;
      await tx
        .insert(reportFormVersions)
        .values({
          formKey: f.key,
          number: 1,
          definition: { ...defs.get(f.key)!, version: 1 },
          status: 'published',
          publishedAt: new Date(),
        })
        .onConflictDoNothing();
    }
  });
}

/** The definition stored with a version (checked when stored; read back as is). */
export const definitionOf = (row: Pick<FormVersionRow, 'definition'>): FormVersion =>
  row.definition as FormVersion;

/** The provinces (units of kind province in force today): designing forms needs a grant on one of them. */
async function formSubject(db: Db): Promise<FormSubject> {
  const provinces = await unitsAsOf(db, { date: todayInVietnam(), kind: 'province', limit: 100 });
  return { provinceIds: provinces.map((p) => p.id) };
}

function requireRead(ctx: RequestContext) {
  if (!ctx.actor) throw unauthenticated();
  if (!allow(formPolicy, ctx.actor, 'read', { provinceIds: [] })) throw forbidden();
  return ctx.actor;
}
async function requireDesign(ctx: RequestContext) {
  if (!ctx.actor) throw unauthenticated();
  if (!allow(formPolicy, ctx.actor, 'design', await formSubject(ctx.db))) throw forbidden();
  return ctx.actor;
}
async function mayDesign(ctx: RequestContext): Promise<boolean> {
  return !!ctx.actor && allow(formPolicy, ctx.actor, 'design', await formSubject(ctx.db));
}

export type FormSummary = {
  key: string;
  subject: 'unit' | 'member';
  shipped: boolean;
  name: { vi: string; en: string };
  latestPublished: { id: string; number: number; publishedAt: string | null } | null;
  draft: { id: string; number: number; version: number } | null;
  versions: {
    id: string;
    number: number;
    status: 'draft' | 'published';
    inUse: boolean;
    publishedAt: string | null;
  }[];
};

/** Every form with its versions (the designer's list and the pickers). */
export async function listForms(
  ctx: RequestContext,
): Promise<{ items: FormSummary[]; abilities: { design: boolean } }> {
  requireRead(ctx);
  await ensureShippedForms(ctx.db);
  const forms = await ctx.db.select().from(reportForms).where(eq(reportForms.archived, false));
  const versions = await ctx.db
    .select({
      id: reportFormVersions.id,
      formKey: reportFormVersions.formKey,
      number: reportFormVersions.number,
      status: reportFormVersions.status,
      version: reportFormVersions.version,
      publishedAt: reportFormVersions.publishedAt,
      name: sql<{ vi: string; en: string }>`${reportFormVersions.definition} -> 'name'`,
    })
    .from(reportFormVersions)
    .orderBy(reportFormVersions.formKey, desc(reportFormVersions.number));
  const used = new Set(
    (await ctx.db.selectDistinct({ id: reportRounds.formVersionId }).from(reportRounds)).map((r) => r.id),
  );
  const items = forms.map((f): FormSummary => {
    const own = versions.filter((v) => v.formKey === f.key);
    const published = own.find((v) => v.status === 'published') ?? null;
    const draft = own.find((v) => v.status === 'draft') ?? null;
    return {
      key: f.key,
      subject: f.subject,
      shipped: f.shipped,
      name: (draft ?? published ?? own[0])?.name ?? { vi: f.key, en: f.key },
      latestPublished: published
        ? {
            id: published.id,
            number: published.number,
            publishedAt: published.publishedAt?.toISOString() ?? null,
          }
        : null,
      draft: draft ? { id: draft.id, number: draft.number, version: draft.version } : null,
      versions: own.map((v) => ({
        id: v.id,
        number: v.number,
        status: v.status,
        inUse: used.has(v.id),
        publishedAt: v.publishedAt?.toISOString() ?? null,
      })),
    };
  });
  return { items, abilities: { design: await mayDesign(ctx) } };
}

export type FormVersionOut = {
  id: string;
  formKey: string;
  number: number;
  status: 'draft' | 'published';
  version: number;
  definition: FormVersion;
  publishedAt: string | null;
  inUse: boolean;
  /** Problems of the stored definition (a draft may be saved with problems; it is published only without). */
  problems: ReturnType<typeof presentProblems>;
  abilities: { edit: boolean; publish: boolean };
};

/** The problems of a definition, each as a sentence naming its field. */
export function presentProblems(problems: readonly Problem[], form: FormVersion | null, locale: 'vi' | 'en') {
  return problems.map((p) => ({
    key: p.key,
    field: p.field,
    // The rule or section a problem is about (the designer places it there), when it is not a field's.
    rule: typeof p.params.rule === 'string' ? p.params.rule : null,
    section: typeof p.params.section === 'string' ? p.params.section : null,
    // A failed rule names the fields it reads: the page shows it under each of them.
    fields: p.fields ?? null,
    severity: p.severity ?? 'error',
    message: describeProblem(p, locale, form ?? undefined),
  }));
}

export async function getFormVersionRow(db: Db, id: string): Promise<FormVersionRow> {
  const [row] = await db.select().from(reportFormVersions).where(eq(reportFormVersions.id, id));
  if (!row) throw notFound('report_form_version');
  return row;
}

/** The latest published version of a form (what a new round is opened on), or null. */
export async function latestPublished(db: Db, formKey: string): Promise<FormVersionRow | null> {
  const [row] = await db
    .select()
    .from(reportFormVersions)
    .where(and(eq(reportFormVersions.formKey, formKey), eq(reportFormVersions.status, 'published')))
    .orderBy(desc(reportFormVersions.number))
    .limit(1);
  return row ?? null;
}

export async function getFormVersion(ctx: RequestContext, id: string): Promise<FormVersionOut> {
  requireRead(ctx);
  await ensureShippedForms(ctx.db);
  const row = await getFormVersionRow(ctx.db, id);
  const [use] = await ctx.db
    .select({ id: reportRounds.id })
    .from(reportRounds)
    .where(eq(reportRounds.formVersionId, id))
    .limit(1);
  const definition = definitionOf(row);
  const design = await mayDesign(ctx);
  const draft = row.status === 'draft';
  return {
    id: row.id,
    formKey: row.formKey,
    number: row.number,
    status: row.status,
    version: row.version,
    definition,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    inUse: !!use,
    problems: draft ? presentProblems(checkForm(definition), definition, ctx.locale) : [],
    abilities: { edit: design && draft, publish: design && draft },
  };
}

/** A new draft version of a form, copied from its latest version (one draft at a time). */
export async function createDraftVersion(ctx: RequestContext, formKey: string): Promise<FormVersionOut> {
  await requireDesign(ctx);
  await ensureShippedForms(ctx.db);
  const [latest] = await ctx.db
    .select()
    .from(reportFormVersions)
    .where(eq(reportFormVersions.formKey, formKey))
    .orderBy(desc(reportFormVersions.number))
    .limit(1);
  if (!latest) throw notFound('report_form');
  if (latest.status === 'draft') throw conflict('reports.form.draft_exists', { number: latest.number });
  const number = latest.number + 1;
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(reportFormVersions)
      .values({
        formKey,
        number,
        definition: { ...definitionOf(latest), version: number },
        createdBy: ctx.actor!.user.id,
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'create',
        entity: 'report_form_version',
        entityId: created!.id,
        after: { formKey, number },
      },
    );
    return created!;
  });
  return getFormVersion(ctx, row.id);
}

/** A new form (its version 1 as a draft), from a definition. */
export async function createForm(
  ctx: RequestContext,
  input: { definition: unknown },
): Promise<FormVersionOut> {
  await requireDesign(ctx);
  const parsed = FormVersion.safeParse(input.definition);
  if (!parsed.success) throw formInvalid(ctx, validateForm(input.definition).problems, null);
  const key = parsed.data.key;
  const [exists] = await ctx.db.select().from(reportForms).where(eq(reportForms.key, key));
  if (exists) throw conflict('reports.form.key_taken', { key });
  const row = await ctx.db.transaction(async (tx) => {
    await tx.insert(reportForms).values({ key, subject: 'unit', createdBy: ctx.actor!.user.id });
    const [created] = await tx
      .insert(reportFormVersions)
      .values({
        formKey: key,
        number: 1,
        definition: { ...parsed.data, version: 1 },
        createdBy: ctx.actor!.user.id,
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'create',
        entity: 'report_form_version',
        entityId: created!.id,
        after: { formKey: key, number: 1 },
      },
    );
    return created!;
  });
  return getFormVersion(ctx, row.id);
}

function formInvalid(ctx: RequestContext, problems: readonly Problem[], form: FormVersion | null) {
  const errors = problems.filter((p) => (p.severity ?? 'error') === 'error');
  const shown = presentProblems(errors.length ? errors : problems, form, ctx.locale);
  return new AppError(
    400,
    'VALIDATION_FAILED',
    'reports.form.invalid',
    { count: shown.length },
    shown.slice(0, 50).map((p) => ({ field: p.field ?? 'definition', message: p.message })),
  );
}

/**
 * Saves a draft's definition (version-checked). Structural errors are refused (400, each naming its field);
 * a draft may keep semantic problems while it is being designed — they are listed, and block publishing.
 */
export async function updateDraft(
  ctx: RequestContext,
  id: string,
  input: { version: number; definition: unknown },
): Promise<FormVersionOut> {
  await requireDesign(ctx);
  const row = await getFormVersionRow(ctx.db, id);
  if (row.status !== 'draft') throw conflict('reports.form.published_fixed');
  if (row.version !== input.version) throw staleVersion('report_form_version', row.version);
  const parsed = FormVersion.safeParse(input.definition);
  if (!parsed.success) throw formInvalid(ctx, validateForm(input.definition).problems, null);
  // The key and number are the version's own: the definition cannot move it to another form.
  const definition = { ...parsed.data, key: row.formKey, version: row.number };
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(reportFormVersions)
      .set({ definition, version: sql`${reportFormVersions.version} + 1`, updatedAt: new Date() })
      .where(and(eq(reportFormVersions.id, id), eq(reportFormVersions.version, input.version)))
      .returning();
    if (!updated) throw staleVersion('report_form_version', row.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'update',
        entity: 'report_form_version',
        entityId: id,
        before: { definition: row.definition },
        after: { definition },
      },
    );
  });
  return getFormVersion(ctx, id);
}

/** Publishes a draft that has no problem (400 naming each otherwise); from then on it never changes. */
export async function publishVersion(
  ctx: RequestContext,
  id: string,
  input: { version: number },
): Promise<FormVersionOut> {
  await requireDesign(ctx);
  const row = await getFormVersionRow(ctx.db, id);
  if (row.status !== 'draft') throw conflict('reports.form.published_fixed');
  if (row.version !== input.version) throw staleVersion('report_form_version', row.version);
  const definition = definitionOf(row);
  const problems = checkForm(definition).filter((p) => (p.severity ?? 'error') === 'error');
  if (problems.length) throw formInvalid(ctx, problems, definition);
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(reportFormVersions)
      .set({ status: 'published', publishedAt: new Date(), publishedBy: ctx.actor!.user.id })
      .where(and(eq(reportFormVersions.id, id), eq(reportFormVersions.version, input.version)))
      .returning();
    if (!updated) throw staleVersion('report_form_version', row.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'publish',
        entity: 'report_form_version',
        entityId: id,
        before: { status: 'draft' },
        after: { status: 'published', number: row.number },
      },
    );
  });
  return getFormVersion(ctx, id);
}

/** Removes a draft that was never published (a published version is never removed). */
export async function discardDraft(ctx: RequestContext, id: string, version: number): Promise<void> {
  await requireDesign(ctx);
  const row = await getFormVersionRow(ctx.db, id);
  if (row.status !== 'draft') throw conflict('reports.form.published_fixed');
  if (row.version !== version) throw staleVersion('report_form_version', row.version);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(reportFormVersions).where(eq(reportFormVersions.id, id));
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'delete',
        entity: 'report_form_version',
        entityId: id,
        before: { formKey: row.formKey, number: row.number },
      },
    );
  });
}
