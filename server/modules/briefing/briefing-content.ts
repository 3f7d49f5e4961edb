/**
 * The briefing pack of a committee meeting (tài liệu phục vụ phiên họp Ban Chỉ đạo) as one content model —
 * heading, title, sections of headings, paragraphs, tables and charts — from the facts the service gathers.
 * Both writers render this model (`briefing-docx.ts` for Word, `briefing-pdf.ts` for PDF), so the two files
 * always say the same thing. Pure: no database, no files, no clock (the dates come in).
 *
 * The layout is a report (báo cáo) of the standing agency in the form of Decree 30/2020/NĐ-CP, Appendix I: its
 * parent body and name, "Số: …/BC-…" left blank for the register, place and date, the type and summary, the
 * body in numbered sections (I., II., …), "Nơi nhận" and the signer.
 */
import { addDays } from '../calendar/index.js';
import { CHART_FONT, type BarChartSpec, type LineChartSpec } from './chart-svg.js';

export { CHART_FONT };

/** What an unknown figure reads as (never 0). */
export const NO_DATA = 'chưa có số liệu';

// ---------------------------------------------------------------------------------------------------
// Facts in

export type FigureFact = {
  key: string;
  label: string;
  unit: 'percent' | 'count' | 'points';
  better: 'higher' | 'lower';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The same figure over the window before. */
  previous: number | null;
};

export type UnitOverdue = {
  unitName: string;
  /** Overdue items by kind of owed work (`WORK_KIND_LABELS` keys). */
  byKind: Record<string, number>;
};

export type MemberFacts = {
  name: string;
  position: string;
  office: string | null;
  units: UnitOverdue[];
};

export type ConclusionFacts = {
  ordinal: number;
  text: string;
  leadUnitName: string | null;
  dueDate: string | null;
  state: string;
  /** The most days overdue among its open tasks (0 when none is overdue). */
  daysOverdue: number;
};

export type BriefingFacts = {
  meeting: { title: string; date: string; agenda: readonly string[] };
  committee: { name: string };
  /** The standing agency that prepares the pack (Sở Nội vụ), and the body above it (UBND tỉnh …). */
  issuer: { parentBody: string | null; name: string };
  /** Địa danh ("Nghệ An"). */
  place: string;
  /** The day the pack is made. */
  issuedOn: string;
  window: Window;
  previousWindow: Window;
  /** The province's key figures for the window; null when they could not be read. */
  figures: readonly FigureFact[] | null;
  /** The committee's plan of the year by reform area (null: no plan). */
  planByArea: {
    planTitle: string;
    rows: readonly { area: string; completionPct: number | null; overdue: number }[];
  } | null;
  /** Dossiers month by month (rates in %). */
  dossierTrend: readonly { month: string; onTime: number | null; online: number | null }[];
  members: readonly MemberFacts[];
  previousMeeting: { title: string; date: string; conclusions: readonly ConclusionFacts[] } | null;
};

export type Window = { from: string; to: string };

// ---------------------------------------------------------------------------------------------------
// Content out

export type Run = { text: string; bold?: boolean; italics?: boolean };

export type ChartRef = { type: 'bar'; spec: BarChartSpec } | { type: 'line'; spec: LineChartSpec };

export type ContentBlock =
  /** A section heading ("I. …"), bold. */
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string | Run[] }
  | {
      kind: 'table';
      columns: { header: string; widthPct: number; align?: 'left' | 'center' | 'right' }[];
      rows: string[][];
      emptyText?: string;
    }
  /** A chart, rendered to an image by id; `caption` under it. */
  | { kind: 'chart'; id: string; chart: ChartRef; caption: string };

export type BriefingContent = {
  parentBody: string | null;
  issuingBody: string;
  /** Ký hiệu ("BC-SNV"); the number is left blank for the register. */
  symbol: string;
  place: string;
  date: string;
  docType: string;
  /** Trích yếu, under the type. */
  summary: string;
  /** "Báo cáo tóm tắt phục vụ phiên họp … ngày …" (the file's and the document's title). */
  title: string;
  body: ContentBlock[];
  recipients: string[];
  signature: { authority: string[]; position: string };
  /** A name for the files, without extension. */
  fileBase: string;
};

// ---------------------------------------------------------------------------------------------------
// Labels (Vietnamese: the document is the standing agency's)

