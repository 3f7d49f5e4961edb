/**
 * The briefing pack as PDF (pdfkit), from the same content model as the .docx: A4 with the margins of Decree
 * 30/2020/NĐ-CP, Appendix I (top and bottom 20 mm, left 30 mm, right 15 mm — `LAYOUT` of the documents module),
 * Liberation Serif (Times New Roman's metrics; a standard PDF font cannot write Vietnamese) at 14 pt, the
 * two-column heading, tables with borders whose header row is repeated on each page they run onto, the charts
 * as pictures, page numbers centred in the top margin from page 2 on. The fonts are read from the paths given
 * (`server/data/fonts`); nothing else is read or written.
 */
import PDFDocument from 'pdfkit';
import {
  dateLine,
  LAYOUT,
  MOTTO,
  numberLine,
  placeName,
  recipientLines,
} from '../documents/admin-document.js';
import type { BriefingContent, ContentBlock, Run } from './briefing-content.js';
import { chartSizeMm, type ChartImage } from './briefing-docx.js';

export type PdfFonts = { regular: string; bold: string; italic: string };

const PT_PER_MM = 72 / 25.4;
const mm = (v: number) => v * PT_PER_MM;
const SIZE = 14;
const TABLE_SIZE = 13;
const upper = (s: string) => s.toLocaleUpperCase('vi');

type Doc = PDFKit.PDFDocument;

export function briefingPdf(
  c: BriefingContent,
  images: ReadonlyMap<string, ChartImage>,
  fonts: PdfFonts,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: {
      top: mm(LAYOUT.marginTopMm),
      bottom: mm(LAYOUT.marginBottomMm),
      left: mm(LAYOUT.marginLeftMm),
      right: mm(LAYOUT.marginRightMm),
    },
    bufferPages: true,
    info: { Title: c.title, Author: c.issuingBody, Creator: 'chidao' },
    lang: 'vi-VN',
  });
  doc.registerFont('R', fonts.regular);
  doc.registerFont('B', fonts.bold);
  doc.registerFont('I', fonts.italic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  heading(doc, c);
  c.body.forEach((b, i) => block(doc, b, images, c.body[i + 1]));
  signature(doc, c);
  pageNumbers(doc);
  doc.end();
  return done;
}

