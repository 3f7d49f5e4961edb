/**
 * An inspection's checklist and its findings: the items of its areas' template versions (the version already
 * used for an area once a finding names it, else the area's current one) and its own items, each with its
 * finding — compliant / shortcoming / violation / not applicable, a note and evidence files. Findings are saved
 * one item at a time (autosave from a tablet on site), each with its own version: a stale save answers 409.
 */
import type { Readable } from 'node:stream';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, notFound, staleVersion } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import type { FileStore } from '../files/file-store.js';
import { getFiles, removeStoredFile, storeUpload, type StoredFile } from '../files/files.service.js';
import { currentTemplates, templatesByIds, type TemplateRow } from './checklists.service.js';
import { loadInspection, requireActor, userRefs, type InspectionRow } from './inspection-records.service.js';
import type { InspectionAccess } from './inspections.policy.js';
import type { ChecklistOut, FindingOut } from './inspections.schemas.js';
import { inspectionFindingFiles, inspectionFindings, type FindingResult } from './inspections.table.js';
import { CUSTOM_AREA, type ChecklistItem, type CustomItem } from './rules/checklists.js';
import { inspectionTransition } from './rules/inspection-status.js';

type FindingRow = typeof inspectionFindings.$inferSelect;

async function findingsOf(ctx: RequestContext, inspectionId: string): Promise<FindingRow[]> {
  return ctx.db
    .select()
    .from(inspectionFindings)
    .where(eq(inspectionFindings.inspectionId, inspectionId))
    .orderBy(asc(inspectionFindings.area), asc(inspectionFindings.itemKey));
}

/** The template version each area of an inspection uses: the one its findings name, else the current one. */
async function templatesOf(
  ctx: RequestContext,
  row: InspectionRow,
  findings: readonly FindingRow[],
): Promise<Map<string, TemplateRow>> {
  const used = new Map<string, string>();
  for (const f of findings) if (f.templateId && !used.has(f.area)) used.set(f.area, f.templateId);
  const byId = await templatesByIds(ctx, [...used.values()]);
  const current = await currentTemplates(ctx);
  const out = new Map<string, TemplateRow>();
  for (const area of row.areas) {
    const t = (used.has(area) ? byId.get(used.get(area)!) : undefined) ?? current.get(area);
    if (t) out.set(area, t);
  }
  return out;
}

