/**
 * Criteria frameworks (bộ tiêu chí): versions per province, year and unit group. A version no campaign uses and not
 * yet published is edited in place (version-checked); editing a published one, or one a campaign uses, makes the
 * next version (the campaign keeps scoring against the one it took). New ones come from a set chidao ships
 * (./data) or as a copy of an existing version — last year's copied forward — or from a workbook
 * (./frameworks-workbook.ts). Every change is journalled.
 */
import { and, desc, eq, inArray, max } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, forbidden, notFound, staleVersion } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import { documentRefs } from '../documents/documents.service.js';
import { SHIPPED_FRAMEWORKS } from './data/index.js';
import { frameworkWorkbook, importInvalid, readFrameworkWorkbook } from './frameworks-workbook.js';
import type { FrameworkOut, FrameworkSummaryOut } from './frameworks.schemas.js';
import { callerProvinces, isOffice, requireActor, requireOffice } from './parindex.policy.js';
import { parCampaigns, parFrameworks, type UnitGroup } from './parindex.table.js';
import {
  checkFramework,
  copyForward,
  frameworkMaxPoints,
  scoredItems,
  surveyMaxPoints,
  treeCounts,
  type FrameworkProblem,
} from './rules/framework.js';
import { treeToRows } from './rules/framework-sheet.js';
import type { FrameworkTree, GradeBand } from './rules/framework-types.js';

export type FrameworkRow = typeof parFrameworks.$inferSelect;

export const treeOf = (row: FrameworkRow) => row.tree as FrameworkTree;
export const bandsOf = (row: FrameworkRow) => row.gradeBands as GradeBand[];

/** The 400 for a framework that fails its checks: one detail per problem, in the caller's language. */
export function frameworkInvalid(ctx: RequestContext, problems: readonly FrameworkProblem[]): AppError {
  const lang = ctx.locale === 'en' ? 'en' : 'vi';
  return new AppError(
    400,
    'FRAMEWORK_INVALID',
    'parindex.framework_invalid',
    { count: problems.length },
    problems.map((p) => ({ field: p.at, message: p.message[lang] || p.message.vi })),
  );
}

/** The campaigns using each framework (by the ids in their `framework_ids`). */
async function usage(db: Db, provinceIds: readonly string[]) {
  const out = new Map<string, { id: string; year: number; title: string }[]>();
  if (!provinceIds.length) return out;
  const campaigns = await db
    .select({
      id: parCampaigns.id,
      year: parCampaigns.year,
      title: parCampaigns.title,
      frameworkIds: parCampaigns.frameworkIds,
    })
    .from(parCampaigns)
    .where(inArray(parCampaigns.provinceId, [...provinceIds]));
  for (const c of campaigns)
    for (const id of Object.values(c.frameworkIds as Record<string, string>)) {
      const list = out.get(id) ?? [];
      list.push({ id: c.id, year: c.year, title: c.title });
      out.set(id, list);
    }
  return out;
}

async function summaries(ctx: RequestContext, rows: readonly FrameworkRow[]): Promise<FrameworkSummaryOut[]> {
  const actor = ctx.actor;
  const used = await usage(ctx.db, [...new Set(rows.map((r) => r.provinceId))]);
  const based = new Map<string, FrameworkRow>();
  const basedIds = rows.map((r) => r.basedOnId).filter((x): x is string => !!x);
  if (basedIds.length)
    for (const b of await ctx.db.select().from(parFrameworks).where(inArray(parFrameworks.id, basedIds)))
      based.set(b.id, b);
  const latest = new Map<string, number>();
  if (rows.length) {
    const maxima = await ctx.db
      .select({
        provinceId: parFrameworks.provinceId,
        unitGroup: parFrameworks.unitGroup,
        year: parFrameworks.year,
        number: max(parFrameworks.number),
      })
      .from(parFrameworks)
      .where(inArray(parFrameworks.provinceId, [...new Set(rows.map((r) => r.provinceId))]))
      .groupBy(parFrameworks.provinceId, parFrameworks.unitGroup, parFrameworks.year);
    for (const m of maxima) latest.set(`${m.provinceId}:${m.unitGroup}:${m.year}`, m.number ?? 0);
  }
  return rows.map((r) => {
    const tree = treeOf(r);
    const items = scoredItems(tree);
    const office = isOffice(actor ?? null, r.provinceId);
    const usedBy = used.get(r.id) ?? [];
    const b = r.basedOnId ? based.get(r.basedOnId) : undefined;
    return {
      id: r.id,
      unitGroup: r.unitGroup,
      year: r.year,
      number: r.number,
      title: r.title,
      titleEn: r.titleEn,
      status: r.status,
      counts: treeCounts(tree),
      maxPoints: frameworkMaxPoints(tree),
      surveyPoints: surveyMaxPoints(tree),
      unconfirmed: items.filter((i) => i.item.confirmed === false).length,
      computedItems: items.filter((i) => i.item.method === 'computed').length,
      shipped: r.shipped,
      basedOn: b ? { id: b.id, year: b.year, number: b.number } : null,
      usedBy,
      latest: latest.get(`${r.provinceId}:${r.unitGroup}:${r.year}`) === r.number,
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
      abilities: { update: office, publish: office && r.status === 'draft', copy: office },
    };
  });
}

