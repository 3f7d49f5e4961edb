/**
 * The minutes of an inspection (biên bản kiểm tra công tác cải cách hành chính) as a Vietnamese administrative
 * document, laid out by ../../documents/admin-document.ts (Decree 30/2020/NĐ-CP, Appendix I): the time and place,
 * the team with their roles, the inspected unit's representatives, the content areas and form, the findings by
 * area with their results, and the two signatures (the unit's representative, the head of the team). Pure:
 * facts in, a document spec or its .docx out.
 */
import { adminDocumentBuffer, type AdminDocumentSpec, type Block } from '../../documents/admin-document.js';
import type { FindingResult, InspectionForm } from '../inspections.table.js';

export type MinutesFacts = {
  /** The register number (null: left blank until issued) and the day the minutes were made. */
  number: number | null;
  date: string;
  /** Địa danh ("Nghệ An") and the body above the team ("UBND TỈNH NGHỆ AN"). */
  place: string;
  parentBody: string | null;
  unitName: string;
  /** Where the team met the unit (the unit's office by default). */
  meetingPlace: string;
  form: InspectionForm;
  /** The plan and the decision establishing the team, as cited ("Kế hoạch số 12/KH-UBND ngày 05/01/2026"). */
  basis: readonly string[];
  team: readonly { name: string; unitName: string; role: 'head' | 'member' }[];
  representatives: readonly { name: string; position: string }[];
  areas: readonly {
    label: string;
    items: readonly { text: string; result: FindingResult | null; note: string }[];
  }[];
};

export const SYMBOL_MINUTES = 'BB-ĐKT';
export const TEAM_BODY = 'Đoàn kiểm tra công tác cải cách hành chính';

export const FORM_WORDS: Record<InspectionForm, string> = {
  on_site: 'kiểm tra trực tiếp tại đơn vị',
  through_reports: 'kiểm tra qua báo cáo, hồ sơ, tài liệu',
  combined: 'kết hợp kiểm tra trực tiếp tại đơn vị và qua báo cáo, hồ sơ, tài liệu',
};

export const RESULT_WORDS: Record<FindingResult, string> = {
  compliant: 'Đạt yêu cầu',
  shortcoming: 'Còn tồn tại, hạn chế',
  violation: 'Vi phạm',
  not_applicable: 'Không áp dụng',
};

/** 2026-05-15 → 15/05/2026. */
export const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** The counts of each result, in words, for the summary line. */
export function resultCounts(items: readonly { result: FindingResult | null }[]) {
  const count = (r: FindingResult | null) => items.filter((i) => i.result === r).length;
  return {
    compliant: count('compliant'),
    shortcoming: count('shortcoming'),
    violation: count('violation'),
    notApplicable: count('not_applicable'),
    unassessed: count(null),
  };
}

