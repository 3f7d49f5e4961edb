/**
 * The consolidated report of a round as files (issue 13, point 5): the province's report as .docx — issued
 * by the People's Committee in the layout of Decree 30/2020/NĐ-CP, or by the Steering Committee in its own
 * layout (a Party document when the Tỉnh ủy founded it, Hướng dẫn 36-HD/VPTW) — and the data annexes as
 * .xlsx (the consolidated figures, each unit's figures, who submitted and when).
 */
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { conflict, notFound, staleVersion } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { attachFile, createDocumentRecord } from '../documents/documents.service.js';
import { provinceCommittee } from '../documents/admin-document.js';
import type { FileStore } from '../files/file-store.js';
import { findCommittee } from '../committees/committees.service.js';
import { getUnits, unitDisplayName, unitLabelsOf } from '../units/units.service.js';
import { requireManager, requireRoundReader } from './assignments.service.js';
import { computeConsolidation, getConsolidation, type ConsolidationOut } from './consolidation.service.js';
import { evaluate } from './form/index.js';
import { definitionOf, getFormVersionRow } from './forms.service.js';
import { reportDocx, reportWorkbook } from './output/index.js';
import { reportConsolidations, reports } from './reports.table.js';
import { getRoundRow, roundLabel, type RoundRow } from './rounds.service.js';

type ConsolidationRow = typeof reportConsolidations.$inferSelect;

const STATUS_VI: Record<string, string> = {
  draft: 'Chưa gửi',
  returned: 'Bị trả lại, chưa gửi lại',
  submitted: 'Đã gửi, chờ tiếp nhận',
  accepted: 'Đã tiếp nhận',
};

const upper = (s: string) => s.toLocaleUpperCase('vi');
const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|]+/g, '-');

/** The province's name ("Nghệ An") from its display name ("Tỉnh Nghệ An", "UBND tỉnh Nghệ An"). */
const placeOf = (name: string) => name.replace(/^(UBND\s+)?(tỉnh|thành phố)\s+/i, '').trim();

export type Issuer = 'province' | 'committee';

export async function consolidationDocx(
  ctx: RequestContext,
  roundId: string,
  issuer: Issuer,
): Promise<{ buffer: Buffer; filename: string }> {
  const round = await getRoundRow(ctx.db, roundId);
  await requireRoundReader(ctx, round.ownerUnitId);
  const [row] = await ctx.db
    .select()
    .from(reportConsolidations)
    .where(eq(reportConsolidations.roundId, roundId));
  if (!row) throw notFound('report_consolidation');
  return (await documentOf(ctx, round, row, issuer, { number: null, date: todayInVietnam() })).docx;
}

/** The document facts and .docx of a consolidation (its number left blank until it is issued). */
async function documentOf(
  ctx: RequestContext,
  round: RoundRow,
  row: ConsolidationRow,
  issuer: Issuer,
  at: { number: number | null; date: string },
) {
  const form = definitionOf(await getFormVersionRow(ctx.db, row.formVersionId));
  const [owner] = await getUnits(ctx.db, [round.ownerUnitId]);
  const place = placeOf(owner ? unitDisplayName(owner) : '');
  const period = roundLabel(round, 'vi');
  const title = `Kết quả thực hiện công tác cải cách hành chính ${period.charAt(0).toLowerCase()}${period.slice(1)}`;
  const committee =
    issuer === 'committee' ? await findCommittee(ctx, round.ownerUnitId, 'province') : undefined;
  const party = committee?.founderKind === 'party';
  const facts = committee
    ? {
        layout: party ? ('party' as const) : ('state' as const),
        parentBody: party ? `TỈNH ỦY ${upper(place)}` : `UBND TỈNH ${upper(place)}`,
        issuingBody: upper(committee.name),
        symbol: party ? `BC/${committee.symbol}` : `BC-${committee.symbol}`,
        recipients: [
          'Thường trực Tỉnh ủy',
          'Thường trực HĐND tỉnh',
          'Các thành viên Ban Chỉ đạo',
          `Lưu: VT, ${committee.symbol}`,
        ],
        signature: { authority: [party ? 'T/M BAN CHỈ ĐẠO' : 'TM. BAN CHỈ ĐẠO'], position: 'TRƯỞNG BAN' },
      }
    : {
        layout: 'state' as const,
        parentBody: null,
        issuingBody: provinceCommittee(place),
        symbol: 'BC-UBND',
        recipients: [
          'Bộ Nội vụ (Vụ Cải cách hành chính)',
          'Thường trực Tỉnh ủy',
          'Thường trực HĐND tỉnh',
          'Ban Chỉ đạo CCHC tỉnh',
          'Lưu: VT, SNV',
        ],
        signature: { authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], position: 'PHÓ CHỦ TỊCH' },
      };
  const buffer = await reportDocx({
    form,
    // The computed figures (rates) are the form's own: evaluated from the draft, never typed.
    values: evaluate(form, row.values).values,
    ...facts,
    number: at.number,
    place,
    date: at.date,
    title,
  });
  return {
    docx: { buffer, filename: fileSafe(`Báo cáo CCHC ${period}.docx`) },
    title: `Báo cáo ${title.charAt(0).toLowerCase()}${title.slice(1)}`,
    issuerName: committee ? committee.name : `UBND tỉnh ${place}`,
    symbol: facts.symbol,
  };
}