async function present(ctx: RequestContext, row: FrameworkRow): Promise<FrameworkOut> {
  const [summary] = await summaries(ctx, [row]);
  const docs = row.documentId ? await documentRefs(ctx, [row.documentId]) : new Map();
  const doc = row.documentId ? docs.get(row.documentId) : undefined;
  return {
    ...summary!,
    tree: treeOf(row),
    gradeBands: bandsOf(row),
    rescaleWithoutSurvey: row.rescaleWithoutSurvey,
    legalBasis: row.legalBasis,
    document: doc ? { id: doc.id, label: `${doc.numberSymbol} — ${doc.title}` } : null,
    note: row.note,
  };
}

/** The frameworks of the caller's provinces (every version, newest year first), and the sets chidao ships. */
export async function listFrameworks(
  ctx: RequestContext,
  q: { year?: number | undefined; group?: UnitGroup | undefined },
) {
  const actor = requireActor(ctx);
  const provinces = await callerProvinces(ctx, actor);
  const rows = provinces.length
    ? await ctx.db
        .select()
        .from(parFrameworks)
        .where(
          and(
            inArray(parFrameworks.provinceId, provinces),
            q.year === undefined ? undefined : eq(parFrameworks.year, q.year),
            q.group === undefined ? undefined : eq(parFrameworks.unitGroup, q.group),
          ),
        )
        .orderBy(desc(parFrameworks.year), parFrameworks.unitGroup, desc(parFrameworks.number))
    : [];
  return {
    frameworks: await summaries(ctx, rows),
    shipped: SHIPPED_FRAMEWORKS.map((s) => ({
      key: s.key,
      unitGroup: s.unitGroup,
      firstYear: s.firstYear,
      title: s.title,
      legalBasis: s.legalBasis,
      counts: treeCounts(s.tree),
      maxPoints: frameworkMaxPoints(s.tree),
    })),
    canCreate: provinces.some((p) => isOffice(actor, p)),
  };
}

/** One framework, 404 when absent, 403 outside the caller's provinces. */
export async function loadFramework(ctx: RequestContext, id: string): Promise<FrameworkRow> {
  const actor = requireActor(ctx);
  const [row] = await ctx.db.select().from(parFrameworks).where(eq(parFrameworks.id, id));
  if (!row) throw notFound('par_framework');
  if (!(await callerProvinces(ctx, actor)).includes(row.provinceId)) throw forbidden();
  return row;
}

/** Frameworks by id, for other parts of the module (campaigns, scoring); no access check. */
export async function frameworksByIds(db: Db, ids: readonly string[]): Promise<Map<string, FrameworkRow>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select()
    .from(parFrameworks)
    .where(inArray(parFrameworks.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function getFramework(ctx: RequestContext, id: string): Promise<FrameworkOut> {
  return present(ctx, await loadFramework(ctx, id));
}

/** The province whose office the caller is (a standing officer of one province). */
async function officeProvince(ctx: RequestContext): Promise<string> {
  const actor = requireActor(ctx);
  const province = (await callerProvinces(ctx, actor)).find((p) => isOffice(actor, p));
  if (!province) throw forbidden();
  return province;
}

async function nextNumber(db: Db, provinceId: string, group: UnitGroup, year: number): Promise<number> {
  const [m] = await db
    .select({ n: max(parFrameworks.number) })
    .from(parFrameworks)
    .where(
      and(
        eq(parFrameworks.provinceId, provinceId),
        eq(parFrameworks.unitGroup, group),
        eq(parFrameworks.year, year),
      ),
    );
  return (m?.n ?? 0) + 1;
}

type NewFramework = Omit<typeof parFrameworks.$inferInsert, 'id' | 'number' | 'version'>;

/** Inserts the next version of (province, group, year), journalled (inside the caller's transaction or not). */
export async function insertFramework(ctx: RequestContext, values: NewFramework): Promise<FrameworkRow> {
  const problems = checkFramework(values.tree as FrameworkTree, values.gradeBands as GradeBand[]);
  if (problems.length) throw frameworkInvalid(ctx, problems);
  return ctx.db.transaction(async (tx) => {
    const number = await nextNumber(tx, values.provinceId, values.unitGroup, values.year);
    const [row] = await tx
      .insert(parFrameworks)
      .values({ ...values, number, createdBy: ctx.actor?.user.id ?? null })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'par_framework', entityId: row!.id, after: row },
    );
    return row!;
  });
}