const left = (doc: Doc) => doc.page.margins.left;
const textWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when `height` points do not fit under the current position. */
function ensure(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function centredLine(doc: Doc, text: string, x: number, width: number, font: string, size: number) {
  doc.font(font).fontSize(size).text(text, x, doc.y, { width, align: 'center' });
}

function rule(doc: Doc, centreX: number, length: number, y: number) {
  doc
    .moveTo(centreX - length / 2, y)
    .lineTo(centreX + length / 2, y)
    .lineWidth(0.6)
    .strokeColor('#000000')
    .stroke();
}

/** The two-column heading (issuing body and number; motto and date) and the type and summary under it. */
function heading(doc: Doc, c: BriefingContent) {
  const x0 = left(doc);
  const total = textWidth(doc);
  const lw = mm(LAYOUT.headerLeftMm);
  const rw = total - lw;
  const top = doc.y;
  if (c.parentBody) centredLine(doc, upper(c.parentBody), x0, lw, 'R', 13);
  centredLine(doc, upper(c.issuingBody), x0, lw, 'B', 13);
  const issuerWidth = Math.min(lw, doc.font('B').fontSize(13).widthOfString(upper(c.issuingBody)));
  rule(doc, x0 + lw / 2, Math.max(mm(15), issuerWidth * 0.4), doc.y + 1);
  doc.y += 6;
  centredLine(doc, numberLine(null, c.symbol), x0, lw, 'R', 13);
  const leftEnd = doc.y;
  doc.y = top;
  centredLine(doc, MOTTO, x0 + lw, rw, 'B', 12);
  centredLine(doc, 'Độc lập - Tự do - Hạnh phúc', x0 + lw, rw, 'B', 13);
  const sloganWidth = doc.font('B').fontSize(13).widthOfString('Độc lập - Tự do - Hạnh phúc');
  rule(doc, x0 + lw + rw / 2, sloganWidth, doc.y + 1);
  doc.y += 8;
  doc
    .font('I')
    .fontSize(SIZE)
    .text(dateLine(placeName(c.place), c.date), x0 + lw, doc.y, {
      width: rw,
      align: 'center',
    });
  doc.y = Math.max(doc.y, leftEnd) + 18;
  centredLine(doc, upper(c.docType), x0, total, 'B', SIZE);
  centredLine(doc, c.summary, x0, total, 'B', SIZE);
  rule(doc, x0 + total / 2, Math.min(total / 3, mm(50)), doc.y + 2);
  doc.y += 14;
}

function runsText(doc: Doc, runs: readonly Run[], x: number, width: number, indent: number) {
  const list = runs.filter((r) => r.text);
  list.forEach((r, i) => {
    doc.font(r.bold ? 'B' : r.italics ? 'I' : 'R').fontSize(SIZE);
    const options = {
      width,
      align: 'justify' as const,
      continued: i < list.length - 1,
      indent,
      paragraphGap: 6,
    };
    if (i === 0) doc.text(r.text, x, doc.y, options);
    else doc.text(r.text, options);
  });
}

function block(
  doc: Doc,
  b: ContentBlock,
  images: ReadonlyMap<string, ChartImage>,
  next: ContentBlock | undefined,
) {
  const x = left(doc);
  const width = textWidth(doc);
  const indent = mm(LAYOUT.firstLineIndentMm);
  if (b.kind === 'heading') {
    // A heading is never left alone at the foot of a page.
    ensure(doc, doc.font('B').fontSize(SIZE).heightOfString(b.text, { width, indent }) + 90);
    doc.y += 4;
    doc.text(b.text, x, doc.y, { width, align: 'justify', indent, paragraphGap: 6 });
    return;
  }
  if (b.kind === 'paragraph') {
    const runs = typeof b.text === 'string' ? [{ text: b.text }] : b.text;
    // A paragraph that introduces a table (a member's line) stays with the table's first rows.
    if (next?.kind === 'table') {
      const plain = runs.map((r) => r.text).join('');
      ensure(doc, doc.font('B').fontSize(SIZE).heightOfString(plain, { width, indent }) + 80);
    }
    runsText(doc, runs, x, width, indent);
    return;
  }
  if (b.kind === 'table') {
    table(doc, b);
    return;
  }
  const image = images.get(b.id);
  doc.font('I').fontSize(TABLE_SIZE);
  const captionHeight = doc.heightOfString(b.caption, { width }) + 4;
  if (!image) {
    doc.text(b.caption, x, doc.y, { width, align: 'center', paragraphGap: 6 });
    return;
  }
  const size = chartSizeMm(image, LAYOUT.pageWidthMm - LAYOUT.marginLeftMm - LAYOUT.marginRightMm);
  const w = mm(size.widthMm);
  const h = mm(size.heightMm);
  ensure(doc, h + captionHeight + 8);
  const y = doc.y + 4;
  doc.image(Buffer.from(image.png), x + (width - w) / 2, y, { width: w, height: h });
  doc.y = y + h + 4;
  doc.font('I').fontSize(TABLE_SIZE).text(b.caption, x, doc.y, { width, align: 'center', paragraphGap: 10 });
}

const PAD = 4;

/** A table with borders; its header row is drawn again at the top of every page it continues on. */
function table(doc: Doc, b: Extract<ContentBlock, { kind: 'table' }>) {
  const x0 = left(doc);
  const width = textWidth(doc);
  const sum = b.columns.reduce((a, c) => a + c.widthPct, 0) || 1;
  const widths = b.columns.map((c) => (width * c.widthPct) / sum);
  const maxRow = bottom(doc) - doc.page.margins.top - 40;
  const heightOf = (cells: readonly string[], font: string) =>
    Math.min(
      maxRow,
      Math.max(
        ...cells.map(
          (t, i) =>
            doc
              .font(font)
              .fontSize(TABLE_SIZE)
              .heightOfString(t || ' ', { width: widths[i]! - 2 * PAD }) +
            2 * PAD,
        ),
      ),
    );
  const drawRow = (cells: readonly string[], font: string, header: boolean) => {
    const h = heightOf(cells, font);
    const y = doc.y;
    let x = x0;
    cells.forEach((t, i) => {
      const w = widths[i]!;
      doc.lineWidth(0.6).strokeColor('#000000').rect(x, y, w, h).stroke();
      doc
        .font(font)
        .fontSize(TABLE_SIZE)
        .text(t, x + PAD, y + PAD, {
          width: w - 2 * PAD,
          height: h - 2 * PAD,
          ellipsis: true,
          align: header ? 'center' : (b.columns[i]!.align ?? 'left'),
        });
      x += w;
    });
    doc.y = y + h;
    doc.x = x0;
  };
  const headers = b.columns.map((c) => c.header);
  const headerHeight = heightOf(headers, 'B');
  const rows = b.rows.length ? b.rows : null;
  const firstHeight = rows ? heightOf(rows[0]!, 'R') : 24;
  ensure(doc, headerHeight + firstHeight);
  drawRow(headers, 'B', true);
  if (!rows) {
    const h = 24;
    doc.lineWidth(0.6).rect(x0, doc.y, width, h).stroke();
    doc
      .font('R')
      .fontSize(TABLE_SIZE)
      .text(b.emptyText ?? '', x0 + PAD, doc.y + PAD, { width: width - 2 * PAD, align: 'center' });
  } else
    for (const r of rows) {
      const cells = b.columns.map((_, i) => r[i] ?? '');
      if (doc.y + heightOf(cells, 'R') > bottom(doc)) {
        doc.addPage();
        drawRow(headers, 'B', true);
      }
      drawRow(cells, 'R', false);
    }
  doc.y += 10;
  doc.x = x0;
}

/** "Nơi nhận" on the left, the signer on the right, kept together on one page. */
function signature(doc: Doc, c: BriefingContent) {
  const x0 = left(doc);
  const half = textWidth(doc) / 2;
  ensure(doc, 150);
  doc.y += 10;
  const top = doc.y;
  doc.font('B').fontSize(12).text('Nơi nhận:', x0, top, { width: half });
  for (const line of recipientLines(c.recipients))
    doc.font('R').fontSize(11).text(line, x0, doc.y, { width: half });
  const leftEnd = doc.y;
  doc.y = top;
  for (const a of c.signature.authority) centredLine(doc, upper(a), x0 + half, half, 'B', SIZE);
  centredLine(doc, upper(c.signature.position), x0 + half, half, 'B', SIZE);
  doc.y = Math.max(doc.y + 80, leftEnd);
}

/** Page numbers centred in the top margin, none on the first page (Decree 30/2020/NĐ-CP, Appendix I). */
function pageNumbers(doc: Doc) {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const topMargin = doc.page.margins.top;
    doc.page.margins.top = 0;
    doc
      .font('R')
      .fontSize(SIZE)
      .text(String(i + 1), left(doc), mm(10), { width: textWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.top = topMargin;
  }
}
