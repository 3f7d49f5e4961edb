/**
 * A reusable builder of Vietnamese administrative documents (văn bản hành chính) as .docx, laid out as
 * Decree 30/2020/NĐ-CP on clerical work (Nghị định 30/2020/NĐ-CP về công tác văn thư), Appendix I
 * ("Thể thức, kỹ thuật trình bày văn bản hành chính") prescribes. Pure: a spec in, a `docx` Document
 * (or its bytes) out; no database, no files. Any module may build its reports with it.
 *
 * What the appendix prescribes and where it is done here:
 * - Paper A4 (210 × 297 mm), portrait; margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm
 *   → `LAYOUT` (20 / 20 / 30 / 15 mm).
 * - Times New Roman (Unicode TCVN 6909:2001), black; body text 13–14 pt → `fontSize` (13 or 14).
 * - Header in two columns (section IV, the layout diagram): left the issuing body (its parent body above
 *   it, upright, not bold; the body itself upper case, bold, centred, a solid rule of 1/3–1/2 of the
 *   line under it) and "Số: …/…" (the word "Số" upright 13 pt, a number below 10 with a leading 0, the
 *   symbol upper case); right the national motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (upper case,
 *   12–13 pt, bold) over "Độc lập - Tự do - Hạnh phúc" (13–14 pt, bold, a solid rule as long as the line
 *   under it), then the place and date in italics ("Nghệ An, ngày 05 tháng 02 năm 2026": a day below
 *   10 and the months 1 and 2 take a leading 0) → `dateLine`, `numberLine`.
 * - The type of document upper case, bold, centred; the summary (trích yếu) bold under it with a short
 *   rule → title block.
 * - Body: justified, first line indented 1–1.27 cm (1.27 here), at least 6 pt between paragraphs, line
 *   spacing from single to 1.5 lines (1.15 here).
 * - "Nơi nhận:" italic bold 12 pt; the list upright 11 pt, each line from "- " ending with ";", the last
 *   (Lưu: VT, …) with "." → `recipientLines`. The signer's authority and position upper case bold, the
 *   name bold, centred under the position, with room for the signature and seal.
 * - Page numbers centred in the top margin, 13–14 pt, none on the first page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';

export const FONT = 'Times New Roman';

/** Page layout within the ranges of Decree 30/2020/NĐ-CP, Appendix I (millimetres). */
export const LAYOUT = {
  pageWidthMm: 210,
  pageHeightMm: 297,
  marginTopMm: 20,
  marginBottomMm: 20,
  marginLeftMm: 30,
  marginRightMm: 15,
  /** First-line indent of body paragraphs (1–1.27 cm). */
  firstLineIndentMm: 12.7,
  /** The header's columns: issuing body on the left, motto on the right. */
  headerLeftMm: 62,
} as const;

export const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const SLOGAN = 'Độc lập - Tự do - Hạnh phúc';

export type Run = { text: string; bold?: boolean; italics?: boolean };

export type Block =
  /** A section heading (e.g. "I. KẾT QUẢ CHUNG"), bold, not indented. */
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string | Run[]; indent?: boolean }
  | {
      kind: 'table';
      columns: { header: string; widthPct: number; align?: 'left' | 'center' | 'right' }[];
      rows: string[][];
      /** Shown in one merged row when there are no rows. */
      emptyText?: string;
    }
  /** A picture (a chart) centred on its own line, `widthMm` × `heightMm`, its caption in italics under it. */
  | { kind: 'image'; png: Uint8Array; widthMm: number; heightMm: number; caption?: string };