/** A new draft from a shipped set or a copy (forward to another year, or of the same year to start over). */
export async function createFramework(
  ctx: RequestContext,
  input: { from: 'shipped'; key: string; year: number } | { from: 'copy'; frameworkId: string; year: number },
): Promise<FrameworkOut> {
  const provinceId = await officeProvince(ctx);
  if (input.from === 'shipped') {
    const s = SHIPPED_FRAMEWORKS.find((x) => x.key === input.key);
    if (!s) throw notFound('par_framework');
    const row = await insertFramework(ctx, {
      provinceId,
      unitGroup: s.unitGroup,
      year: input.year,
      title: `${s.title.vi} năm ${input.year}`,
      titleEn: `${s.title.en}, ${input.year}`,
      tree: copyForward(s.tree),
      gradeBands: s.gradeBands,
      rescaleWithoutSurvey: s.rescaleWithoutSurvey,
      legalBasis: s.legalBasis,
      shipped: true,
      note: '',
    });
    return present(ctx, row);
  }
  const source = await loadFramework(ctx, input.frameworkId);
  requireOffice(requireActor(ctx), source.provinceId);
  const retitle = (t: string) =>
    source.year === input.year ? t : t.replaceAll(String(source.year), String(input.year));
  const row = await insertFramework(ctx, {
    provinceId: source.provinceId,
    unitGroup: source.unitGroup,
    year: input.year,
    title: retitle(source.title),
    titleEn: retitle(source.titleEn),
    tree: copyForward(treeOf(source)),
    gradeBands: bandsOf(source),
    rescaleWithoutSurvey: source.rescaleWithoutSurvey,
    basedOnId: source.id,
    documentId: source.year === input.year ? source.documentId : null,
    legalBasis: source.legalBasis,
    shipped: source.shipped,
    note: '',
  });
  return present(ctx, row);
}

export type FrameworkEdit = {
  version: number;
  title: string;
  titleEn: string;
  tree: FrameworkTree;
  gradeBands: GradeBand[];
  rescaleWithoutSurvey: boolean;
  legalBasis: string;
  documentId: string | null;
  note: string;
};

/** Is a version in use: published, or named by a campaign? (Then an edit makes the next version.) */
async function inUse(db: Db, row: FrameworkRow): Promise<boolean> {
  if (row.status === 'published') return true;
  return ((await usage(db, [row.provinceId])).get(row.id)?.length ?? 0) > 0;
}

export async function updateFramework(
  ctx: RequestContext,
  id: string,
  input: FrameworkEdit,
): Promise<{ framework: FrameworkOut; newVersion: boolean }> {
  const row = await loadFramework(ctx, id);
  requireOffice(requireActor(ctx), row.provinceId);
  if (row.version !== input.version) throw staleVersion('par_framework', row.version);
  const problems = checkFramework(input.tree, input.gradeBands);
  if (problems.length) throw frameworkInvalid(ctx, problems);
  const values = {
    title: input.title,
    titleEn: input.titleEn,
    tree: input.tree,
    gradeBands: input.gradeBands,
    rescaleWithoutSurvey: input.rescaleWithoutSurvey,
    legalBasis: input.legalBasis,
    documentId: input.documentId,
    note: input.note,
  };
  if (await inUse(ctx.db, row)) {
    const created = await insertFramework(ctx, {
      ...values,
      provinceId: row.provinceId,
      unitGroup: row.unitGroup,
      year: row.year,
      basedOnId: row.id,
      shipped: false,
    });
    return { framework: await present(ctx, created), newVersion: true };
  }
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .update(parFrameworks)
      .set({ ...values, shipped: false, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(parFrameworks.id, id), eq(parFrameworks.version, input.version)))
      .returning();
    if (!u) throw staleVersion('par_framework', row.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'par_framework', entityId: id, before: row, after: u },
    );
    return u;
  });
  return { framework: await present(ctx, updated), newVersion: false };
}

