/**
 * The conclusion notice of an inspection (thông báo kết luận kiểm tra công tác cải cách hành chính) as a
 * Vietnamese administrative document, laid out by ../../documents/admin-document.ts (Decree 30/2020/NĐ-CP,
 * Appendix I), issued by the inspection team ("Số: 05/TB-ĐKT"), the standing agency the head of the team comes
 * from ("…/TB-SNV") or the People's Committee ("…/TB-UBND"): the inspection in one paragraph, the results (the
 * team's summary and the findings by area), the numbered recommendations with the unit responsible and the
 * deadline (dd/mm/yyyy), how remediation is reported, recipients and signature. Pure: facts in, a spec or .docx out.
 */
import { adminDocumentBuffer, type AdminDocumentSpec, type Block } from '../../documents/admin-document.js';
import type { InspectionForm } from '../inspections.table.js';
import type { ConclusionIssuer } from '../rules/recommendation-rules.js';
import { FORM_WORDS, TEAM_BODY, vnDate } from './minutes-document.js';

/** An agency's initials as Vietnamese symbols write them: "Sở Nội vụ" → "SNV", "Văn phòng UBND tỉnh" → "VPUBNDT". */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (/^[A-ZĐ]{2,}$/.test(w) ? w : w.charAt(0).toLocaleUpperCase('vi')))
    .join('');
}

export type IssuerFacts = {
  parentBody: string | null;
  issuingBody: string;
  /** The symbol after the number ("TB-ĐKT"). */
  symbol: string;
  /** The issuer as the register names it. */
  registerName: string;
  signature: AdminDocumentSpec['signature'];
};

/**
 * The header, symbol and signature of a notice by `issuer`: the team (signed by its head), the standing agency
 * (`agencyName`, e.g. "Sở Nội vụ", under the People's Committee), or the People's Committee of the province.
 */
export function issuerFacts(
  issuer: ConclusionIssuer,
  o: { provinceName: string; agencyName: string | null; headName: string | null },
): IssuerFacts {
  const committee = `UBND tỉnh ${o.provinceName}`;
  switch (issuer) {
    case 'team':
      return {
        parentBody: committee,
        issuingBody: TEAM_BODY,
        symbol: 'TB-ĐKT',
        registerName: `${TEAM_BODY} tỉnh ${o.provinceName}`,
        signature: { authority: ['TM. ĐOÀN KIỂM TRA'], position: 'Trưởng đoàn', name: o.headName },
      };
    case 'standing_agency': {
      const agency = o.agencyName ?? 'Sở Nội vụ';
      return {
        parentBody: committee,
        issuingBody: agency,
        symbol: `TB-${initials(agency)}`,
        registerName: `${agency} tỉnh ${o.provinceName}`,
        signature: { authority: ['KT. GIÁM ĐỐC'], position: 'Phó Giám đốc', name: null },
      };
    }
    case 'province':
      return {
        parentBody: null,
        issuingBody: `Ủy ban nhân dân tỉnh ${o.provinceName}`,
        symbol: 'TB-UBND',
        registerName: committee,
        signature: {
          authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
          position: 'Phó Chủ tịch',
          name: null,
        },
      };
  }
}

export type ConclusionFacts = {
  issuer: IssuerFacts;
  number: number | null;
  /** The day it is issued (dated), YYYY-MM-DD. */
  date: string;
  place: string;
  unitName: string;
  form: InspectionForm;
  conductedOn: string;
  basis: readonly string[];
  /** The minutes it rests on, as registered ("03/BB-ĐKT ngày 12/05/2026"), when known. */
  minutes: string | null;
  /** The team's overall conclusion: one paragraph a line. */
  summary: string;
  areas: readonly { label: string; compliant: number; shortcoming: number; violation: number }[];
  recommendations: readonly { number: number; text: string; unitName: string; dueDate: string }[];
  /** Other recipients besides the units responsible (the committee, the standing agency). */
  recipients: readonly string[];
};

