/**
 * The conclusion notice (thông báo kết luận) as a Vietnamese document: the content of the .docx attached to
 * the register's record, in the layout of whoever founded the committee (issuing-layouts.ts): Decree
 * 30/2020/NĐ-CP for a UBND committee, laid out by documents/admin-document.ts; Hướng dẫn 36-HD/VPTW for a
 * Party one, laid out by party-document.ts. Pure: meeting facts in, a document spec (or its .docx) out.
 */
import type { FounderKind } from '../committees/committees.schemas.js';
import { adminDocumentBuffer, type AdminDocumentSpec, type Block } from '../documents/admin-document.js';
import { ISSUING_LAYOUTS, numberLineOf, parseNumberSymbol } from './issuing-layouts.js';
import { lowerFirst, withTail } from './meeting-rules.js';
import { partyDocumentBuffer } from './party-document.js';

const POSITION_TITLES: Record<string, string> = {
  truong_ban: 'Trưởng ban',
  pho_truong_ban_thuong_truc: 'Phó Trưởng ban Thường trực',
  pho_truong_ban: 'Phó Trưởng ban',
  uy_vien: 'Ủy viên',
  thu_ky: 'Thư ký',
  to_giup_viec: 'Thành viên Tổ giúp việc',
};

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** "123/TB-BCĐ" → number 123 and symbol "TB-BCĐ"; anything else is kept whole as the symbol. */
export function splitNumberSymbol(numberSymbol: string): { number: number | null; symbol: string } {
  const m = /^\s*0*(\d+)\s*\/\s*(.+?)\s*$/.exec(numberSymbol);
  return m ? { number: Number(m[1]), symbol: m[2]! } : { number: null, symbol: numberSymbol.trim() };
}

export type NoticeFacts = {
  /** Who founded the committee: the layout and numbering of its documents. */
  founderKind: FounderKind;
  /** The founding body printed above the committee ("Tỉnh ủy Nghệ An", "UBND tỉnh Nghệ An"). */
  founderName: string | null;
  numberSymbol: string;
  issuedOn: string;
  /** The body issuing the notice, e.g. the committee's name. */
  issuer: string;
  /** Địa danh, e.g. "Nghệ An". */
  place: string;
  committeeName: string;
  meetingTitle: string;
  meetingDate: string;
  meetingPlace: string | null;
  chair: { name: string; position: string; office: string | null } | null;
  attendeeCount: number;
  guests: readonly string[];
  conclusions: readonly {
    ordinal: number;
    text: string;
    leadUnitName: string | null;
    dueDate: string | null;
  }[];
};

/** The notice's layout: header, the meeting in one paragraph, the conclusions numbered, recipients, signature. */
export function noticeDocumentSpec(f: NoticeFacts): AdminDocumentSpec {
  const layout = ISSUING_LAYOUTS[f.founderKind];
  const { number, symbol } = parseNumberSymbol(layout, f.numberSymbol) ?? splitNumberSymbol(f.numberSymbol);
  const chairTitle = f.chair ? `${POSITION_TITLES[f.chair.position] ?? ''}`.trim() : '';
  const chairText = f.chair
    ? `đồng chí ${f.chair.name}${f.chair.office ? `, ${f.chair.office}` : ''}${chairTitle ? `, ${chairTitle} Ban Chỉ đạo` : ''}`
    : 'lãnh đạo Ban Chỉ đạo';
  const opening =
    `Ngày ${vnDate(f.meetingDate)}${f.meetingPlace ? `, tại ${f.meetingPlace}` : ''}, ${f.committeeName} ` +
    `tổ chức ${lowerFirst(f.meetingTitle)} dưới sự chủ trì của ${chairText}. ` +
    `Tham dự có ${f.attendeeCount} thành viên Ban Chỉ đạo` +
    (f.guests.length ? ` và đại biểu: ${f.guests.join('; ')}.` : '.');
  const body: Block[] = [
    { kind: 'paragraph', text: opening, indent: true },
    {
      kind: 'paragraph',
      text: `Sau khi nghe báo cáo và ý kiến của các đại biểu, ${f.chair ? `đồng chí ${f.chair.name}` : 'chủ trì'} kết luận như sau:`,
      indent: true,
    },
    ...[...f.conclusions]
      .sort((a, b) => a.ordinal - b.ordinal)
      .map((c): Block => ({
        kind: 'paragraph',
        text: `${c.ordinal}. ${withTail(c.text, [
          c.leadUnitName ? `Cơ quan chủ trì: ${c.leadUnitName}` : null,
          c.dueDate ? `thời hạn hoàn thành: ${vnDate(c.dueDate)}` : null,
        ])}`,
        indent: true,
      })),
    {
      kind: 'paragraph',
      text: `${f.issuer} thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện./.`,
      indent: true,
    },
  ];
  const leads = [...new Set(f.conclusions.flatMap((c) => (c.leadUnitName ? [c.leadUnitName] : [])))];
  return {
    parentBody: f.founderName,
    issuingBody: f.issuer,
    number,
    symbol,
    ...(f.founderKind === 'party'
      ? {
          layout: {
            heading: layout.heading,
            issuerMark: layout.issuerMark,
            numberText: numberLineOf(layout, number, symbol),
          },
        }
      : {}),
    place: f.place,
    date: f.issuedOn,
    docType: 'Thông báo',
    summary: `Kết luận tại ${lowerFirst(f.meetingTitle)} ngày ${vnDate(f.meetingDate)}`,
    body,
    recipients: ['Thành viên Ban Chỉ đạo', ...leads, 'Lưu: VT'],
    signature: {
      authority: [`${layout.onBehalf} BAN CHỈ ĐẠO`],
      position: chairTitle || 'Trưởng ban',
      name: f.chair?.name ?? null,
    },
    fontSize: 14,
    title: `Thông báo kết luận ${f.numberSymbol}`,
    creator: 'chidao',
  };
}

/** The notice's .docx in its committee's layout: a Party document (HD 36-HD/VPTW) or a state one (Decree 30/2020). */
export function noticeDocx(f: NoticeFacts): Promise<Buffer> {
  const spec = noticeDocumentSpec(f);
  return spec.layout ? partyDocumentBuffer({ ...spec, layout: spec.layout }) : adminDocumentBuffer(spec);
}