export type AdminDocumentSpec = {
  /** Tên cơ quan, tổ chức chủ quản trực tiếp, e.g. "UBND TỈNH NGHỆ AN" (optional). */
  parentBody?: string | null;
  /** Tên cơ quan, tổ chức ban hành, e.g. "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH". */
  issuingBody: string;
  /** The register number; null leaves it blank for the clerk to fill in when the document is issued. */
  number?: number | null;
  /** Ký hiệu, e.g. "BC-BCĐ" (report of the steering committee). */
  symbol: string;
  /** Địa danh, e.g. "Nghệ An". */
  place: string;
  /** Date of the document, YYYY-MM-DD. */
  date: string;
  /** Tên loại văn bản, e.g. "Báo cáo" (printed upper case). */
  docType: string;
  /** Trích yếu nội dung. */
  summary: string;
  body: Block[];
  /** Nơi nhận, without dashes and end marks (added here); the last is normally "Lưu: VT, …". */
  recipients: string[];
  signature: {
    /** Quyền hạn lines, e.g. ["TM. BAN CHỈ ĐẠO"] or ["KT. TRƯỞNG BAN"]. */
    authority?: string[];
    /** Chức vụ, e.g. "Trưởng ban". */
    position: string;
    /** Họ và tên; empty leaves the line for the signer. */
    name?: string | null;
  };
  /**
   * A second signer in the left column, in place of "Nơi nhận" (a biên bản is signed by both sides: e.g. the
   * inspected unit's representative on the left, the head of the inspection team on the right).
   */
  cosignature?: { authority?: string[]; position: string; name?: string | null } | null;
  /**
   * Another heading convention than Decree 30/2020's (e.g. a Party document, Hướng dẫn 36-HD/VPTW: the right
   * column is "ĐẢNG CỘNG SẢN VIỆT NAM", a star stands under the issuing body, the number reads "Số 25-TB/BCĐ").
   */
  layout?: {
    heading: readonly { text: string; size: number }[];
    issuerMark: 'rule' | 'star';
    numberText: string;
  };
  /**
   * Annexes (phụ lục) after the signature, each from a new page: its title, the line that ties it to the document
   * ("Kèm theo Quyết định số …"), and its blocks.
   */
  annexes?: readonly { title: string; attachedTo: string; body: Block[] }[];
  /** Body size in points: 13 or 14. */
  fontSize?: 13 | 14;
  /** Document properties. */
  title?: string;
  creator?: string;
};

const upper = (s: string) => s.toLocaleUpperCase('vi');
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * "Nghệ An, ngày 05 tháng 02 năm 2026": a day below 10 and the months January and February take a
 * leading zero (Decree 30/2020/NĐ-CP, Appendix I, II.5.b), other months do not ("tháng 3").
 */
export function dateLine(place: string, isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`Not a date: ${isoDate}`);
  const day = Number(m[3]);
  const month = Number(m[2]);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `${place}, ngày ${pad2(day)} tháng ${monthText} năm ${m[1]}`;
}

/** "Số: 05/BC-BCĐ" (numbers below 10 with a leading 0), or "Số:      /BC-BCĐ" left for the register. */
export function numberLine(number: number | null | undefined, symbol: string): string {
  const n = number === null || number === undefined ? '\u00a0'.repeat(6) : pad2(number);
  return `Số: ${n}/${upper(symbol)}`;
}

/** "- UBND tỉnh;" … "- Lưu: VT, BCĐ." (each line from a dash, ";" after each, "." after the last). */
export function recipientLines(recipients: readonly string[]): string[] {
  const clean = recipients.map((r) =>
    r
      .trim()
      .replace(/^-\s*/, '')
      .replace(/[;.]+$/, ''),
  );
  return clean.map((r, i) => `- ${r}${i === clean.length - 1 ? '.' : ';'}`);
}

// ---------------------------------------------------------------------------------------------------

/** Points to docx sizes (half-points). */
export const pt = (points: number) => points * 2;
/** Millimetres to twips (1/1440 inch), rounded: A4 is 11906 × 16838. */
export const mm = (v: number) => Math.round((v * 1440) / 25.4);
export const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
/** A layout table's cells: no borders. */
export const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
/** The thin rule under a heading. */
export const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

type RunStyle = { size: number; bold?: boolean; italics?: boolean };

function run(text: string, style: RunStyle): TextRun {
  return new TextRun({ text, font: FONT, size: pt(style.size), bold: style.bold, italics: style.italics });
}

function centred(text: string, style: RunStyle, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // A little over single spacing: upper-case Vietnamese carries marks above the cap height.
    spacing: { before: 0, after, line: 264 },
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
    children: [run('', { size: 4 })],
  });
}

function cell(
  children: Paragraph[],
  widthMm: number,
  extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {},
) {
  return new TableCell({
    children,
    width: { size: mm(widthMm), type: WidthType.DXA },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
    ...extra,
  });
}

/** Rough printed width of a line of text in millimetres (Times New Roman, caps ≈ 0.68 em, lower ≈ 0.5 em). */
function textWidthMm(text: string, sizePt: number, bold = false): number {
  const em = (sizePt * 25.4) / 72;
  let units = 0;
  for (const ch of text)
    units += ch === ' ' ? 0.25 : ch === upper(ch) && ch !== ch.toLowerCase() ? 0.7 : 0.48;
  return units * em * (bold ? 1.04 : 1);
}