export function minutesDocumentSpec(f: MinutesFacts): AdminDocumentSpec {
  const all = f.areas.flatMap((a) => a.items);
  const counts = resultCounts(all);
  const head = f.team.find((m) => m.role === 'head') ?? null;
  const body: Block[] = [
    ...(f.basis.length ? [{ kind: 'paragraph' as const, text: `Căn cứ ${f.basis.join('; ')};` }] : []),
    {
      kind: 'paragraph',
      text:
        `Hôm nay, ngày ${vnDate(f.date)}, tại ${f.meetingPlace || f.unitName}, ${TEAM_BODY} ` +
        `tiến hành kiểm tra công tác cải cách hành chính tại ${f.unitName} (hình thức: ${FORM_WORDS[f.form]}).`,
    },
    { kind: 'heading', text: 'I. THÀNH PHẦN' },
    { kind: 'paragraph', text: [{ text: '1. Đoàn kiểm tra', bold: true }] },
    {
      kind: 'table',
      columns: [
        { header: 'STT', widthPct: 8, align: 'center' },
        { header: 'Họ và tên', widthPct: 30 },
        { header: 'Đơn vị công tác', widthPct: 37 },
        { header: 'Chức danh trong Đoàn', widthPct: 25, align: 'center' },
      ],
      rows: [...f.team]
        .sort((a, b) => (a.role === b.role ? 0 : a.role === 'head' ? -1 : 1))
        .map((m, i) => [String(i + 1), m.name, m.unitName, m.role === 'head' ? 'Trưởng đoàn' : 'Thành viên']),
      emptyText: 'Chưa có thành viên.',
    },
    { kind: 'paragraph', text: [{ text: `2. Đại diện ${f.unitName}`, bold: true }] },
    ...(f.representatives.length
      ? f.representatives.map((r): Block => ({
          kind: 'paragraph',
          text: `- ${r.name}${r.position ? `, ${r.position}` : ''};`,
        }))
      : [{ kind: 'paragraph' as const, text: '- ……………………………………………………' }]),
    { kind: 'heading', text: 'II. NỘI DUNG KIỂM TRA' },
    ...f.areas.map((a, i): Block => ({ kind: 'paragraph', text: `${i + 1}. ${a.label}.` })),
    { kind: 'heading', text: 'III. KẾT QUẢ KIỂM TRA' },
    ...f.areas.flatMap((a, i): Block[] => [
      { kind: 'paragraph', text: [{ text: `${i + 1}. ${a.label}`, bold: true }] },
      {
        kind: 'table',
        columns: [
          { header: 'STT', widthPct: 8, align: 'center' },
          { header: 'Nội dung kiểm tra', widthPct: 47 },
          { header: 'Kết quả', widthPct: 20, align: 'center' },
          { header: 'Ghi chú', widthPct: 25 },
        ],
        rows: a.items.map((it, j) => [
          String(j + 1),
          it.text,
          it.result ? RESULT_WORDS[it.result] : 'Chưa đánh giá',
          it.note,
        ]),
        emptyText: 'Không có nội dung kiểm tra.',
      },
    ]),
    {
      kind: 'paragraph',
      text:
        `Tổng hợp: ${counts.compliant} nội dung đạt yêu cầu; ${counts.shortcoming} nội dung còn tồn tại, hạn chế; ` +
        `${counts.violation} nội dung vi phạm; ${counts.notApplicable} nội dung không áp dụng` +
        (counts.unassessed ? `; ${counts.unassessed} nội dung chưa đánh giá.` : '.'),
    },
    { kind: 'heading', text: 'IV. Ý KIẾN CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA' },
    {
      kind: 'paragraph',
      text: `${f.unitName} thống nhất với kết quả kiểm tra nêu trên.`,
    },
    {
      kind: 'paragraph',
      text:
        `Biên bản được lập thành 02 bản có giá trị như nhau, Đoàn kiểm tra giữ 01 bản, ${f.unitName} giữ 01 bản; ` +
        'đã được đọc lại cho các thành phần tham dự cùng nghe, nhất trí và ký tên./.',
    },
  ];
  const representative = f.representatives[0];
  return {
    parentBody: f.parentBody,
    issuingBody: TEAM_BODY,
    number: f.number,
    symbol: SYMBOL_MINUTES,
    place: f.place,
    date: f.date,
    docType: 'Biên bản',
    summary: `Kiểm tra công tác cải cách hành chính tại ${f.unitName}`,
    body,
    recipients: [],
    cosignature: {
      authority: [`ĐẠI DIỆN ${f.unitName}`],
      position: representative?.position || 'Thủ trưởng đơn vị',
      name: representative?.name ?? null,
    },
    signature: { authority: ['TM. ĐOÀN KIỂM TRA'], position: 'Trưởng đoàn', name: head?.name ?? null },
    fontSize: 14,
    title: `Biên bản kiểm tra công tác cải cách hành chính tại ${f.unitName}`,
    creator: 'chidao',
  };
}

export const minutesDocx = (f: MinutesFacts): Promise<Buffer> => adminDocumentBuffer(minutesDocumentSpec(f));
