/**
 * Exports of a plan's progress: an Excel workbook (tasks with their timing and last progress, and the
 * KPIs) and a progress report in the Vietnamese administrative document layout (.docx, Decree
 * 30/2020/NĐ-CP; built by documents/admin-document.ts). Every signed-in user may export (plans are
 * internal); the numbers are those of `planKpis` as of the date asked, never recomputed here.
 */
import ExcelJS from 'exceljs';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { composition, listCommittees, localRecipientAsOf } from '../committees/committees.service.js';
// A pure builder shared by every module that issues administrative documents (see its header).
import { adminDocumentBuffer, type Block } from '../documents/admin-document.js';
import { getUnits, unitFacts } from '../units/units.service.js';
import { viDate, viNumber } from './excel-template.js';
import { safeFileName } from './plans-import.service.js';
import { getPlan, listTasks, planKpis } from './plans.service.js';
import { listEvents } from '../work/work.service.js';
import { REFORM_AREAS, REFORM_AREA_LABELS, type ReformArea } from '../tasks/index.js';

export const STATUS_LABELS: Record<string, string> = {
  not_started: 'Chưa bắt đầu',
  in_progress: 'Đang thực hiện',
  reported_done: 'Đã báo cáo hoàn thành',
  returned: 'Bị trả lại',
  verified: 'Đã xác nhận hoàn thành',
  cancelled: 'Đã hủy',
};

export const TIMING_LABELS: Record<string, string> = {
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành trễ hạn',
  overdue: 'Quá hạn',
  due_soon: 'Sắp đến hạn',
  on_track: 'Trong hạn',
  cancelled: 'Đã hủy',
};

export const METHOD_LABELS: Record<string, string> = {
  count: 'Đếm nhiệm vụ: số nhiệm vụ đã xác nhận hoàn thành / tổng số nhiệm vụ (trừ nhiệm vụ đã hủy)',
  weighted:
    'Theo trọng số: tổng trọng số nhiệm vụ đã xác nhận hoàn thành / tổng trọng số nhiệm vụ (trừ nhiệm vụ đã hủy)',
};

const areaLabel = (key: string | null) =>
  key && key in REFORM_AREA_LABELS ? REFORM_AREA_LABELS[key as ReformArea].vi : (key ?? '—');
const areaOrder = (key: string | null) => {
  const i = REFORM_AREAS.indexOf(key as ReformArea);
  return i < 0 ? REFORM_AREAS.length : i;
};

/** A percentage for text: 55.357 → "55,36%" (two decimals, Vietnamese comma), "—" when nothing is owed. */
export function viPct(value: number | null): string {
  return value === null ? '—' : `${viNumber(Math.round(value * 100) / 100, 2)}%`;
}

/** The last published progress percentage of each task (updates awaiting a leader's approval left out). */
async function lastProgress(ctx: RequestContext, taskIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!taskIds.length) return out;
  const events = (
    await listEvents(ctx.db, 'plan_task', taskIds, {
      actions: ['progress', 'approve_progress'],
      withFiles: false,
    })
  )
    .map((e) => ({ ...e, taskId: e.itemId }))
    .reverse();
  const approved = new Set(events.filter((e) => e.action === 'approve_progress').map((e) => e.reviewOf));
  for (const e of events) {
    if (e.action !== 'progress' || e.percent === null || out.has(e.taskId)) continue;
    if (e.needsApproval && !approved.has(e.id)) continue;
    out.set(e.taskId, e.percent);
  }
  return out;
}

async function progressData(ctx: RequestContext, planId: string, asOf: string) {
  const plan = await getPlan(ctx, planId);
  const [tasks, kpis] = await Promise.all([listTasks(ctx, planId, asOf), planKpis(ctx, planId, asOf)]);
  const progress = await lastProgress(
    ctx,
    tasks.map((t) => t.id),
  );
  const sorted = [...tasks].sort(
    (a, b) =>
      areaOrder(a.reformArea) - areaOrder(b.reformArea) ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.title.localeCompare(b.title, 'vi'),
  );
  return { plan, tasks: sorted, kpis, progress };
}

const dateCell = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

// ---------------------------------------------------------------------------------------------------
// Excel

