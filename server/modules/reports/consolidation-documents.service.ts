/**
 * The consolidated report of a round as files (issue 13, point 5): the province's report as .docx — issued
 * by the People's Committee in the layout of Decree 30/2020/NĐ-CP, or by the Steering Committee in its own
 * layout (a Party document when the Tỉnh ủy founded it, Hướng dẫn 36-HD/VPTW) — and the data annexes as
 * .xlsx (the consolidated figures, each unit's figures, who submitted and when).
 */
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { notFound } from '../../core/errors.js';
import { findCommittee } from '../committees/committees.service.js';
import { getUnits, unitDisplayName } from '../units/units.service.js';
import { requireRoundReader } from './assignments.service.js';
import { computeConsolidation } from './consolidation.service.js';
import type { FormValues } from './form/index.js';
import { definitionOf, getFormVersionRow } from './forms.service.js';
import { reportDocx, reportWorkbook } from './output/index.js';
import { reportConsolidations, reports } from './reports.table.js';
import { getRoundRow, roundLabel } from './rounds.service.js';

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

export async function consolidationDocx(
  ctx: RequestContext,
  roundId: string,
  issuer: 'province' | 'committee',
): Promise<{ buffer: Buffer; filename: string }> {
  const round = await getRoundRow(ctx.db, roundId);
  await requireRoundReader(ctx, round.ownerUnitId);
  const [row] = await ctx.db
    .select()
    .from(reportConsolidations)
    .where(eq(reportConsolidations.roundId, roundId));
  if (!row) throw notFound('report_consolidation');
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
        issuingBody: `ỦY BAN NHÂN DÂN TỈNH ${upper(place)}`,
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
    values: row.values as FormValues,
    ...facts,
    number: null,
    place,
    date: todayInVietnam(),
    title,
  });
  return { buffer, filename: fileSafe(`Báo cáo CCHC ${period}.docx`) };
}

export async function consolidationXlsx(
  ctx: RequestContext,
  roundId: string,
): Promise<{ buffer: Buffer; filename: string }> {
  const round = await getRoundRow(ctx.db, roundId);
  await requireRoundReader(ctx, round.ownerUnitId);
  const { form, result } = await computeConsolidation(ctx.db, round);
  const rows = await ctx.db.select().from(reports).where(eq(reports.roundId, roundId));
  const units = new Map(
    (
      await getUnits(
        ctx.db,
        rows.map((r) => r.unitId),
      )
    ).map((u) => [u.id, u]),
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