const sentence = (s: string) => (/[.!?…]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

export function conclusionDocumentSpec(f: ConclusionFacts): AdminDocumentSpec {
  const issuerName = f.issuer.issuingBody;
  const paragraphs = f.summary
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const body: Block[] = [
    ...(f.basis.length ? [{ kind: 'paragraph' as const, text: `Thực hiện ${f.basis.join('; ')};` }] : []),
    {
      kind: 'paragraph',
      text:
        `Ngày ${vnDate(f.conductedOn)}, ${TEAM_BODY} tỉnh ${f.place} đã tiến hành kiểm tra công tác cải cách ` +
        `hành chính tại ${f.unitName} (hình thức: ${FORM_WORDS[f.form]}). ` +
        `Trên cơ sở ${f.minutes ? `Biên bản kiểm tra số ${f.minutes}` : 'biên bản kiểm tra'} và báo cáo của ` +
        `Đoàn kiểm tra, ${issuerName} thông báo kết luận kiểm tra như sau:`,
    },
    { kind: 'heading', text: 'I. KẾT QUẢ KIỂM TRA' },
    ...paragraphs.map((p): Block => ({ kind: 'paragraph', text: p })),
    {
      kind: 'table',
      columns: [
        { header: 'STT', widthPct: 8, align: 'center' },
        { header: 'Nội dung kiểm tra', widthPct: 44 },
        { header: 'Đạt yêu cầu', widthPct: 16, align: 'center' },
        { header: 'Tồn tại, hạn chế', widthPct: 16, align: 'center' },
        { header: 'Vi phạm', widthPct: 16, align: 'center' },
      ],
      rows: f.areas.map((a, i) => [
        String(i + 1),
        a.label,
        String(a.compliant),
        String(a.shortcoming),
        String(a.violation),
      ]),
      emptyText: 'Không có nội dung kiểm tra.',
    },
    { kind: 'heading', text: 'II. KIẾN NGHỊ, YÊU CẦU KHẮC PHỤC' },
    ...(f.recommendations.length
      ? [
          {
            kind: 'paragraph' as const,
            text: `Đề nghị ${f.unitName} và các đơn vị có liên quan thực hiện các nội dung sau:`,
          },
          ...[...f.recommendations]
            .sort((a, b) => a.number - b.number)
            .map((r): Block => ({
              kind: 'paragraph',
              text: [
                { text: `${r.number}. ${sentence(r.text)} ` },
                {
                  text: `Đơn vị thực hiện: ${r.unitName}; thời hạn hoàn thành: ${vnDate(r.dueDate)}.`,
                  italics: true,
                },
              ],
            })),
        ]
      : [{ kind: 'paragraph' as const, text: 'Đoàn kiểm tra không có kiến nghị khắc phục.' }]),
    { kind: 'heading', text: 'III. TỔ CHỨC THỰC HIỆN' },
    {
      kind: 'paragraph',
      text:
        `${f.unitName} tổ chức khắc phục và báo cáo kết quả khắc phục từng kiến nghị, kèm tài liệu minh chứng, ` +
        'trên hệ thống theo dõi công tác cải cách hành chính của tỉnh trong thời hạn nêu trên. Đoàn kiểm tra và ' +
        'cơ quan thường trực (Sở Nội vụ) theo dõi, xác nhận kết quả khắc phục; kiến nghị quá hạn được báo cáo ' +
        'Ban Chỉ đạo cải cách hành chính tỉnh.',
    },
    {
      kind: 'paragraph',
      text: `${issuerName} thông báo để ${f.unitName} và các cơ quan, đơn vị có liên quan biết, thực hiện./.`,
    },
  ];
  const responsible = [...new Set([f.unitName, ...f.recommendations.map((r) => r.unitName)])];
  return {
    parentBody: f.issuer.parentBody,
    issuingBody: issuerName,
    number: f.number,
    symbol: f.issuer.symbol,
    place: f.place,
    date: f.date,
    docType: 'Thông báo',
    summary: `Kết luận kiểm tra công tác cải cách hành chính tại ${f.unitName}`,
    body,
    recipients: [...responsible, ...f.recipients, `Lưu: VT, ${f.issuer.symbol.replace(/^TB-/, '')}`],
    signature: f.issuer.signature,
    fontSize: 14,
    title: `Thông báo kết luận kiểm tra công tác cải cách hành chính tại ${f.unitName}`,
    creator: 'chidao',
  };
}

export const conclusionDocx = (f: ConclusionFacts): Promise<Buffer> =>
  adminDocumentBuffer(conclusionDocumentSpec(f));