/**
 * Issues the consolidated report (the standing agency): registers it in the document register as a report
 * (`bao_cao`) with its number, date and issuer, attaches the .docx (numbered) and the .xlsx annexes, and
 * locks the draft. The files are built before the transaction and stored after it (no file I/O while the
 * database is held).
 */
export async function issueConsolidation(
  ctx: RequestContext,
  store: FileStore,
  roundId: string,
  input: { version: number; number: number; issuedOn: string; issuer: Issuer },
  maxBytes: number,
): Promise<ConsolidationOut> {
  const round = await getRoundRow(ctx.db, roundId);
  await requireManager(ctx, round.ownerUnitId);
  const [row] = await ctx.db
    .select()
    .from(reportConsolidations)
    .where(eq(reportConsolidations.roundId, roundId));
  if (!row) throw notFound('report_consolidation');
  if (row.documentId) throw conflict('reports.consolidation.issued');
  if (row.version !== input.version) throw staleVersion('report_consolidation', row.version);
  const made = await documentOf(ctx, round, row, input.issuer, {
    number: input.number,
    date: input.issuedOn,
  });
  const annex = await consolidationXlsx(ctx, roundId);
  const numberSymbol = made.symbol.includes('/')
    ? `${String(input.number).padStart(2, '0')}-${made.symbol}`
    : `${String(input.number).padStart(2, '0')}/${made.symbol}`;
  const documentId = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const doc = await createDocumentRecord(txCtx, {
      numberSymbol,
      type: 'bao_cao',
      issuer: made.issuerName,
      issuedOn: input.issuedOn,
      title: made.title,
      summary: null,
      unitId: round.ownerUnitId,
      access: 'internal',
    });
    const [u] = await tx
      .update(reportConsolidations)
      .set({ documentId: doc.id, version: sql`${reportConsolidations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(reportConsolidations.roundId, roundId), eq(reportConsolidations.version, input.version)))
      .returning();
    if (!u) throw staleVersion('report_consolidation', row.version);
    await recordChange(txCtx, {
      action: 'issue',
      entity: 'report_consolidation',
      entityId: roundId,
      before: { documentId: null },
      after: { documentId: doc.id, numberSymbol },
    });
    return doc.id;
  });
  for (const file of [made.docx, annex])
    await attachFile(
      ctx,
      store,
      documentId,
      { content: Readable.from(file.buffer), filename: file.filename },
      Math.max(maxBytes, file.buffer.length),
    );
  return getConsolidation(ctx, roundId);
}

export async function consolidationXlsx(
  ctx: RequestContext,
  roundId: string,
): Promise<{ buffer: Buffer; filename: string }> {
  const round = await getRoundRow(ctx.db, roundId);
  await requireRoundReader(ctx, round.ownerUnitId);
  const { form, result } = await computeConsolidation(ctx.db, round);
  const rows = await ctx.db
    .select({
      unitId: reports.unitId,
      status: reports.status,
      dueDate: reports.dueDate,
      firstSubmittedOn: reports.firstSubmittedOn,
    })
    .from(reports)
    .where(eq(reports.roundId, roundId));
  const units = await unitLabelsOf(
    ctx.db,
    sql`SELECT ${reports.unitId} FROM ${reports} WHERE ${reports.roundId} = ${roundId}`,
  );
  const period = roundLabel(round, 'vi');
  const buffer = await reportWorkbook({
    form,
    periodLabel: period,
    consolidation: result,
    units: rows
      .map((r) => {
        const u = units.get(r.unitId);
        return {
          unitId: r.unitId,
          unitName: u ? unitDisplayName(u) : r.unitId,
          status: STATUS_VI[r.status] ?? r.status,
          submittedOn: r.firstSubmittedOn,
          late: r.firstSubmittedOn !== null && r.firstSubmittedOn > r.dueDate,
        };
      })
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
    date: todayInVietnam(),
  });
  return { buffer, filename: fileSafe(`Phụ lục số liệu CCHC ${period}.xlsx`) };
}
