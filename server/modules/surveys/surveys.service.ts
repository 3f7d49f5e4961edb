/**
 * The surveys office's core: who may see a survey (./surveys.policy.ts: the province's office and committee, and
 * the focal point and leader of a unit it targets), loading one, and presenting it — its current version (the
 * latest) and the problems that keep it from opening, its targets with their progress against the quota, the
 * invitations sent and used, and what the caller may do with it. The steps that change a survey are in their own
 * files (create-survey, definition, targets, invitations, status) and journal every change.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, forbidden, notFound, unauthenticated } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { abilities, allow } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { getUnits, unitDisplayName, unitFacts, viCollator, type UnitFacts } from '../units/units.service.js';
import { SHIPPED_SURVEYS } from './data/index.js';
import { recordedNotice } from './rules/anonymity.js';
import { definitionHash } from './rules/answers.js';
import { checkDefinition, flattenItems, type SurveyDefinition } from './rules/definition.js';
import { checkIndexConfig, type IndexConfig } from './rules/indices.js';
import type { Problem } from './rules/text.js';
import {
  SURVEY_OFFICE,
  SURVEY_READERS,
  SURVEY_UNIT_ROLES,
  surveyPolicy,
  type SurveySubject,
} from './surveys.policy.js';
import type {
  SurveyDetailOut,
  SurveyListOut,
  SurveySummaryOut,
  TargetOut,
  TemplateOut,
} from './surveys.schemas.js';
import {
  surveyInvitations,
  surveyResponses,
  surveys,
  surveyTargets,
  surveyVersions,
  type SurveyStatus,
} from './surveys.table.js';

export type SurveyRow = typeof surveys.$inferSelect;
export type VersionRow = typeof surveyVersions.$inferSelect;
export type TargetRow = typeof surveyTargets.$inferSelect;

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** The hash a form sends back with its answers: SHA-256 of the definition's canonical JSON (./rules/answers.ts). */
export const hashDefinition = (def: SurveyDefinition) => sha256(definitionHash(def));

export const definitionOf = (v: VersionRow) => v.definition as SurveyDefinition;
export const indicesOf = (v: VersionRow) => (Array.isArray(v.indices) ? (v.indices as IndexConfig[]) : []);

// ---------------------------------------------------------------------------------------------------
// Links

/** The site's address for links in posters and mails (CHIDAO_PUBLIC_URL), set when the routes are registered. */
let publicUrl: string | undefined;
export function setSurveyPublicUrl(url: string | undefined) {
  publicUrl = url?.replace(/\/+$/, '') || undefined;
}
/** A target's QR poster link: the public form of that unit and group. */
/** A target's public link; without CHIDAO_PUBLIC_URL, on `origin` (the request's) — a QR code needs a whole address. */
export const targetUrl = (publicCode: string, origin = '') => `${publicUrl ?? origin}/khao-sat/${publicCode}`;
/** A personal one-time link (the token is only ever in the mail). */
export const invitationUrl = (token: string) => `${publicUrl ?? ''}/khao-sat/moi/${token}`;

// ---------------------------------------------------------------------------------------------------
// Who

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/** The provinces the caller works in: the province on the chain of each unit their grants are on. One query. */
export async function callerProvinces(db: Db, actor: Actor): Promise<string[]> {
  const roots = [...new Set([...actor.grants.map((g) => g.unitId), ...actor.inherited.map((g) => g.unitId)])];
  if (!roots.length) return [];
  const facts = await unitFacts(db, roots);
  const chainIds = [...new Set([...facts.values()].flatMap((f) => f.path))];
  return (await getUnits(db, chainIds)).filter((u) => u.kind === 'province').map((u) => u.id);
}

export const isOffice = (actor: Actor | null, provinceId: string) =>
  !!actor && actor.hasRoleOver(SURVEY_OFFICE, [provinceId]);