async function presentFindings(
  ctx: RequestContext,
  rows: readonly FindingRow[],
): Promise<Map<string, FindingOut>> {
  const out = new Map<string, FindingOut>();
  if (!rows.length) return out;
  const links = await ctx.db
    .select()
    .from(inspectionFindingFiles)
    .where(
      inArray(
        inspectionFindingFiles.findingId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(inspectionFindingFiles.position));
  const files = new Map(
    (
      await getFiles(
        ctx,
        links.map((l) => l.fileId),
      )
    ).map((f) => [f.id, f]),
  );
  const users = await userRefs(
    ctx,
    rows.map((r) => r.updatedBy ?? ''),
  );
  for (const r of rows)
    out.set(r.id, {
      id: r.id,
      result: r.result,
      note: r.note,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
      updatedBy: r.updatedBy ? (users.get(r.updatedBy) ?? null) : null,
      files: links
        .filter((l) => l.findingId === r.id && files.has(l.fileId))
        .map((l) => {
          const f = files.get(l.fileId)!;
          return { id: f.id, originalName: f.originalName, size: f.size, mediaType: f.mediaType };
        }),
    });
  return out;
}

/** The checklist of an inspection with its findings, by section (area), and the counts. */
export async function checklistOf(ctx: RequestContext, row: InspectionRow): Promise<ChecklistOut> {
  const findings = await findingsOf(ctx, row.id);
  const templates = await templatesOf(ctx, row, findings);
  const presented = await presentFindings(ctx, findings);
  const findingOf = (area: string, key: string) => {
    const f = findings.find((x) => x.area === area && x.itemKey === key);
    return f ? (presented.get(f.id) ?? null) : null;
  };
  const sections: ChecklistOut['sections'] = [];
  for (const area of row.areas) {
    const t = templates.get(area);
    if (!t) continue;
    sections.push({
      area: area as ChecklistOut['sections'][number]['area'],
      template: { id: t.id, number: t.number },
      items: (t.items as ChecklistItem[]).map((i) => ({
        key: i.key,
        text: i.text,
        guidance: i.guidance,
        finding: findingOf(area, i.key),
      })),
    });
  }
  const custom = row.customItems as CustomItem[];
  if (custom.length)
    sections.push({
      area: CUSTOM_AREA,
      template: null,
      items: custom.map((i) => ({
        key: i.key,
        text: i.text,
        guidance: { vi: '', en: '' },
        finding: findingOf(CUSTOM_AREA, i.key),
      })),
    });
  const all = sections.flatMap((s) => s.items);
  const count = (r: FindingResult) => all.filter((i) => i.finding?.result === r).length;
  return {
    inspectionId: row.id,
    sections,
    summary: {
      items: all.length,
      recorded: all.filter((i) => i.finding?.result).length,
      compliant: count('compliant'),
      shortcoming: count('shortcoming'),
      violation: count('violation'),
      notApplicable: count('not_applicable'),
    },
  };
}

/** The checklist for whoever may read the inspection. */
export async function getChecklist(ctx: RequestContext, id: string): Promise<ChecklistOut> {
  const { row } = await loadInspection(ctx, id);
  return checklistOf(ctx, row);
}

/** The caller may record findings on this inspection now (a member of its team, while it is in progress). */
function requireRecording(row: InspectionRow, access: InspectionAccess) {
  const t = inspectionTransition(row.status, 'record_findings', access);
  if (!t.ok) throw new AppError(t.status, t.status === 403 ? 'FORBIDDEN' : 'CONFLICT', t.reason);
}

/** The item named (its area's template version, or a custom item), or 404 with a message naming the checklist. */
async function itemOf(
  ctx: RequestContext,
  row: InspectionRow,
  area: string,
  key: string,
): Promise<{ templateId: string | null }> {
  if (area === CUSTOM_AREA) {
    if ((row.customItems as CustomItem[]).some((i) => i.key === key)) return { templateId: null };
  } else if (row.areas.includes(area)) {
    const t = (await templatesOf(ctx, row, await findingsOf(ctx, row.id))).get(area);
    if (t && (t.items as ChecklistItem[]).some((i) => i.key === key)) return { templateId: t.id };
  }
  throw new AppError(404, 'NOT_FOUND', 'inspections.item_unknown');
}

const findingWhere = (inspectionId: string, area: string, key: string) =>
  and(
    eq(inspectionFindings.inspectionId, inspectionId),
    eq(inspectionFindings.area, area),
    eq(inspectionFindings.itemKey, key),
  );

/**
 * Records one item's finding: `version` 0 for an item with no finding yet, else the finding's version (stale →
 * 409 with the current one). A result may be cleared (null) while the inspection is in progress.
 */
export async function setFinding(
  ctx: RequestContext,
  id: string,
  area: string,
  key: string,
  input: { version: number; result: FindingResult | null; note: string },
): Promise<FindingOut> {
  const actor = requireActor(ctx);
  const { row, access } = await loadInspection(ctx, id);
  requireRecording(row, access);
  const { templateId } = await itemOf(ctx, row, area, key);
  const saved = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(inspectionFindings)
      .where(findingWhere(id, area, key));
    if (!before) {
      if (input.version !== 0) throw staleVersion('inspection_finding', 0);
      const [created] = await tx
        .insert(inspectionFindings)
        .values({
          inspectionId: id,
          templateId,
          area,
          itemKey: key,
          result: input.result,
          note: input.note.trim(),
          updatedBy: actor.user.id,
        })
        .onConflictDoNothing()
        .returning();
      // Someone else saved the same item first.
      if (!created) throw staleVersion('inspection_finding', 1);
      await recordChange(
        { ...ctx, db: tx },
        { action: 'create', entity: 'inspection_finding', entityId: created.id, after: created },
      );
      return created;
    }
    if (before.version !== input.version) throw staleVersion('inspection_finding', before.version);
    const [after] = await tx
      .update(inspectionFindings)
      .set({
        result: input.result,
        note: input.note.trim(),
        updatedBy: actor.user.id,
        updatedAt: new Date(),
        version: sql`${inspectionFindings.version} + 1`,
      })
      .where(and(eq(inspectionFindings.id, before.id), eq(inspectionFindings.version, input.version)))
      .returning();
    if (!after) throw staleVersion('inspection_finding', before.version + 1);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'inspection_finding', entityId: after.id, before, after },
    );
    return after;
  });
  return (await presentFindings(ctx, [saved])).get(saved.id)!;
}