function headerTable(spec: AdminDocumentSpec, textWidth: number): Table {
  const leftW = LAYOUT.headerLeftMm;
  const rightW = textWidth - leftW;
  const bodySize = 13;
  // The issuing body may give its own line break ("ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN": `provinceCommittee`).
  const issuing = upper(spec.issuingBody).split('\n');
  const left: Paragraph[] = [];
  if (spec.parentBody) left.push(centred(upper(spec.parentBody), { size: bodySize }));
  for (const line of issuing) left.push(centred(line, { size: bodySize, bold: true }));
  // The rule under the issuing body: 1/3–1/2 of its (longest) line.
  const longest = Math.min(leftW, Math.max(...issuing.map((l) => textWidthMm(l, bodySize, true))));
  if (spec.layout?.issuerMark === 'star') left.push(centred('*', { size: bodySize }));
  else left.push(rule(Math.max(15, longest * 0.4), leftW));
  left.push(
    new Paragraph({
      spacing: { before: 120, after: 0 },
      alignment: AlignmentType.CENTER,
      children: [run(spec.layout?.numberText ?? numberLine(spec.number, spec.symbol), { size: 13 })],
    }),
  );

  const heading = spec.layout?.heading ?? [
    { text: MOTTO, size: 12 },
    { text: SLOGAN, size: 13 },
  ];
  const last = heading.at(-1)!;
  const right: Paragraph[] = [
    ...heading.map((h) => centred(h.text, { size: h.size, bold: true })),
    rule(Math.min(rightW, textWidthMm(last.text, last.size, true)), rightW),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 160, after: 0 },
      children: [run(dateLine(spec.place, spec.date), { size: 14, italics: true })],
    }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: mm(textWidth), type: WidthType.DXA },
    columnWidths: [mm(leftW), mm(rightW)],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftW), cell(right, rightW)] })],
  });
}

function titleBlock(spec: AdminDocumentSpec, size: number, textWidth: number): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 0 },
      children: [run(upper(spec.docType), { size: 14, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0 },
      children: [run(spec.summary, { size: 14, bold: true })],
    }),
    rule(Math.min(textWidth / 3, 50), textWidth),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [run('', { size })] }),
  ];
}

function runsOf(text: string | Run[], size: number): ParagraphChild[] {
  const list = typeof text === 'string' ? [{ text }] : text;
  return list.map((r) => run(r.text, { size, bold: r.bold, italics: r.italics }));
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

function bodyTable(block: Extract<Block, { kind: 'table' }>, textWidth: number, size: number): Table {
  const tableSize = Math.max(12, size - 1);
  const totalPct = block.columns.reduce((a, c) => a + c.widthPct, 0) || 1;
  const widths = block.columns.map((c) => (textWidth * c.widthPct) / totalPct);
  const border = { top: LINE, bottom: LINE, left: LINE, right: LINE };
  const para = (text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType], bold = false) =>
    new Paragraph({
      alignment: align,
      spacing: { before: 40, after: 40 },
      children: [run(text, { size: tableSize, bold })],
    });
  const header = new TableRow({
    tableHeader: true,
    children: block.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: mm(widths[i]!), type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          borders: border,
          children: [para(c.header, AlignmentType.CENTER, true)],
        }),
    ),
  });
  const rows = block.rows.length
    ? block.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: block.columns.map(
              (c, i) =>
                new TableCell({
                  width: { size: mm(widths[i]!), type: WidthType.DXA },
                  borders: border,
                  children: [para(r[i] ?? '', ALIGN[c.align ?? 'left'])],
                }),
            ),
          }),
      )
    : [
        new TableRow({
          children: [
            new TableCell({
              columnSpan: block.columns.length,
              borders: border,
              children: [para(block.emptyText ?? '', AlignmentType.CENTER)],
            }),
          ],
        }),
      ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: mm(textWidth), type: WidthType.DXA },
    columnWidths: widths.map(mm),
    rows: [header, ...rows],
  });
}

function bodyBlocks(blocks: Block[], size: number, textWidth: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading')
      out.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { before: 120, after: 120, line: 276 },
          indent: { firstLine: mm(LAYOUT.firstLineIndentMm) },
          keepNext: true,
          children: [run(b.text, { size, bold: true })],
        }),
      );
    else if (b.kind === 'paragraph')
      out.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { before: 0, after: 120, line: 276 },
          indent: b.indent === false ? undefined : { firstLine: mm(LAYOUT.firstLineIndentMm) },
          children: runsOf(b.text, size),
        }),
      );
    else if (b.kind === 'image') {
      const px = (v: number) => Math.round((v * 96) / 25.4);
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: b.caption ? 40 : 120 },
          keepNext: !!b.caption,
          children: [
            new ImageRun({
              type: 'png',
              data: b.png,
              transformation: { width: px(b.widthMm), height: px(b.heightMm) },
            }),
          ],
        }),
      );
      if (b.caption)
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 160 },
            children: [run(b.caption, { size: Math.max(12, size - 1), italics: true })],
          }),
        );
    } else {
      out.push(bodyTable(b, textWidth, size));
      out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [run('', { size })] }));
    }
  }
  return out;
}

