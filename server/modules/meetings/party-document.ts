/**
 * A Party document (văn bản của Đảng) as .docx, for a committee a Party committee founded (issuing-layouts.ts,
 * `party`), laid out as Hướng dẫn 36-HD/VPTW of 03/4/2018 of the Central Party Office prescribes — its
 * Phụ lục 3 ("Mẫu trình bày thể thức văn bản") gives each element's case, size and style. Pure: a spec in,
 * a `docx` Document (or its bytes) out.
 *
 * The spec is documents/admin-document.ts's (with its Party `layout`: heading lines, the star, the number
 * line), and so are the page (A4; margins 20/20/30/15 mm), the font (Times New Roman), the date line and
 * the recipients' lines; what HD 36 sets apart from Decree 30/2020/NĐ-CP is `PARTY_STYLE` below, element by
 * element (sizes and styles from Phụ lục 3; "ô" numbers are the boxes of the guide's layout diagram, "Sơ đồ
 * bố trí các thành phần thể thức"). Body blocks: headings and paragraphs (a Party document here
 * has no tables yet).
 */
import {
  AlignmentType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  type Document,
} from 'docx';
import {
  FONT,
  LAYOUT,
  LINE,
  NONE,
  NO_BORDERS,
  TEXT_WIDTH_MM,
  dateLine,
  documentShell,
  mm,
  pt,
  recipientLines,
  type AdminDocumentSpec,
  type Run,
} from '../documents/admin-document.js';

export type PartyDocumentSpec = Omit<AdminDocumentSpec, 'layout' | 'fontSize'> & {
  layout: NonNullable<AdminDocumentSpec['layout']>;
};

type RunStyle = { size: number; bold?: boolean; italics?: boolean; underline?: boolean };

/** Each element's size (pt) and style, Hướng dẫn 36-HD/VPTW, Phụ lục 3 ("upright": not italic; bold only where said). */
export const PARTY_STYLE = {
  /** Ô 1, the heading "ĐẢNG CỘNG SẢN VIỆT NAM": upper case, 15, upright bold; a rule as long as it under it. */
  heading: { size: 15, bold: true },
  /** Ô 2, the body directly above the issuer ("TỈNH ỦY NGHỆ AN"): upper case, 14, upright. */
  parentBody: { size: 14 },
  /** Ô 2, the issuing body: upper case, 14, upright bold; a star "*" under it. */
  issuingBody: { size: 14, bold: true },
  star: { size: 14 },
  /** Ô 3, the number and symbol ("Số 45-TB/BCĐ", no colon): 14, upright. */
  number: { size: 14 },
  /** Ô 4, place and date: 14, italic. */
  date: { size: 14, italics: true },
  /** Ô 5a, the type of document ("THÔNG BÁO"): upper case, 15–16, upright bold. */
  docType: { size: 16, bold: true },
  /** Ô 5a, the summary (trích yếu): 14–15, upright bold. */
  summary: { size: 14, bold: true },
  /** Ô 6, the body: 14–15, upright. */
  body: { size: 14 },
  /**
   * Ô 7a–7c, the signer: the authority ("T/M BAN CHỈ ĐẠO") upper case, 14, bold; the name 14, bold; the
   * position upper case, 14 (bold as Decree 30/2020 has it — not checked against Phụ lục 3).
   */
  authority: { size: 14, bold: true },
  position: { size: 14, bold: true },
  name: { size: 14, bold: true },
  /** Ô 9a, "Nơi nhận:": 14, upright, underlined. */
  recipientsLabel: { size: 14, underline: true },
  /** Ô 9b, the recipients, one a line: 12, upright. */
  recipients: { size: 12 },
} as const satisfies Record<string, RunStyle>;

/** The header's left column (the issuer), wide enough for the 14 pt issuing body; the right holds the heading. */
export const PARTY_HEADER_LEFT_MM = 75;

const upper = (s: string) => s.toLocaleUpperCase('vi');

function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: pt(style.size),
    bold: style.bold,
    italics: style.italics,
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  });
}

function centred(
  text: string,
  style: RunStyle,
  spacing: { before?: number; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // A little over single spacing: upper-case Vietnamese carries marks above the cap height.
    spacing: { before: spacing.before ?? 0, after: spacing.after ?? 0, line: 264 },
    children: [run(text, style)],
  });
}

/** A solid rule `lengthMm` long, centred in a column `columnMm` wide (an empty paragraph with a top border). */
function rule(lengthMm: number, columnMm: number): Paragraph {
  const side = Math.max(0, (columnMm - lengthMm) / 2);
  return new Paragraph({
    border: { top: { ...LINE, space: 1 } },
    indent: { left: mm(side), right: mm(side) },
    spacing: { before: 0, after: 0, line: 120, lineRule: 'exact' },
    children: [run('', { size: 2 })],
  });
}

function cell(children: Paragraph[], widthMm: number) {
  return new TableCell({
    children,
    width: { size: mm(widthMm), type: WidthType.DXA },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
  });
}