/** The plan's progress as a workbook: "Tiến độ" (one row per task) and "Tổng hợp" (the KPIs). */
export async function progressWorkbook(
  ctx: RequestContext,
  planId: string,
  asOf = todayInVietnam(),
): Promise<{ buffer: Buffer; fileName: string }> {
  const { plan, tasks, kpis, progress } = await progressData(ctx, planId, asOf);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chidao';
  wb.title = `Tiến độ ${plan.title}`;
  const bold = { bold: true };

  const ws = wb.addWorksheet('Tiến độ', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'STT', key: 'stt', width: 6 },
    { header: 'Nhiệm vụ', key: 'title', width: 55 },
    { header: 'Lĩnh vực CCHC', key: 'area', width: 32 },
    { header: 'Đơn vị chủ trì', key: 'lead', width: 32 },
    { header: 'Hạn hoàn thành', key: 'due', width: 15, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Trạng thái', key: 'status', width: 22 },
    { header: 'Thời hạn', key: 'timing', width: 20 },
    { header: 'Số ngày làm việc quá hạn', key: 'late', width: 14 },
    { header: 'Tiến độ gần nhất (%)', key: 'progress', width: 14 },
    { header: 'Ngày xác nhận hoàn thành', key: 'verified', width: 16, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Trọng tâm', key: 'focus', width: 10 },
    { header: 'Trọng số', key: 'weight', width: 10, style: { numFmt: '#,##0.##' } },
  ];
  ws.getRow(1).font = bold;
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  tasks.forEach((t, i) => {
    const row = ws.addRow({
      stt: i + 1,
      title: t.title,
      area: areaLabel(t.reformArea),
      lead: t.leadUnitName,
      due: dateCell(t.dueDate),
      status: STATUS_LABELS[t.status] ?? t.status,
      timing: TIMING_LABELS[t.timing.state] ?? t.timing.state,
      late: t.timing.daysOverdue || null,
      progress: t.status === 'verified' ? 100 : (progress.get(t.id) ?? null),
      verified: dateCell(t.verifiedOn),
      focus: t.focus ? 'x' : '',
      weight: t.weight,
    });
    row.alignment = { vertical: 'top', wrapText: true };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columns.length } };

  const sum = wb.addWorksheet('Tổng hợp');
  sum.columns = [
    { key: 'a', width: 42 },
    { key: 'b', width: 14 },
    { key: 'c', width: 18 },
    { key: 'd', width: 14 },
    { key: 'e', width: 14 },
    { key: 'f', width: 14 },
  ];
  const o = kpis.overall;
  sum.addRow([`TIẾN ĐỘ THỰC HIỆN ${plan.title.toLocaleUpperCase('vi')}`]).font = { bold: true, size: 13 };
  sum.addRow([`Số liệu tính đến ngày ${viDate(asOf)}`]).font = { italic: true };
  sum.addRow([`Cách tính tỷ lệ hoàn thành: ${METHOD_LABELS[kpis.method] ?? kpis.method}`]);
  sum.addRow([]);
  sum.addRow(['Chỉ tiêu', 'Giá trị', 'Diễn giải']).font = bold;
  const metric = (label: string, value: number, text = viNumber(value)) => sum.addRow([label, value, text]);
  metric('Tổng số nhiệm vụ', o.total.value);
  metric('Đã xác nhận hoàn thành', o.verified.value);
  metric('Hoàn thành đúng hạn', o.verifiedOnTime.value);
  metric('Đang thực hiện', o.inProgress.value);
  metric('Đã báo cáo, chờ xác nhận', o.reportedDone.value);
  metric('Bị trả lại', o.returned.value);
  metric('Chưa bắt đầu', o.notStarted.value);
  metric('Quá hạn', o.overdue.value);
  metric('Đã hủy', o.cancelled.value);
  const pct = o.completionPct.value;
  const pctRow = sum.addRow([
    'Tỷ lệ hoàn thành (%)',
    pct === null ? null : Math.round(pct * 100) / 100,
    `${viPct(pct)} (${viNumber(o.completionPct.numerator)}/${viNumber(o.completionPct.denominator)})`,
  ]);
  pctRow.getCell(2).numFmt = '0.00';
  sum.addRow(['Cách tính', kpis.method, METHOD_LABELS[kpis.method] ?? kpis.method]);
  sum.addRow([]);
  sum.addRow(['Theo lĩnh vực CCHC', 'Tổng số', 'Đã hoàn thành', 'Đúng hạn', 'Quá hạn', 'Tỷ lệ (%)']).font =
    bold;
  for (const g of [...kpis.byReformArea].sort((a, b) => areaOrder(a.key) - areaOrder(b.key))) {
    const r = sum.addRow([
      areaLabel(g.key),
      g.kpis.total.value,
      g.kpis.verified.value,
      g.kpis.verifiedOnTime.value,
      g.kpis.overdue.value,
      g.kpis.completionPct.value === null ? null : Math.round(g.kpis.completionPct.value * 100) / 100,
    ]);
    r.getCell(6).numFmt = '0.00';
  }

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    buffer,
    fileName: safeFileName(`Tiến độ ${plan.title} đến ${viDate(asOf).replace(/\//g, '-')}.xlsx`),
  };
}

// ---------------------------------------------------------------------------------------------------
// DOCX report

