/**
 * The decision approving and announcing a year's PAR Index results (Quyết định phê duyệt và công bố Chỉ số cải
 * cách hành chính năm … của các sở, ban, ngành và UBND cấp xã) with its annex of tables, as a Vietnamese
 * administrative document laid out by ../../documents/admin-document.ts (Decree 30/2020/NĐ-CP, Appendix I): the
 * legal bases, the articles, then per group the ranking (points, index, grade, rank, change from last year) and
 * the index of each field. Issued by the People's Committee; the number is left for the clerk. Pure.
 */
import {
  adminDocumentBuffer,
  provinceCommittee,
  type AdminDocumentSpec,
  type Block,
} from '../../documents/admin-document.js';
import type { UnitGroup } from '../parindex.table.js';

export type ResultsFacts = {
  provinceName: string;
  year: number;
  /** The day of the draft (YYYY-MM-DD). */
  date: string;
  /** Citations of the frameworks' decisions and the campaign's plan, already worded ("Quyết định số …"). */
  basis: readonly string[];
  groups: readonly {
    group: UnitGroup;
    fields: readonly { code: string; name: string }[];
    rows: readonly {
      unitName: string;
      points: number;
      maxPoints: number;
      percent: number;
      grade: string;
      rank: number;
      change: number | null;
      byField: readonly { code: string; percent: number | null }[];
    }[];
  }[];
};

export const GROUP_TITLES: Record<UnitGroup, string> = {
  department: 'các sở, ban, ngành',
  commune: 'UBND các xã, phường, đặc khu',
  other: 'các cơ quan, đơn vị khác',
};

const num = (v: number) =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
const change = (v: number | null) => (v === null ? '—' : v > 0 ? `+${num(v)}` : num(v));
const roman = ['I', 'II', 'III', 'IV', 'V'];

export function resultsDocumentSpec(f: ResultsFacts): AdminDocumentSpec {
  const groupNames = f.groups.map((g) => GROUP_TITLES[g.group]).join(' và ');
  const body: Block[] = [
    { kind: 'paragraph', text: 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;' },
    ...f.basis.map((b): Block => ({ kind: 'paragraph', text: `Căn cứ ${b};` })),
    {
      kind: 'paragraph',
      text: `Theo kết quả thẩm định của Hội đồng thẩm định Chỉ số cải cách hành chính năm ${f.year} và đề nghị của Giám đốc Sở Nội vụ.`,
    },
    { kind: 'heading', text: 'QUYẾT ĐỊNH:' },
    {
      kind: 'paragraph',
      text: `Điều 1. Phê duyệt và công bố Chỉ số cải cách hành chính năm ${f.year} của ${groupNames} (chi tiết tại Phụ lục kèm theo).`,
    },
    {
      kind: 'paragraph',
      text: 'Điều 2. Các cơ quan, đơn vị có kết quả xếp loại Trung bình, Yếu hoặc có chỉ số thành phần giảm so với năm trước khẩn trương xây dựng kế hoạch khắc phục những tồn tại, hạn chế; báo cáo kết quả về Sở Nội vụ để tổng hợp.',
    },
    {
      kind: 'paragraph',
      text: `Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng ${groupNames} chịu trách nhiệm thi hành Quyết định này.`,
    },
  ];
  // Each group's tables are an annex after the signature, from a new page, tied to the decision (Decree 30).
  const annexes = f.groups.map((g, i) => {
    const annex: Block[] = [];
    annex.push({
      kind: 'table',
      columns: [
        { header: 'Xếp hạng', widthPct: 10, align: 'center' },
        { header: 'Cơ quan, đơn vị', widthPct: 36 },
        { header: 'Tổng điểm', widthPct: 12, align: 'center' },
        { header: 'Chỉ số (%)', widthPct: 12, align: 'center' },
        { header: 'Xếp loại', widthPct: 14, align: 'center' },
        { header: 'Tăng/giảm so với năm trước (%)', widthPct: 16, align: 'center' },
      ],
      rows: g.rows.map((r) => [
        String(r.rank),
        r.unitName,
        num(r.points),
        num(r.percent),
        r.grade,
        change(r.change),
      ]),
      emptyText: 'Không có đơn vị.',
    });
    annex.push({
      kind: 'paragraph',
      text: `Chỉ số thành phần theo lĩnh vực (%) — ${GROUP_TITLES[g.group]}:`,
    });
    const share = Math.floor(60 / Math.max(1, g.fields.length));
    annex.push({
      kind: 'table',
      columns: [
        { header: 'TT', widthPct: 8, align: 'center' },
        { header: 'Cơ quan, đơn vị', widthPct: 100 - 8 - share * g.fields.length },
        ...g.fields.map((field) => ({
          header: `LV ${field.code}`,
          widthPct: share,
          align: 'center' as const,
        })),
      ],
      rows: g.rows.map((r, n) => [
        String(n + 1),
        r.unitName,
        ...g.fields.map((field) => {
          const p = r.byField.find((b) => b.code === field.code)?.percent;
          return p === null || p === undefined ? '—' : num(p);
        }),
      ]),
    });
    annex.push({
      kind: 'paragraph',
      text: `Ghi chú: ${g.fields.map((field) => `LV ${field.code} — ${field.name}`).join('; ')}.`,
    });
    return {
      title: `PHỤ LỤC ${roman[i] ?? i + 1}. CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${f.year} CỦA ${GROUP_TITLES[g.group].toLocaleUpperCase('vi')}`,
      attachedTo: `(Kèm theo Quyết định số      /QĐ-UBND ngày      tháng      năm ${f.date.slice(0, 4)} của Ủy ban nhân dân tỉnh ${f.provinceName})`,
      body: annex,
    };
  });
  return {
    parentBody: null,
    issuingBody: provinceCommittee(f.provinceName),
    number: null,
    symbol: 'QĐ-UBND',
    place: f.provinceName,
    date: f.date,
    docType: 'Quyết định',
    summary: `Phê duyệt và công bố Chỉ số cải cách hành chính năm ${f.year} của ${groupNames}`,
    body,
    annexes,
    recipients: [
      'Như Điều 3',
      'Bộ Nội vụ (để b/c)',
      'Thường trực Tỉnh ủy, HĐND tỉnh (để b/c)',
      'Chủ tịch, các PCT UBND tỉnh',
      'Lưu: VT, SNV',
    ],
    signature: { authority: ['TM. ỦY BAN NHÂN DÂN'], position: 'Chủ tịch', name: null },
    title: `Chỉ số CCHC năm ${f.year}`,
    creator: 'chidao',
  };
}

export const resultsDocument = (f: ResultsFacts): Promise<Buffer> =>
  adminDocumentBuffer(resultsDocumentSpec(f));