/**
 * An evidence file for one item's finding (photos of the one-stop desk, a scanned register): checked by its
 * content like every upload, stored before the transaction, then linked to the finding (created empty if the
 * item has none yet).
 */
export async function uploadFindingFile(
  ctx: RequestContext,
  store: FileStore,
  id: string,
  area: string,
  key: string,
  upload: { content: Readable; filename: string },
  maxBytes: number,
): Promise<StoredFile> {
  const actor = requireActor(ctx);
  const { row, access } = await loadInspection(ctx, id);
  requireRecording(row, access);
  const { templateId } = await itemOf(ctx, row, area, key);
  const file = await storeUpload(ctx, store, upload.content, upload.filename, maxBytes);
  try {
    await ctx.db.transaction(async (tx) => {
      await tx
        .insert(inspectionFindings)
        .values({ inspectionId: id, templateId, area, itemKey: key, updatedBy: actor.user.id })
        .onConflictDoNothing();
      const [finding] = await tx
        .select()
        .from(inspectionFindings)
        .where(findingWhere(id, area, key));
      const [{ n } = { n: 0 }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(inspectionFindingFiles)
        .where(eq(inspectionFindingFiles.findingId, finding!.id));
      await tx
        .insert(inspectionFindingFiles)
        .values({ findingId: finding!.id, fileId: file.id, position: Number(n) });
      await recordChange(
        { ...ctx, db: tx },
        {
          action: 'attach_file',
          entity: 'inspection_finding',
          entityId: finding!.id,
          after: { fileId: file.id, originalName: file.originalName },
        },
      );
    });
  } catch (err) {
    await removeStoredFile(ctx, store, file.id).catch(() => undefined);
    throw err;
  }
  return file;
}

async function linkedFile(ctx: RequestContext, id: string, area: string, key: string, fileId: string) {
  const [finding] = await ctx.db
    .select()
    .from(inspectionFindings)
    .where(findingWhere(id, area, key));
  if (!finding) throw notFound('file');
  const [link] = await ctx.db
    .select()
    .from(inspectionFindingFiles)
    .where(and(eq(inspectionFindingFiles.findingId, finding.id), eq(inspectionFindingFiles.fileId, fileId)));
  if (!link) throw notFound('file');
  return finding;
}

/** An evidence file of a finding, for whoever may read the inspection (another item's file: 404). */
export async function findingFile(
  ctx: RequestContext,
  id: string,
  area: string,
  key: string,
  fileId: string,
): Promise<StoredFile> {
  await loadInspection(ctx, id);
  await linkedFile(ctx, id, area, key, fileId);
  const [file] = await getFiles(ctx, [fileId]);
  if (!file) throw notFound('file');
  return file;
}

/** Removes an evidence file from a finding (the team, while in progress); the stored file goes with it. */
export async function removeFindingFile(
  ctx: RequestContext,
  store: FileStore,
  id: string,
  area: string,
  key: string,
  fileId: string,
): Promise<void> {
  const { row, access } = await loadInspection(ctx, id);
  requireRecording(row, access);
  const finding = await linkedFile(ctx, id, area, key, fileId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(inspectionFindingFiles)
      .where(
        and(eq(inspectionFindingFiles.findingId, finding.id), eq(inspectionFindingFiles.fileId, fileId)),
      );
    await recordChange(
      { ...ctx, db: tx },
      { action: 'detach_file', entity: 'inspection_finding', entityId: finding.id, before: { fileId } },
    );
  });
  await removeStoredFile(ctx, store, fileId);
}

/** Findings of an inspection for other parts of the module (conclusions, figures): every row, by area and key. */
export const findingRows = (ctx: RequestContext, inspectionId: string): Promise<FindingRow[]> =>
  findingsOf(ctx, inspectionId);
