/**
 * Checklist templates, one per content area and versioned (a new version on every edit; an inspection keeps the
 * versions it was filled with). The shipped defaults (server/data/inspections/checklists.json) are written as
 * version 1 of each area the first time templates are needed, like the hotline's default categories.
 */
import fs from 'node:fs';
import path from 'node:path';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, forbidden, staleVersion } from '../../core/errors.js';
import { seedDataFolder } from '../../paths.js';
import { recordChange } from '../audit/audit.service.js';
import { REFORM_AREAS, type ReformArea } from '../tasks/index.js';
import { maxParam, officeProvinces, requireActor } from './inspection-records.service.js';
import { inspectionChecklistTemplates } from './inspections.table.js';
import { checklistProblems, describeChecklist, type ChecklistItem } from './rules/checklists.js';

export const CHECKLISTS_FILE = path.join(seedDataFolder, 'inspections/checklists.json');

export type TemplateRow = typeof inspectionChecklistTemplates.$inferSelect;

/** The shipped templates, checked (a broken file is a bug: it fails loudly). */
export function shippedChecklists(): Record<ReformArea, ChecklistItem[]> {
  const data = JSON.parse(fs.readFileSync(CHECKLISTS_FILE, 'utf8')) as {
    areas: Record<string, ChecklistItem[]>;
  };
  const out = {} as Record<ReformArea, ChecklistItem[]>;
  for (const area of REFORM_AREAS) {
    const items = data.areas[area];
    if (!items) throw new Error(`${CHECKLISTS_FILE}: no template for ${area}`);
    const problems = checklistProblems(items);
    if (problems.length)
      throw new Error(`${CHECKLISTS_FILE} ${area}: ${problems.map(describeChecklist).join('; ')}`);
    out[area] = items;
  }
  return out;
}

/** Writes the shipped templates of the areas that have none yet (idempotent; journalled). */
export async function ensureChecklists(ctx: RequestContext): Promise<void> {
  const present = new Set(
    (
      await ctx.db
        .selectDistinct({ area: inspectionChecklistTemplates.area })
        .from(inspectionChecklistTemplates)
    ).map((r) => r.area),
  );
  if (REFORM_AREAS.every((a) => present.has(a))) return;
  const shipped = shippedChecklists();
  for (const area of REFORM_AREAS) {
    if (present.has(area)) continue;
    const [row] = await ctx.db
      .insert(inspectionChecklistTemplates)
      .values({ area, number: 1, items: shipped[area], shipped: true, note: 'chidao' })
      .onConflictDoNothing()
      .returning();
    if (row)
      await recordChange(ctx, {
        action: 'create',
        entity: 'inspection_checklist_template',
        entityId: row.id,
        after: row,
      });
  }
}

/** The latest version of each area's template. */
export async function currentTemplates(ctx: RequestContext): Promise<Map<string, TemplateRow>> {
  await ensureChecklists(ctx);
  const rows = await ctx.db
    .select()
    .from(inspectionChecklistTemplates)
    .orderBy(asc(inspectionChecklistTemplates.area), desc(inspectionChecklistTemplates.number));
  const out = new Map<string, TemplateRow>();
  for (const r of rows) if (!out.has(r.area)) out.set(r.area, r);
  return out;
}