/** The province whose surveys the caller runs (admin or standing officer over it), else 403. */
export async function officeProvince(ctx: RequestContext): Promise<string> {
  const actor = requireActor(ctx);
  const province = (await callerProvinces(ctx.db, actor)).find((p) => isOffice(actor, p));
  if (!province) throw new AppError(403, 'FORBIDDEN', 'survey.no_province');
  return province;
}

// ---------------------------------------------------------------------------------------------------
// Loading

export type LoadedSurvey = {
  row: SurveyRow;
  subject: SurveySubject;
  targets: TargetRow[];
  /** The province and every targeted unit: name and ancestor chain. */
  units: Map<string, UnitFacts>;
};

async function targetsOf(db: Db, surveyIds: readonly string[]): Promise<TargetRow[]> {
  if (!surveyIds.length) return [];
  return db
    .select()
    .from(surveyTargets)
    .where(inArray(surveyTargets.surveyId, [...surveyIds]));
}

function subjectOf(
  row: SurveyRow,
  targets: readonly TargetRow[],
  units: ReadonlyMap<string, UnitFacts>,
): SurveySubject {
  return {
    provincePath: units.get(row.provinceId)?.path ?? [row.provinceId],
    unitPaths: targets.map((t) => units.get(t.unitId)?.path ?? [t.unitId]),
  };
}

/** A survey the caller may read (404 when absent, 403 otherwise), with its targets and their units. */
export async function loadSurvey(ctx: RequestContext, id: string, db: Db = ctx.db): Promise<LoadedSurvey> {
  const actor = requireActor(ctx);
  const [row] = await db.select().from(surveys).where(eq(surveys.id, id));
  if (!row) throw notFound('survey');
  const targets = await targetsOf(db, [id]);
  const units = await unitFacts(db, [row.provinceId, ...targets.map((t) => t.unitId)]);
  const subject = subjectOf(row, targets, units);
  if (!allow(surveyPolicy, actor, 'read', subject)) throw forbidden();
  return { row, subject, targets, units };
}

/** A survey the caller runs (the office over its province), else 403. */
export async function loadManaged(ctx: RequestContext, id: string, db: Db = ctx.db): Promise<LoadedSurvey> {
  const loaded = await loadSurvey(ctx, id, db);
  if (!allow(surveyPolicy, ctx.actor, 'manage', loaded.subject)) throw forbidden();
  return loaded;
}

/** The survey's versions, newest first. */
export async function versionsOf(db: Db, surveyId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, surveyId))
    .orderBy(desc(surveyVersions.number));
}

export async function latestVersion(db: Db, surveyId: string): Promise<VersionRow> {
  const [v] = await versionsOf(db, surveyId);
  if (!v) throw notFound('survey_version');
  return v;
}