/** Rough printed width of a line in millimetres (Times New Roman: capitals ≈ 0.7 em, others ≈ 0.48 em). */
export function textWidthMm(text: string, sizePt: number, bold = false): number {
  const em = (sizePt * 25.4) / 72;
  let units = 0;
  for (const ch of text)
    units += ch === ' ' ? 0.25 : ch === upper(ch) && ch !== ch.toLowerCase() ? 0.7 : 0.48;
  return units * em * (bold ? 1.04 : 1);
}

function headerTable(spec: PartyDocumentSpec, textWidth: number): Table {
  const leftW = PARTY_HEADER_LEFT_MM;
  const rightW = textWidth - leftW;
  const left: Paragraph[] = [
    ...(spec.parentBody ? [centred(upper(spec.parentBody), PARTY_STYLE.parentBody)] : []),
    centred(upper(spec.issuingBody), PARTY_STYLE.issuingBody),
    centred('*', PARTY_STYLE.star),
    centred(spec.layout.numberText, PARTY_STYLE.number, { before: 120 }),
  ];
  const last = spec.layout.heading.at(-1)!;
  const right: Paragraph[] = [
    ...spec.layout.heading.map((h) => centred(upper(h.text), { ...PARTY_STYLE.heading, size: h.size })),
    rule(Math.min(rightW, textWidthMm(upper(last.text), last.size, true)), rightW),
    centred(dateLine(spec.place, spec.date), PARTY_STYLE.date, { before: 160 }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: mm(textWidth), type: WidthType.DXA },
    columnWidths: [mm(leftW), mm(rightW)],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftW), cell(right, rightW)] })],
  });
}

function titleBlock(spec: PartyDocumentSpec, textWidth: number): Paragraph[] {
  return [
    centred(upper(spec.docType), PARTY_STYLE.docType, { before: 360 }),
    centred(spec.summary, PARTY_STYLE.summary),
    rule(Math.min(textWidth / 3, 50), textWidth),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [run('', PARTY_STYLE.body)] }),
  ];
}

function runsOf(text: string | Run[]): TextRun[] {
  const list = typeof text === 'string' ? [{ text }] : text;
  return list.map((r) => run(r.text, { ...PARTY_STYLE.body, bold: r.bold, italics: r.italics }));
}

function bodyBlocks(blocks: PartyDocumentSpec['body']): Paragraph[] {
  return blocks.map((b) => {
    if (b.kind === 'table' || b.kind === 'image')
      throw new RangeError('A Party document here holds headings and paragraphs only');
    const heading = b.kind === 'heading';
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: { before: heading ? 120 : 0, after: 120, line: 276 },
      indent: !heading && b.indent === false ? undefined : { firstLine: mm(LAYOUT.firstLineIndentMm) },
      keepNext: heading,
      children: heading ? [run(b.text, { ...PARTY_STYLE.body, bold: true })] : runsOf(b.text),
    });
  });
}

function signatureTable(spec: PartyDocumentSpec, textWidth: number): Table {
  const leftW = textWidth * 0.5;
  const rightW = textWidth - leftW;
  const line = (text: string, style: RunStyle) =>
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(text, style)] });
  const left = [
    line('Nơi nhận:', PARTY_STYLE.recipientsLabel),
    ...recipientLines(spec.recipients).map((r) => line(r, PARTY_STYLE.recipients)),
  ];
  const right = [
    ...(spec.signature.authority ?? []).map((a) => centred(upper(a), PARTY_STYLE.authority)),
    centred(upper(spec.signature.position), PARTY_STYLE.position),
    // Room for the signature and the seal.
    ...[0, 1, 2, 3].map(() => centred('', PARTY_STYLE.body)),
    centred(spec.signature.name ?? '', PARTY_STYLE.name),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: mm(textWidth), type: WidthType.DXA },
    columnWidths: [mm(leftW), mm(rightW)],
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftW), cell(right, rightW)] })],
  });
}

/** The document as a `docx` Document in the Party layout (Hướng dẫn 36-HD/VPTW). */
export function buildPartyDocument(spec: PartyDocumentSpec): Document {
  const textWidth = TEXT_WIDTH_MM;
  return documentShell({
    title: spec.title ?? `${spec.docType} ${spec.summary}`,
    creator: spec.creator,
    size: PARTY_STYLE.body.size,
    children: [
      headerTable(spec, textWidth),
      ...titleBlock(spec, textWidth),
      ...bodyBlocks(spec.body),
      new Paragraph({ spacing: { before: 0, after: 120 }, children: [run('', PARTY_STYLE.body)] }),
      signatureTable(spec, textWidth),
    ],
  });
}

/** The document's .docx bytes. */
export async function partyDocumentBuffer(spec: PartyDocumentSpec): Promise<Buffer> {
  return Packer.toBuffer(buildPartyDocument(spec));
}