/** Who issues a plan's report: the province's people's committee above the Steering Committee or the unit. */
async function issuer(ctx: RequestContext, ownerUnitId: string, ownerKind: string, asOf: string) {
  const facts = (await unitFacts(ctx.db, [ownerUnitId])).get(ownerUnitId);
  const chain = await getUnits(ctx.db, facts?.path ?? [ownerUnitId]);
  const province = chain.find((u) => u.kind === 'province');
  const owner = chain.find((u) => u.id === ownerUnitId);
  const place = province?.name ?? owner?.name ?? '';
  const provinceBody = province ? province.fullName : '';
  if (ownerKind === 'committee') {
    const committee = (await listCommittees(ctx, { hostUnitId: ownerUnitId })).items[0];
    let leader: string | null = null;
    if (committee) {
      const members = (await composition(ctx, committee.id, asOf)).members;
      leader = members.find((m) => m.position === 'truong_ban')?.name ?? null;
    }
    return {
      parentBody: provinceBody,
      issuingBody: 'Ban Chỉ đạo cải cách hành chính',
      symbol: 'BC-BCĐ',
      place,
      signature: { authority: ['TM. Ban Chỉ đạo'], position: 'Trưởng ban', name: leader },
      sender: 'Ban Chỉ đạo cải cách hành chính tỉnh',
    };
  }
  return {
    parentBody: provinceBody && owner?.id !== province?.id ? provinceBody : null,
    issuingBody: owner?.name ?? '',
    symbol: 'BC',
    place,
    signature: { authority: [] as string[], position: 'Thủ trưởng đơn vị', name: null },
    sender: owner?.name ?? '',
  };
}

/**
 * "BÁO CÁO Tiến độ thực hiện <plan>" as of a date: I. overall results, II. by reform area, III. overdue
 * tasks with their lead units, IV. tasks returned for rework.
 */
/** The day whose units a report of the plan's year addresses: its date, at most the year's last day. */
const yearEnd = (year: number, asOf: string) => (asOf < `${year}-12-31` ? asOf : `${year}-12-31`);