/** The responses of a survey, counted by a column (its version or its target). */
async function countBy(db: Db, surveyId: string, by: 'version' | 'target'): Promise<Map<string, number>> {
  const column = by === 'version' ? surveyResponses.versionId : surveyResponses.targetId;
  const rows = await db
    .select({ key: column, n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    .groupBy(column);
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

export async function responseCount(db: Db, surveyId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId));
  return Number(r?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------------
// Problems

/** A definition's problems, then (when it is sound) each index config's, paths prefixed by `indices[i]`. */
export function versionProblems(def: SurveyDefinition, indices: readonly IndexConfig[]): Problem[] {
  const problems: Problem[] = checkDefinition(def);
  if (problems.length) return problems;
  const keys = new Set<string>();
  indices.forEach((config, i) => {
    for (const p of checkIndexConfig(config, def))
      problems.push({ ...p, at: `indices[${i}]${p.at ? `.${p.at}` : ''}` });
    const key = (config as { key?: unknown })?.key;
    if (typeof key === 'string') {
      if (keys.has(key))
        problems.push({
          at: `indices[${i}].key`,
          problem: 'key_duplicate',
          message: {
            vi: `Bộ công thức chỉ số “${key}” bị trùng mã.`,
            en: `The index configuration key “${key}” is used twice.`,
          },
        });
      keys.add(key);
    }
  });
  return problems;
}

/** The 400 of a definition or index config that fails its checks: one detail per problem, in the caller's language. */
export function definitionInvalid(ctx: RequestContext, problems: readonly Problem[]): AppError {
  const lang = ctx.locale === 'en' ? 'en' : 'vi';
  return new AppError(
    400,
    'DEFINITION_INVALID',
    'survey.definition_invalid',
    { count: problems.length },
    problems.map((p) => ({ field: p.at || 'definition', message: p.message[lang] || p.message.vi })),
  );
}

// ---------------------------------------------------------------------------------------------------
// Presenting

const unitName = (units: ReadonlyMap<string, UnitFacts>, id: string) => units.get(id)?.name ?? '';

/** The shipped templates, with the PAR criteria each can score. */
export function listTemplates(): TemplateOut[] {
  return SHIPPED_SURVEYS.map((s) => ({
    key: s.key,
    kind: s.kind,
    title: s.title,
    legalBasis: s.legalBasis,
    confirmed: s.confirmed,
    sections: s.definition.sections.length,
    items: flattenItems(s.definition).length,
    parCriteria: [...new Set((s.parCriteria ?? []).map((c) => c.criterion))],
  }));
}

/** The targeted units the caller reads as a unit's focal point or leader (not as the office or committee). */
export function ownTargetUnits(actor: Actor | null, loaded: LoadedSurvey): string[] {
  if (!actor) return [];
  return [
    ...new Set(
      loaded.targets
        .filter((t) => actor.hasRoleOver(SURVEY_UNIT_ROLES, loaded.units.get(t.unitId)?.path ?? [t.unitId]))
        .map((t) => t.unitId),
    ),
  ];
}

export async function surveyDetail(ctx: RequestContext, id: string): Promise<SurveyDetailOut> {
  const loaded = await loadSurvey(ctx, id);
  return presentDetail(ctx, loaded);
}

export async function presentDetail(ctx: RequestContext, loaded: LoadedSurvey): Promise<SurveyDetailOut> {
  const { row, targets, units, subject } = loaded;
  const db = ctx.db;
  const versions = await versionsOf(db, row.id);
  const current = versions[0];
  if (!current) throw notFound('survey_version');
  const byVersion = await countBy(db, row.id, 'version');
  const byTarget = await countBy(db, row.id, 'target');
  const invitations = await db
    .select({
      targetId: surveyInvitations.targetId,
      sent: sql<number>`count(*) filter (where ${surveyInvitations.sentAt} is not null)::int`,
      used: sql<number>`count(*) filter (where ${surveyInvitations.used})::int`,
    })
    .from(surveyInvitations)
    .where(eq(surveyInvitations.surveyId, row.id))
    .groupBy(surveyInvitations.targetId);
  const invited = new Map(
    invitations.map((i) => [i.targetId, { sent: Number(i.sent), used: Number(i.used) }]),
  );
  const [province] = await getUnits(db, [row.provinceId]);

  const def = definitionOf(current);
  const indices = indicesOf(current);
  const problems = versionProblems(def, indices);
  const policy = abilities(surveyPolicy, ctx.actor, subject);
  const manage = policy.manage;
  const own = ownTargetUnits(ctx.actor, loaded);
  const notClosed = row.status !== 'closed';

  // A unit's people see their own targets only (never another unit's progress).
  const visible = policy.results || manage ? targets : targets.filter((t) => own.includes(t.unitId));
  const targetList: TargetOut[] = visible
    .map((t) => {
      const responses = byTarget.get(t.id) ?? 0;
      return {
        id: t.id,
        unit: { id: t.unitId, name: unitName(units, t.unitId) },
        targetGroup: t.targetGroup,
        population: t.population,
        quota: t.quota,
        responses,
        progress: t.quota > 0 ? Math.round((responses / t.quota) * 10_000) / 10_000 : null,
        publicCode: t.publicCode,
        publicUrl: targetUrl(t.publicCode),
        invitations: invited.get(t.id) ?? { sent: 0, used: 0 },
      };
    })
    .sort(
      (a, b) =>
        viCollator.compare(a.unit.name, b.unit.name) ||
        TARGET_ORDER.indexOf(a.targetGroup) - TARGET_ORDER.indexOf(b.targetGroup),
    );
  const totalResponses = [...byTarget.values()].reduce((a, b) => a + b, 0);
  return {
    ...summaryOf(row, targets, totalResponses),
    intro: row.intro,
    note: row.note,
    version: row.version,
    province: { id: row.provinceId, name: province ? unitDisplayName(province) : '' },
    current: {
      id: current.id,
      number: current.number,
      definition: def,
      indices,
      hash: current.definitionHash,
      templateKey: current.templateKey,
      publishedAt: current.publishedAt?.toISOString() ?? null,
      responses: byVersion.get(current.id) ?? 0,
    },
    versions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      responses: byVersion.get(v.id) ?? 0,
      hash: v.definitionHash,
    })),
    targetList,
    problems,
    recorded: recordedNotice({ anonymous: row.anonymous }),
    abilities: {
      edit: manage,
      editDefinition: manage && notClosed,
      manageTargets: manage && notClosed,
      open: manage && row.status === 'draft' && problems.length === 0 && targets.length > 0,
      close: manage && row.status === 'open',
      invite: manage && notClosed && targets.length > 0,
      results: policy.results || own.length > 0,
      export: manage,
    },
  };
}