export const WORK_KIND_LABELS: Record<string, string> = {
  plan_task: 'Nhiệm vụ kế hoạch',
  pilot_item: 'Nội dung chỉ đạo điểm',
  pilot_report: 'Báo cáo chỉ đạo điểm',
  periodic_report: 'Báo cáo định kỳ',
  feedback_case: 'Phản ánh, kiến nghị',
  inspection_recommendation: 'Kiến nghị sau kiểm tra',
  par_assessment: 'Tự đánh giá Chỉ số CCHC',
};

export const POSITION_LABELS: Record<string, string> = {
  truong_ban: 'Trưởng ban',
  pho_truong_ban_thuong_truc: 'Phó Trưởng ban Thường trực',
  pho_truong_ban: 'Phó Trưởng ban',
  uy_vien: 'Ủy viên',
  thu_ky: 'Thư ký',
  to_giup_viec: 'Thành viên Tổ giúp việc',
};

export const CONCLUSION_STATE_LABELS: Record<string, string> = {
  untracked: 'Chưa giao nhiệm vụ',
  in_progress: 'Đang thực hiện',
  overdue: 'Quá hạn',
  reported: 'Đã báo cáo, chờ xác nhận',
  done: 'Hoàn thành',
  cancelled: 'Đã hủy',
};

// ---------------------------------------------------------------------------------------------------
// Small rules

const collator = new Intl.Collator('vi');
const VI = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** 1.234,5 */
export const viNum = (n: number) => VI.format(n);

/** dd/mm/yyyy */
export const viDate = (iso: string) => iso.split('-').reverse().join('/');

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The period the pack reports on: from the day after the committee's previous session (else 1 January of the
 * year) to the day before this meeting — or today, when the meeting is later (facts after today are not known
 * yet). The comparison window is the one of the same length just before it.
 */
export function briefingWindows(
  meetingDate: string,
  previousMeetingDate: string | null,
  today: string,
): { window: Window; previous: Window } {
  const before = addDays(meetingDate, -1);
  const to = before < today ? before : today;
  let from = previousMeetingDate ? addDays(previousMeetingDate, 1) : `${to.slice(0, 4)}-01-01`;
  if (from > to) from = to;
  const length = daysBetween(from, to) + 1;
  const prevTo = addDays(from, -1);
  return { window: { from, to }, previous: { from: addDays(prevTo, -(length - 1)), to: prevTo } };
}

/** "87,5% (35/40)", "12", "chưa có số liệu". */
export function figureValue(f: Pick<FigureFact, 'value' | 'unit' | 'numerator' | 'denominator'>): string {
  if (f.value === null || !Number.isFinite(f.value)) return NO_DATA;
  const v =
    f.unit === 'percent'
      ? `${viNum(f.value)}%`
      : f.unit === 'points'
        ? `${viNum(f.value)} điểm`
        : viNum(f.value);
  return f.unit === 'percent' && f.numerator !== null && f.denominator !== null
    ? `${v} (${viNum(f.numerator)}/${viNum(f.denominator)})`
    : v;
}

/**
 * The change from the previous window in words: "tăng 2,5 điểm %", "giảm 3", "không đổi", with "(tốt hơn)" or
 * "(kém hơn)" by which way the figure is better; "—" when either value is unknown.
 */
export function figureChange(f: Pick<FigureFact, 'value' | 'previous' | 'unit' | 'better'>): string {
  if (f.value === null || f.previous === null || !Number.isFinite(f.value) || !Number.isFinite(f.previous))
    return '—';
  const delta = Math.round((f.value - f.previous) * 10) / 10;
  if (delta === 0) return 'không đổi';
  const unit = f.unit === 'percent' ? ' điểm %' : f.unit === 'points' ? ' điểm' : '';
  const good = f.better === 'higher' ? delta > 0 : delta < 0;
  return `${delta > 0 ? 'tăng' : 'giảm'} ${viNum(Math.abs(delta))}${unit} (${good ? 'tốt hơn' : 'kém hơn'})`;
}

/** The symbol's author part from the agency's name: "Sở Nội vụ" → "SNV" (the clerk may correct it). */
export function initials(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, ' ')
    .split(/[\s,-]+/)
    .filter(Boolean);
  return words.map((w) => w[0]!.toLocaleUpperCase('vi')).join('') || 'CQTT';
}

const total = (byKind: Record<string, number>) => Object.values(byKind).reduce((a, b) => a + b, 0);