export async function templatesByIds(
  ctx: RequestContext,
  ids: readonly string[],
): Promise<Map<string, TemplateRow>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map();
  const rows = await ctx.db
    .select()
    .from(inspectionChecklistTemplates)
    .where(inArray(inspectionChecklistTemplates.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

const presentTemplate = (r: TemplateRow) => ({
  id: r.id,
  area: r.area as ReformArea,
  number: r.number,
  items: r.items as ChecklistItem[],
  shipped: r.shipped,
  note: r.note,
  createdAt: r.createdAt.toISOString(),
});

/** Every area's current template and its versions (for everyone in inspections; the office edits). */
export async function listTemplates(ctx: RequestContext) {
  const actor = requireActor(ctx);
  await ensureChecklists(ctx);
  const rows = await ctx.db
    .select()
    .from(inspectionChecklistTemplates)
    .orderBy(asc(inspectionChecklistTemplates.area), desc(inspectionChecklistTemplates.number));
  return {
    areas: REFORM_AREAS.flatMap((area) => {
      const versions = rows.filter((r) => r.area === area);
      if (!versions.length) return [];
      return [
        {
          area,
          current: presentTemplate(versions[0]!),
          versions: versions.map((v) => ({
            id: v.id,
            number: v.number,
            shipped: v.shipped,
            note: v.note,
            items: (v.items as unknown[]).length,
            createdAt: v.createdAt.toISOString(),
          })),
        },
      ];
    }),
    abilities: { manage: (await officeProvinces(ctx, actor)).length > 0 },
  };
}

/** Every version of one area's template with its items, the latest first (earlier versions are read too). */
export async function templateVersions(ctx: RequestContext, area: ReformArea) {
  requireActor(ctx);
  await ensureChecklists(ctx);
  const rows = await ctx.db
    .select()
    .from(inspectionChecklistTemplates)
    .where(eq(inspectionChecklistTemplates.area, area))
    .orderBy(desc(inspectionChecklistTemplates.number));
  return { area, versions: rows.map(presentTemplate) };
}

/**
 * A new version of an area's template (its items as edited): the standing agency over a province. With `basedOn`
 * (the number of the version the edit started from), a version saved by someone else meanwhile is a 409.
 */
export async function addTemplateVersion(
  ctx: RequestContext,
  area: ReformArea,
  input: { items: ChecklistItem[]; note?: string | undefined; basedOn?: number | undefined },
) {
  const actor = requireActor(ctx);
  if (!(await officeProvinces(ctx, actor)).length) throw forbidden();
  const items = input.items.map((i) => ({
    key: i.key.trim(),
    text: { vi: i.text.vi.trim(), en: i.text.en.trim() },
    guidance: { vi: (i.guidance?.vi ?? '').trim(), en: (i.guidance?.en ?? '').trim() },
  }));
  const problems = checklistProblems(items);
  if (problems.length)
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      'inspections.checklist_invalid',
      { count: problems.length },
      problems.map((p) => ({
        field: p.path,
        message: `inspections.checklist.${p.problem}` as const,
        params: maxParam(p.max),
      })),
    );
  await ensureChecklists(ctx);
  return ctx.db.transaction(async (tx) => {
    const [latest] = await tx
      .select()
      .from(inspectionChecklistTemplates)
      .where(eq(inspectionChecklistTemplates.area, area))
      .orderBy(desc(inspectionChecklistTemplates.number))
      .limit(1);
    // Edited from a version that is no longer the latest: someone saved one meanwhile (the editor reloads).
    if (input.basedOn !== undefined && input.basedOn !== (latest?.number ?? 0))
      throw staleVersion('inspection_checklist_template', latest?.number ?? 0);
    const [row] = await tx
      .insert(inspectionChecklistTemplates)
      .values({
        area,
        number: (latest?.number ?? 0) + 1,
        items,
        shipped: false,
        note: (input.note ?? '').trim(),
        createdBy: actor.user.id,
      })
      .onConflictDoNothing()
      .returning();
    // Two editors at once: the second finds its number taken.
    if (!row) throw staleVersion('inspection_checklist_template', (latest?.number ?? 0) + 1);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'create',
        entity: 'inspection_checklist_template',
        entityId: row.id,
        before: latest ?? null,
        after: row,
      },
    );
    return presentTemplate(row);
  });
}

/** The template version a finding of this area would be recorded with (the area's first finding fixes it). */
export async function templateFor(
  ctx: RequestContext,
  used: ReadonlyMap<string, string>,
  area: string,
): Promise<TemplateRow | null> {
  const id = used.get(area);
  if (id) return (await templatesByIds(ctx, [id])).get(id) ?? null;
  return (await currentTemplates(ctx)).get(area) ?? null;
}