const TARGET_ORDER = ['citizen', 'business', 'official', 'deputy'];

function summaryOf(row: SurveyRow, targets: readonly TargetRow[], responses: number): SurveySummaryOut {
  return {
    id: row.id,
    kind: row.kind,
    year: row.year,
    title: row.title,
    status: row.status,
    anonymous: row.anonymous,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    parYear: row.parYear,
    targets: targets.length,
    quota: targets.reduce((a, t) => a + t.quota, 0),
    responses,
  };
}

/** The surveys of the caller's provinces that the caller may read (the office and committee all; a unit's people those targeting their unit). */
export async function listSurveys(
  ctx: RequestContext,
  q: { year?: number | undefined; status?: SurveyStatus | undefined },
): Promise<SurveyListOut> {
  const actor = requireActor(ctx);
  const provinces = await callerProvinces(ctx.db, actor);
  const rows = provinces.length
    ? await ctx.db
        .select()
        .from(surveys)
        .where(
          and(
            inArray(surveys.provinceId, provinces),
            q.year === undefined ? undefined : eq(surveys.year, q.year),
            q.status === undefined ? undefined : eq(surveys.status, q.status),
          ),
        )
    : [];
  const targets = await targetsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const units = await unitFacts(ctx.db, [...provinces, ...targets.map((t) => t.unitId)]);
  const counts = rows.length
    ? await ctx.db
        .select({ surveyId: surveyResponses.surveyId, n: sql<number>`count(*)::int` })
        .from(surveyResponses)
        .where(
          inArray(
            surveyResponses.surveyId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(surveyResponses.surveyId)
    : [];
  const responses = new Map(counts.map((c) => [c.surveyId, Number(c.n)]));
  const items = rows
    .map((row) => ({ row, own: targets.filter((t) => t.surveyId === row.id) }))
    .filter(({ row, own }) => allow(surveyPolicy, actor, 'read', subjectOf(row, own, units)))
    .map(({ row, own }) => summaryOf(row, own, responses.get(row.id) ?? 0))
    .sort((a, b) => b.year - a.year || viCollator.compare(a.title, b.title));
  return { items, abilities: { create: provinces.some((p) => isOffice(actor, p)) } };
}

/** Whether the caller reads every unit's results (the office and committee over the province). */
export const readsAllResults = (actor: Actor | null, loaded: LoadedSurvey) =>
  !!actor && actor.hasRoleOver(SURVEY_READERS, loaded.subject.provincePath);