/** "Nhiệm vụ kế hoạch: 3; Báo cáo định kỳ: 1" in the engine's order of kinds, or "Không có việc quá hạn". */
export function kindBreakdown(byKind: Record<string, number>): string {
  const order = Object.keys(WORK_KIND_LABELS);
  const keys = Object.keys(byKind)
    .filter((k) => byKind[k]! > 0)
    .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  if (!keys.length) return 'Không có việc quá hạn';
  return keys.map((k) => `${WORK_KIND_LABELS[k] ?? k}: ${viNum(byKind[k]!)}`).join('; ');
}

/** The signer's position: a department (Sở) is headed by its Giám đốc; another agency by its head. */
export function headOf(agency: string): string {
  return /^sở\s/iu.test(agency.trim()) ? 'Giám đốc' : 'Thủ trưởng cơ quan';
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** A name for files: no path separators or control characters. */
export function safeFileBase(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 150)
  );
}

// ---------------------------------------------------------------------------------------------------
// The content

/** Units' rows of the overdue chart: the units followed, most overdue first (at most `limit`). */
export function overdueRanking(
  members: readonly MemberFacts[],
  limit = 15,
): { unitName: string; overdue: number }[] {
  const byUnit = new Map<string, number>();
  for (const m of members) for (const u of m.units) byUnit.set(u.unitName, total(u.byKind));
  return [...byUnit.entries()]
    .map(([unitName, overdue]) => ({ unitName, overdue }))
    .filter((u) => u.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || collator.compare(a.unitName, b.unitName))
    .slice(0, limit);
}

function figuresSection(f: BriefingFacts, n: string): ContentBlock[] {
  const out: ContentBlock[] = [
    {
      kind: 'heading',
      text: `${n}. MỘT SỐ CHỈ SỐ CHỦ YẾU TỪ ${viDate(f.window.from)} ĐẾN ${viDate(f.window.to)}`,
    },
    {
      kind: 'paragraph',
      text: `Số liệu toàn tỉnh trong kỳ, so với kỳ liền trước cùng độ dài (từ ${viDate(f.previousWindow.from)} đến ${viDate(f.previousWindow.to)}).`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'TT', widthPct: 6, align: 'center' },
        { header: 'Chỉ số', widthPct: 34 },
        { header: 'Kỳ này', widthPct: 20, align: 'center' },
        { header: 'Kỳ trước', widthPct: 20, align: 'center' },
        { header: 'Thay đổi', widthPct: 20, align: 'center' },
      ],
      rows: (f.figures ?? []).map((x, i) => [
        String(i + 1),
        x.label,
        figureValue(x),
        figureValue({ ...x, value: x.previous, numerator: null, denominator: null }),
        figureChange(x),
      ]),
      emptyText: `Các chỉ số toàn tỉnh: ${NO_DATA}.`,
    },
  ];
  const areas = f.planByArea;
  out.push({
    kind: 'chart',
    id: 'plan-by-area',
    caption: areas
      ? `Biểu đồ 1. Tỷ lệ hoàn thành nhiệm vụ theo lĩnh vực — ${areas.planTitle}`
      : 'Biểu đồ 1. Tỷ lệ hoàn thành nhiệm vụ theo lĩnh vực',
    chart: {
      type: 'bar',
      spec: {
        title: 'Tỷ lệ hoàn thành nhiệm vụ kế hoạch theo lĩnh vực (%)',
        categories: (areas?.rows ?? []).map((r) => r.area),
        series: [{ name: 'Tỷ lệ hoàn thành', values: (areas?.rows ?? []).map((r) => r.completionPct) }],
        unit: 'percent',
        emptyText: `Kế hoạch CCHC của năm: ${NO_DATA}`,
      },
    },
  });
  const ranking = overdueRanking(f.members);
  out.push({
    kind: 'chart',
    id: 'overdue-by-unit',
    caption: 'Biểu đồ 2. Số việc quá hạn của các đơn vị do thành viên Ban Chỉ đạo theo dõi',
    chart: {
      type: 'bar',
      spec: {
        title: 'Số việc quá hạn theo đơn vị',
        categories: ranking.map((r) => r.unitName),
        series: [{ name: 'Việc quá hạn', values: ranking.map((r) => r.overdue) }],
        unit: 'count',
        emptyText: 'Không có đơn vị nào có việc quá hạn',
      },
    },
  });
  out.push({
    kind: 'chart',
    id: 'dossier-trend',
    caption: 'Biểu đồ 3. Hồ sơ thủ tục hành chính giải quyết đúng hạn và nộp trực tuyến theo tháng',
    chart: {
      type: 'line',
      spec: {
        title: 'Hồ sơ TTHC: tỷ lệ đúng hạn và trực tuyến (%)',
        labels: f.dossierTrend.map((m) => m.month),
        series: [
          { name: 'Giải quyết đúng hạn', values: f.dossierTrend.map((m) => m.onTime) },
          { name: 'Nộp trực tuyến', values: f.dossierTrend.map((m) => m.online) },
        ],
        unit: 'percent',
        emptyText: `Hồ sơ thủ tục hành chính: ${NO_DATA}`,
      },
    },
  });
  return out;
}