/** Publishes a draft (checked again): campaigns may then take it. */
export async function publishFramework(
  ctx: RequestContext,
  id: string,
  version: number,
): Promise<FrameworkOut> {
  const row = await loadFramework(ctx, id);
  requireOffice(requireActor(ctx), row.provinceId);
  if (row.version !== version) throw staleVersion('par_framework', row.version);
  if (row.status === 'published') return present(ctx, row);
  const problems = checkFramework(treeOf(row), bandsOf(row));
  if (problems.length) throw frameworkInvalid(ctx, problems);
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .update(parFrameworks)
      .set({ status: 'published', version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(parFrameworks.id, id), eq(parFrameworks.version, version)))
      .returning();
    if (!u) throw staleVersion('par_framework', row.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'publish', entity: 'par_framework', entityId: id, before: row, after: u },
    );
    return u;
  });
  return present(ctx, updated);
}

/** A framework version as an Excel workbook (the same layout the import reads). */
export async function exportFramework(ctx: RequestContext, id: string) {
  const row = await loadFramework(ctx, id);
  const buffer = await frameworkWorkbook({
    title: row.title,
    tree: treeOf(row),
    gradeBands: bandsOf(row),
    rescaleWithoutSurvey: row.rescaleWithoutSurvey,
  });
  const group = { department: 'so-ban-nganh', commune: 'cap-xa', other: 'khac' }[row.unitGroup];
  return { buffer, fileName: `Bộ tiêu chí CCHC ${row.year} ${group} (phiên bản ${row.number}).xlsx` };
}

/** Whether a version holds what a workbook holds (compared as the workbook's rows: the import's own reading). */
const sameContent = (
  row: FrameworkRow,
  x: { tree: FrameworkTree; gradeBands: GradeBand[]; rescaleWithoutSurvey: boolean },
) =>
  JSON.stringify(treeToRows(treeOf(row), bandsOf(row), row.rescaleWithoutSurvey)) ===
  JSON.stringify(treeToRows(x.tree, x.gradeBands, x.rescaleWithoutSurvey));

/**
 * Imports a workbook as the next version of a year and group (a draft): all or nothing (any problem refuses the
 * file, 400 with every problem), and idempotent — a file whose content is already a version of that year and
 * group returns that version (`created: false`).
 */
export async function importFramework(
  ctx: RequestContext,
  q: { year: number; group: UnitGroup },
  upload: { buffer: Buffer; filename: string },
): Promise<{ framework: FrameworkOut; created: boolean }> {
  const provinceId = await officeProvince(ctx);
  const read = await readFrameworkWorkbook(upload);
  if (read.problems.length) throw importInvalid(ctx, read.problems);
  const problems = checkFramework(read.tree, read.gradeBands);
  if (problems.length) throw frameworkInvalid(ctx, problems);
  const versions = await ctx.db
    .select()
    .from(parFrameworks)
    .where(
      and(
        eq(parFrameworks.provinceId, provinceId),
        eq(parFrameworks.unitGroup, q.group),
        eq(parFrameworks.year, q.year),
      ),
    )
    .orderBy(desc(parFrameworks.number));
  const same = versions.find((v) => sameContent(v, read));
  if (same) return { framework: await present(ctx, same), created: false };
  const latest = versions[0];
  const titles = {
    department: {
      vi: 'Bộ tiêu chí xác định Chỉ số CCHC các sở, ban, ngành',
      en: 'PAR Index framework for departments',
    },
    commune: { vi: 'Bộ tiêu chí xác định Chỉ số CCHC UBND cấp xã', en: 'PAR Index framework for communes' },
    other: {
      vi: 'Bộ tiêu chí xác định Chỉ số CCHC các cơ quan, đơn vị khác',
      en: 'PAR Index framework for other bodies',
    },
  }[q.group];
  const row = await insertFramework(ctx, {
    provinceId,
    unitGroup: q.group,
    year: q.year,
    title: latest?.title ?? `${titles.vi} năm ${q.year}`,
    titleEn: latest?.titleEn ?? `${titles.en}, ${q.year}`,
    tree: read.tree,
    gradeBands: read.gradeBands,
    rescaleWithoutSurvey: read.rescaleWithoutSurvey,
    basedOnId: latest?.id ?? null,
    documentId: latest?.documentId ?? null,
    legalBasis: latest?.legalBasis ?? '',
    shipped: false,
    note: `Nhập từ tệp ${upload.filename}`,
  });
  return { framework: await present(ctx, row), created: true };
}