export async function progressReport(
  ctx: RequestContext,
  planId: string,
  asOf = todayInVietnam(),
): Promise<{ buffer: Buffer; fileName: string }> {
  const { plan, tasks, kpis } = await progressData(ctx, planId, asOf);
  // The report is dated the day it is made; its numbers are those of `asOf`.
  const issuedOn = todayInVietnam();
  const who = await issuer(ctx, plan.ownerUnitId, plan.ownerKind, issuedOn);
  const o = kpis.overall;
  const c = o.completionPct;
  const overdue = tasks
    .filter((t) => t.timing.state === 'overdue')
    .sort(
      (a, b) =>
        b.timing.daysOverdue - a.timing.daysOverdue || (a.dueDate ?? '').localeCompare(b.dueDate ?? ''),
    );
  const returned = tasks.filter((t) => t.status === 'returned');

  const completionSentence =
    kpis.method === 'weighted'
      ? `Đã hoàn thành ${viNumber(o.verified.value)}/${viNumber(o.total.value - o.cancelled.value)} nhiệm vụ; tỷ lệ hoàn thành theo trọng số ${viPct(c.value)}.`
      : `Đã hoàn thành ${viNumber(c.numerator)}/${viNumber(c.denominator)} nhiệm vụ (${viPct(c.value)}).`;

  const body: Block[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện ${plan.title}, ${who.sender} báo cáo tiến độ thực hiện tính đến ngày ${viDate(asOf)} như sau:`,
    },
    { kind: 'heading', text: 'I. KẾT QUẢ CHUNG' },
    {
      kind: 'paragraph',
      text: [
        { text: `Tổng số nhiệm vụ: ${viNumber(o.total.value)}. ` },
        { text: completionSentence, bold: true },
      ],
    },
    {
      kind: 'paragraph',
      text: `Trong đó: hoàn thành đúng hạn ${viNumber(o.verifiedOnTime.value)} nhiệm vụ; đã báo cáo hoàn thành, chờ xác nhận ${viNumber(o.reportedDone.value)}; đang thực hiện ${viNumber(o.inProgress.value)}; chưa bắt đầu ${viNumber(o.notStarted.value)}; bị trả lại ${viNumber(o.returned.value)}; đã hủy ${viNumber(o.cancelled.value)}. Số nhiệm vụ quá hạn: ${viNumber(o.overdue.value)}.`,
    },
    {
      kind: 'paragraph',
      text: [
        { text: `Cách tính tỷ lệ hoàn thành: ${METHOD_LABELS[kpis.method] ?? kpis.method}.`, italics: true },
      ],
    },
    { kind: 'heading', text: 'II. KẾT QUẢ THEO LĨNH VỰC CẢI CÁCH HÀNH CHÍNH' },
    {
      kind: 'table',
      columns: [
        { header: 'STT', widthPct: 8, align: 'center' },
        { header: 'Lĩnh vực', widthPct: 36 },
        { header: 'Tổng số', widthPct: 11, align: 'center' },
        { header: 'Đã hoàn thành', widthPct: 13, align: 'center' },
        { header: 'Đúng hạn', widthPct: 11, align: 'center' },
        { header: 'Quá hạn', widthPct: 10, align: 'center' },
        { header: 'Tỷ lệ', widthPct: 11, align: 'center' },
      ],
      rows: [...kpis.byReformArea]
        .sort((a, b) => areaOrder(a.key) - areaOrder(b.key))
        .map((g, i) => [
          String(i + 1),
          areaLabel(g.key),
          viNumber(g.kpis.total.value),
          viNumber(g.kpis.verified.value),
          viNumber(g.kpis.verifiedOnTime.value),
          viNumber(g.kpis.overdue.value),
          viPct(g.kpis.completionPct.value),
        ]),
      emptyText: 'Kế hoạch chưa có nhiệm vụ.',
    },
    { kind: 'heading', text: 'III. NHIỆM VỤ QUÁ HẠN' },
    overdue.length
      ? {
          kind: 'paragraph',
          text: `Có ${viNumber(overdue.length)} nhiệm vụ quá hạn chưa hoàn thành (số ngày quá hạn tính theo ngày làm việc):`,
        }
      : { kind: 'paragraph', text: 'Không có nhiệm vụ quá hạn.' },
    ...(overdue.length
      ? [
          {
            kind: 'table' as const,
            columns: [
              { header: 'STT', widthPct: 8, align: 'center' as const },
              { header: 'Nhiệm vụ', widthPct: 38 },
              { header: 'Đơn vị chủ trì', widthPct: 24 },
              { header: 'Hạn hoàn thành', widthPct: 17, align: 'center' as const },
              { header: 'Số ngày quá hạn', widthPct: 13, align: 'center' as const },
            ],
            rows: overdue.map((t, i) => [
              String(i + 1),
              t.title,
              t.leadUnitName,
              viDate(t.dueDate),
              viNumber(t.timing.daysOverdue),
            ]),
          },
        ]
      : []),
    { kind: 'heading', text: 'IV. NHIỆM VỤ BỊ TRẢ LẠI' },
    returned.length
      ? {
          kind: 'paragraph',
          text: `Có ${viNumber(returned.length)} nhiệm vụ đã báo cáo hoàn thành nhưng bị trả lại để hoàn thiện:`,
        }
      : { kind: 'paragraph', text: 'Không có nhiệm vụ bị trả lại.' },
    ...(returned.length
      ? [
          {
            kind: 'table' as const,
            columns: [
              { header: 'STT', widthPct: 8, align: 'center' as const },
              { header: 'Nhiệm vụ', widthPct: 39 },
              { header: 'Đơn vị chủ trì', widthPct: 25 },
              { header: 'Lý do trả lại', widthPct: 28 },
            ],
            rows: returned.map((t, i) => [String(i + 1), t.title, t.leadUnitName, t.lastReason ?? '']),
          },
        ]
      : []),
    { kind: 'paragraph', text: `Trên đây là báo cáo tiến độ thực hiện ${plan.title}./.` },
  ];

  const buffer = await adminDocumentBuffer({
    parentBody: who.parentBody,
    issuingBody: who.issuingBody,
    number: null,
    symbol: who.symbol,
    place: who.place,
    date: issuedOn,
    docType: 'Báo cáo',
    summary: `Tiến độ thực hiện ${plan.title}`,
    body,
    recipients: [
      ...(plan.ownerKind === 'committee'
        ? [
            'Chủ tịch UBND tỉnh (để b/c)',
            'Thành viên Ban Chỉ đạo',
            // The localities of the plan's year as they stood (districts until 30/6/2025, then communes).
            [
              'Các sở, ban, ngành',
              await localRecipientAsOf(ctx.db, plan.ownerUnitId, yearEnd(plan.year, asOf)),
            ]
              .filter(Boolean)
              .join(', '),
          ]
        : ['Cơ quan thường trực Ban Chỉ đạo CCHC tỉnh']),
      plan.ownerKind === 'committee' ? 'Lưu: VT, BCĐ' : 'Lưu: VT',
    ],
    signature: who.signature,
    fontSize: 14,
    title: `Báo cáo tiến độ ${plan.title}`,
  });
  return {
    buffer,
    fileName: safeFileName(`Báo cáo tiến độ ${plan.title} đến ${viDate(asOf).replace(/\//g, '-')}.docx`),
  };
}