function signatureTable(spec: AdminDocumentSpec, size: number, textWidth: number): Table {
  const leftW = textWidth * 0.5;
  const rightW = textWidth - leftW;
  const signer = (s: NonNullable<AdminDocumentSpec['cosignature']>): Paragraph[] => [
    ...(s.authority ?? []).map((a) => centred(upper(a), { size, bold: true })),
    centred(upper(s.position), { size, bold: true }),
    // Room for the signature and the seal.
    ...[0, 1, 2, 3].map(() => centred('', { size })),
    centred(s.name ?? '', { size, bold: true }),
  ];
  const left: Paragraph[] = spec.cosignature
    ? signer(spec.cosignature)
    : [
        new Paragraph({
          spacing: { before: 0, after: 0 },
          children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })],
        }),
        ...recipientLines(spec.recipients).map(
          (line) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(line, { size: 11 })] }),
        ),
      ];
  const right: Paragraph[] = signer(spec.signature);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: mm(textWidth), type: WidthType.DXA },
    columnWidths: [mm(leftW), mm(rightW)],
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftW), cell(right, rightW)] })],
  });
}

/** The width of the text between the margins, in millimetres. */
export const TEXT_WIDTH_MM = LAYOUT.pageWidthMm - LAYOUT.marginLeftMm - LAYOUT.marginRightMm;

/**
 * The page every administrative or Party document is printed on (A4, the margins of Decree 30/2020/NĐ-CP
 * Appendix I, HD 36-HD/VPTW alike), page numbers centred in the top margin from page 2 on, and its content.
 */
export function documentShell(o: {
  title: string;
  creator?: string | undefined;
  /** The body text size (pt), also of the page numbers. */
  size: number;
  children: (Paragraph | Table)[];
}): Document {
  return new Document({
    title: o.title,
    creator: o.creator ?? 'chidao',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: pt(o.size), color: '000000' },
          paragraph: { spacing: { line: 276 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(LAYOUT.pageWidthMm), height: mm(LAYOUT.pageHeightMm) },
            margin: {
              top: mm(LAYOUT.marginTopMm),
              bottom: mm(LAYOUT.marginBottomMm),
              left: mm(LAYOUT.marginLeftMm),
              right: mm(LAYOUT.marginRightMm),
              header: mm(10),
              footer: mm(10),
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(o.size) })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: o.children,
      },
    ],
  });
}

/** The document as a `docx` Document (Decree 30/2020/NĐ-CP layout). */
export function buildAdminDocument(spec: AdminDocumentSpec): Document {
  const size = spec.fontSize ?? 14;
  const textWidth = TEXT_WIDTH_MM;
  return documentShell({
    title: spec.title ?? `${spec.docType} ${spec.summary}`,
    creator: spec.creator,
    size,
    children: [
      headerTable(spec, textWidth),
      ...titleBlock(spec, size, textWidth),
      ...bodyBlocks(spec.body, size, textWidth),
      new Paragraph({ spacing: { before: 0, after: 120 }, children: [run('', { size })] }),
      signatureTable(spec, size, textWidth),
      ...(spec.annexes ?? []).flatMap((a) => [
        new Paragraph({
          pageBreakBefore: true,
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 0 },
          children: [run(a.title, { size, bold: true })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 240 },
          children: [run(a.attachedTo, { size, italics: true })],
        }),
        ...bodyBlocks(a.body, size, textWidth),
      ]),
    ],
  });
}

/**
 * The place a province's documents are dated at (thể thức: "Nghệ An, ngày …") from its unit's name: "UBND tỉnh
 * Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An" or "Tỉnh Nghệ An" all give "Nghệ An"; a city's "Thành phố Huế", "Huế".
 */
/**
 * A provincial People's Committee as the issuing body of its documents, on the two lines of Decree 30's samples
 * (Appendix I): "ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN" (the header's own wrap would break it after "TỈNH").
 */
export const provinceCommittee = (place: string): string => `Ủy ban nhân dân\ntỉnh ${place}`;

export const placeName = (unitName: string): string =>
  unitName.replace(/^((UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?(tỉnh|thành phố)\s+/iu, '').trim();

/** The document's .docx bytes. */
export async function adminDocumentBuffer(spec: AdminDocumentSpec): Promise<Buffer> {
  return Packer.toBuffer(buildAdminDocument(spec));
}

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