function membersSection(f: BriefingFacts, n: string): ContentBlock[] {
  const out: ContentBlock[] = [
    {
      kind: 'heading',
      text: `${n}. VIỆC QUÁ HẠN CỦA CÁC ĐƠN VỊ DO THÀNH VIÊN BAN CHỈ ĐẠO THEO DÕI`,
    },
  ];
  if (!f.members.length) {
    out.push({
      kind: 'paragraph',
      text: `Thành phần Ban Chỉ đạo tại ngày ${viDate(f.meeting.date)}: ${NO_DATA}.`,
    });
    return out;
  }
  const followed = f.members.flatMap((m) => m.units);
  const overdueUnits = new Set(followed.filter((u) => total(u.byKind) > 0).map((u) => u.unitName));
  const overdueItems = new Map(followed.map((u) => [u.unitName, total(u.byKind)]));
  out.push({
    kind: 'paragraph',
    text: `Tại ngày ${viDate(f.window.to)}, ${viNum(overdueUnits.size)} đơn vị do thành viên Ban Chỉ đạo theo dõi có việc quá hạn, tổng cộng ${viNum([...overdueItems.values()].reduce((a, b) => a + b, 0))} việc.`,
  });
  f.members.forEach((m, i) => {
    const role = [POSITION_LABELS[m.position] ?? m.position, m.office].filter(Boolean).join(', ');
    out.push({
      kind: 'paragraph',
      text: [{ text: `${i + 1}. Đồng chí ${m.name}`, bold: true }, { text: role ? ` — ${role}` : '' }],
    });
    if (!m.units.length) {
      out.push({ kind: 'paragraph', text: 'Chưa được phân công theo dõi đơn vị.' });
      return;
    }
    const units = [...m.units].sort(
      (a, b) => total(b.byKind) - total(a.byKind) || collator.compare(a.unitName, b.unitName),
    );
    out.push({
      kind: 'table',
      columns: [
        { header: 'TT', widthPct: 7, align: 'center' },
        { header: 'Đơn vị', widthPct: 36 },
        { header: 'Số việc quá hạn', widthPct: 15, align: 'center' },
        { header: 'Theo loại việc', widthPct: 42 },
      ],
      rows: units.map((u, j) => [String(j + 1), u.unitName, viNum(total(u.byKind)), kindBreakdown(u.byKind)]),
    });
  });
  return out;
}

function conclusionsSection(f: BriefingFacts, n: string): ContentBlock[] {
  const out: ContentBlock[] = [{ kind: 'heading', text: `${n}. KẾT QUẢ THỰC HIỆN KẾT LUẬN PHIÊN HỌP TRƯỚC` }];
  const p = f.previousMeeting;
  if (!p) {
    out.push({ kind: 'paragraph', text: 'Ban Chỉ đạo chưa có phiên họp trước phiên họp này.' });
    return out;
  }
  const count = (s: string) => p.conclusions.filter((c) => c.state === s).length;
  out.push({
    kind: 'paragraph',
    text: p.conclusions.length
      ? `${p.title} ngày ${viDate(p.date)} có ${viNum(p.conclusions.length)} kết luận: hoàn thành ${viNum(count('done'))}; đã báo cáo, chờ xác nhận ${viNum(count('reported'))}; đang thực hiện ${viNum(count('in_progress'))}; quá hạn ${viNum(count('overdue'))}; chưa giao nhiệm vụ ${viNum(count('untracked'))}.`
      : `${p.title} ngày ${viDate(p.date)} không ghi nhận kết luận.`,
  });
  if (!p.conclusions.length) return out;
  out.push({
    kind: 'table',
    columns: [
      { header: 'TT', widthPct: 6, align: 'center' },
      { header: 'Nội dung kết luận', widthPct: 38 },
      { header: 'Đơn vị chủ trì', widthPct: 20 },
      { header: 'Thời hạn', widthPct: 17, align: 'center' },
      { header: 'Tình trạng', widthPct: 19, align: 'center' },
    ],
    rows: [...p.conclusions]
      .sort((a, b) => a.ordinal - b.ordinal)
      .map((c) => [
        String(c.ordinal),
        c.text,
        c.leadUnitName ?? '—',
        c.dueDate ? viDate(c.dueDate) : '—',
        `${CONCLUSION_STATE_LABELS[c.state] ?? c.state}${c.state === 'overdue' && c.daysOverdue > 0 ? ` (${viNum(c.daysOverdue)} ngày)` : ''}`,
      ]),
  });
  return out;
}

function proposalsSection(f: BriefingFacts, n: string): ContentBlock[] {
  const out: ContentBlock[] = [{ kind: 'heading', text: `${n}. ĐỀ XUẤT NỘI DUNG PHIÊN HỌP` }];
  const agenda = f.meeting.agenda.map((a) => a.trim()).filter(Boolean);
  if (agenda.length) {
    out.push({ kind: 'paragraph', text: 'Chương trình phiên họp gồm các nội dung:' });
    agenda.forEach((a, i) => out.push({ kind: 'paragraph', text: `${i + 1}. ${a}` }));
    return out;
  }
  const ranking = overdueRanking(f.members, 1000);
  const open = (f.previousMeeting?.conclusions ?? []).filter(
    (c) => c.state !== 'done' && c.state !== 'cancelled',
  );
  const items = [
    ranking.length
      ? `Cho ý kiến chỉ đạo xử lý ${viNum(ranking.reduce((a, r) => a + r.overdue, 0))} việc quá hạn của ${viNum(ranking.length)} đơn vị nêu tại mục II.`
      : null,
    open.length
      ? `Đôn đốc thực hiện ${viNum(open.length)} kết luận chưa hoàn thành của phiên họp trước nêu tại mục III.`
      : null,
    'Các nội dung khác do Trưởng ban Ban Chỉ đạo quyết định.',
  ].filter((x): x is string => !!x);
  out.push({
    kind: 'paragraph',
    text: 'Chương trình phiên họp chưa được ghi nhận; Cơ quan thường trực đề xuất Ban Chỉ đạo cho ý kiến về:',
  });
  items.forEach((x, i) => out.push({ kind: 'paragraph', text: `${i + 1}. ${x}` }));
  return out;
}

/** The pack's content from its facts. */
export function briefingContent(f: BriefingFacts): BriefingContent {
  const title = `Báo cáo tóm tắt phục vụ phiên họp ${f.committee.name} ngày ${viDate(f.meeting.date)}`;
  const sections = [figuresSection, membersSection, conclusionsSection, proposalsSection];
  const body: ContentBlock[] = [
    {
      kind: 'paragraph',
      text: `Phục vụ ${f.meeting.title} ngày ${viDate(f.meeting.date)}, ${f.issuer.name} (cơ quan thường trực) báo cáo tóm tắt tình hình thực hiện nhiệm vụ cải cách hành chính như sau:`,
    },
    ...sections.flatMap((s, i) => s(f, ROMAN[i]!)),
  ];
  return {
    parentBody: f.issuer.parentBody,
    issuingBody: f.issuer.name,
    symbol: `BC-${initials(f.issuer.name)}`,
    place: f.place,
    date: f.issuedOn,
    docType: 'Báo cáo',
    summary: `Tóm tắt phục vụ phiên họp ${f.committee.name} ngày ${viDate(f.meeting.date)}`,
    title,
    body,
    recipients: [
      'Trưởng ban, các Phó Trưởng ban Ban Chỉ đạo (để báo cáo)',
      'Các thành viên Ban Chỉ đạo',
      `Lưu: VT, ${initials(f.issuer.name)}`,
    ],
    signature: { authority: [], position: headOf(f.issuer.name) },
    fileBase: safeFileBase(`Tài liệu phục vụ họp ${viDate(f.meeting.date).replace(/\//g, '-')}`),
  };
}
