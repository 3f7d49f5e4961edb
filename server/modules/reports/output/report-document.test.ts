/**
 * The report as a document: its body blocks, then the .docx read back as XML (a .docx is a zip of XML
 * parts; the text of each paragraph is the concatenation of its w:t runs).
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { MOTTO, SLOGAN, type Block } from '../../documents/admin-document.js';
import { evaluate } from '../form/index.js';
import {
  EMPTY_FIGURE,
  reportBlocks,
  reportDocumentSpec,
  reportDocx,
  reportFigure,
  type ReportFacts,
} from './report-document.js';
import { PROVINCE_Q3_2026, provinceValues, shippedForm } from './test-data.js';

const form = shippedForm('provincial-par-report');
const values = provinceValues();

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The document part and its text, one entry per paragraph. */
async function docxText(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = xml
    .split('</w:p>')
    .map((p) => unescape([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('')))
    .filter((t) => t.trim() !== '');
  /** The formatting (w:rPr) of the run holding exactly `text`. */
  const runOf = (text: string) => {
    const i = xml.indexOf(`>${text}</w:t>`);
    if (i < 0) throw new Error(`No run "${text}"`);
    return xml.slice(xml.lastIndexOf('<w:r>', i), i);
  };
  return { xml, paragraphs, runOf };
}

const plain = (b: Block) =>
  b.kind === 'table' || b.kind === 'image'
    ? ''
    : typeof b.text === 'string'
      ? b.text
      : b.text.map((r) => r.text).join('');

const FACTS: ReportFacts = {
  form,
  values,
  layout: 'state',
  parentBody: 'UBND tỉnh Nghệ An',
  issuingBody: 'Sở Nội vụ',
  number: 5,
  symbol: 'BC-SNV',
  place: 'Nghệ An',
  date: '2026-09-25',
  title: 'Kết quả thực hiện công tác cải cách hành chính quý III năm 2026',
  recipients: ['Bộ Nội vụ (để b/c)', 'UBND tỉnh (để b/c)', 'Lưu: VT, CCHC'],
  signature: { authority: ['KT. GIÁM ĐỐC'], position: 'Phó Giám đốc', name: 'Nguyễn Văn Cải' },
};

describe('reportFigure: a report writes its figures the Vietnamese way, rounded to the decimals', () => {
  it('groups thousands with "." and writes decimals with ","', () => {
    expect(reportFigure(1234, 0)).toBe('1.234');
    expect(reportFigure(152347, 0)).toBe('152.347');
    expect(reportFigure(85.5, 2)).toBe('85,5');
    expect(reportFigure(1234.56, 1)).toBe('1.234,6');
    expect(reportFigure(55.357, 2)).toBe('55,36');
    expect(reportFigure(-0.001, 2)).toBe('0');
  });
});

describe('reportBlocks (the provincial report, Nghệ An, quarter III of 2026)', () => {
  const blocks = reportBlocks(form, values);
  const texts = blocks.map(plain);

  it('heads each section "I. TITLE" and each subsection in bold "1. Title", in the form’s order', () => {
    const headings = blocks.filter((b) => b.kind === 'heading').map(plain);
    expect(headings).toEqual([
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH',
      'II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
    ]);
    const sub = blocks.find((b) => plain(b) === '2. Cải cách thủ tục hành chính');
    expect(sub).toEqual({
      kind: 'paragraph',
      indent: true,
      text: [{ text: '2. Cải cách thủ tục hành chính', bold: true }],
    });
    expect(texts.indexOf('II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH')).toBeLessThan(
      texts.indexOf('2. Cải cách thủ tục hành chính'),
    );
  });

  it('writes figures "- Label: 1.234 unit", percentages "85,5%", choices by their label', () => {
    expect(texts).toContain('- Số hồ sơ TTHC tiếp nhận trong kỳ: 152.347 hồ sơ');
    expect(texts).toContain(
      '- Số tin, bài, chuyên mục, hội nghị tuyên truyền về CCHC: 1.234 tin, bài, hoạt động',
    );
    expect(texts).toContain('- Tỷ lệ người dân, tổ chức hài lòng: 85,5%');
    // Computed: a rate from the counts, and a total without a unit.
    expect(texts).toContain('- Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn: 98,5%');
    expect(texts).toContain('- Tỷ lệ nhiệm vụ hoàn thành: 55,36%');
    expect(texts).toContain('- Tổng số TTHC thuộc thẩm quyền: 1.690');
    expect(texts).toContain('- Tình hình ban hành kế hoạch CCHC năm: Đã ban hành');
  });

  it('writes an empty figure "…", never 0', () => {
    expect(texts).toContain(`- Số cuộc kiểm tra đột xuất: ${EMPTY_FIGURE}`);
    expect(texts.some((t) => t.startsWith('- Số cuộc kiểm tra đột xuất: 0'))).toBe(false);
  });

  it('writes narratives paragraph by paragraph with their emphasis, indented, without their label', () => {
    const i = texts.indexOf(
      'Ngày 15/01/2026, UBND tỉnh ban hành Kế hoạch số 25/KH-UBND về cải cách hành chính năm 2026.',
    );
    expect(i).toBeGreaterThan(0);
    expect(blocks[i]).toEqual({
      kind: 'paragraph',
      indent: true,
      text: [
        { text: 'Ngày 15/01/2026, UBND tỉnh ban hành ' },
        { text: 'Kế hoạch số 25/KH-UBND', bold: true },
        { text: ' về cải cách hành chính năm 2026.' },
      ],
    });
    expect(blocks[i + 1]).toMatchObject({ text: [{}, { text: 'kế hoạch CCHC', italics: true }, {}] });
    expect(texts).not.toContain('- Kết quả triển khai kế hoạch CCHC: …');
    expect(texts.slice(-4)).toEqual([
      '1. Đẩy mạnh thanh toán trực tuyến.',
      '2. Số hóa hồ sơ TTHC.',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
      `- Đề xuất, kiến nghị: ${EMPTY_FIGURE}`,
    ]);
  });

  it('makes a fixed-row table with its row labels first, and a free-row table numbered STT', () => {
    const tables = blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    expect(tables).toHaveLength(2);
    const [free, fixed] = tables;
    expect(free!.columns.map((c) => c.header)).toEqual([
      'STT',
      'Tên sáng kiến, mô hình, giải pháp',
      'Lĩnh vực CCHC',
      'Kết quả, hiệu quả',
    ]);
    expect(free!.rows).toEqual([
      [
        '1',
        'Mô hình "Bộ phận Một cửa không giấy" tại phường Trường Vinh',
        'Cải cách thủ tục hành chính',
        'Giảm 40% thời gian chờ',
      ],
    ]);
    expect(fixed!.columns.map((c) => c.header)).toEqual([
      'Nội dung',
      'Số TTHC thuộc thẩm quyền giải quyết',
      'Dịch vụ công trực tuyến toàn trình',
      'Dịch vụ công trực tuyến một phần',
    ]);
    expect(fixed!.rows).toEqual([
      ['Cấp tỉnh', '1.234', '567', '420'],
      ['Cấp xã', '456', '210', '180'],
    ]);
    expect(fixed!.columns.slice(1).every((c) => c.align === 'right')).toBe(true);
    expect(Math.round(fixed!.columns.reduce((a, c) => a + c.widthPct, 0))).toBe(100);
  });

  it('shows an empty table cell "…" and leaves out empty fields and sections with hideEmpty', () => {
    const partial = evaluate(form, {
      ...PROVINCE_Q3_2026,
      procedures_by_level: null,
      proposals_text: null,
    }).values;
    const full = reportBlocks(form, partial);
    const fixed = full.find((b) => b.kind === 'table' && b.rows[0]?.[0] === 'Cấp tỉnh');
    expect(fixed).toMatchObject({
      rows: [
        ['Cấp tỉnh', '…', '…', '…'],
        ['Cấp xã', '…', '…', '…'],
      ],
    });

    const hidden = reportBlocks(form, partial, { hideEmpty: true }).map(plain);
    expect(hidden).not.toContain('- Số cuộc kiểm tra đột xuất: …');
    expect(hidden).not.toContain('- Thủ tục hành chính và dịch vụ công trực tuyến theo cấp:');
    expect(hidden).not.toContain('V. ĐỀ XUẤT, KIẾN NGHỊ');
    expect(hidden.some((t) => t.includes('…'))).toBe(false);
    expect(hidden).toContain('IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI');
  });

  it('speaks English with locale "en" (figures still 1.234,5)', () => {
    const en = reportBlocks(form, values, { locale: 'en' }).map(plain);
    expect(en[0]).toBe('I. DIRECTION AND MANAGEMENT OF PAR');
    expect(en).toContain('- Dossiers received in the period: 152.347 dossiers');
    expect(en).toContain('- Share of satisfied citizens and organisations: 85,5%');
    expect(en).toContain('- Yearly PAR plan: Issued');
  });

  it('writes each table row as a line with tablesAsText (for the Party builder)', () => {
    const lines = reportBlocks(form, values, { tablesAsText: true });
    expect(lines.some((b) => b.kind === 'table')).toBe(false);
    const texts = lines.map(plain);
    expect(texts).toContain(
      '+ Cấp tỉnh: Số TTHC thuộc thẩm quyền giải quyết: 1.234; Dịch vụ công trực tuyến toàn trình: 567; Dịch vụ công trực tuyến một phần: 420.',
    );
    expect(texts.find((t) => t.startsWith('+ 1. '))).toContain('Lĩnh vực CCHC: Cải cách thủ tục hành chính');
  });
});

describe('reportDocx in the state layout (Decree 30/2020/NĐ-CP)', () => {
  let doc: Awaited<ReturnType<typeof docxText>>;
  beforeAll(async () => {
    doc = await docxText(await reportDocx(FACTS));
  });

  it('is a "BÁO CÁO" of the issuing body under the national motto, numbered and dated', () => {
    const spec = reportDocumentSpec(FACTS);
    expect(spec).toMatchObject({ docType: 'Báo cáo', summary: FACTS.title, number: 5, symbol: 'BC-SNV' });
    expect(spec.layout).toBeUndefined();
    const p = doc.paragraphs;
    expect(p).toContain(MOTTO);
    expect(p).toContain(SLOGAN);
    expect(p).toContain('UBND TỈNH NGHỆ AN');
    expect(p).toContain('SỞ NỘI VỤ');
    expect(p).toContain('Số: 05/BC-SNV');
    expect(p).toContain('Nghệ An, ngày 25 tháng 9 năm 2026');
    expect(p).toContain('BÁO CÁO');
    expect(p).toContain(FACTS.title);
    expect(p).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('holds the headings in order, the figures formatted, "…" for an empty one, and a real table', () => {
    const p = doc.paragraphs;
    const order = [
      'BÁO CÁO',
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH',
      '1. Về kế hoạch cải cách hành chính',
      '2. Về công tác kiểm tra cải cách hành chính',
      'II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
      '2. Cải cách thủ tục hành chính',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
      'Nơi nhận:',
    ].map((t) => p.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(p).toContain(
      '- Số tin, bài, chuyên mục, hội nghị tuyên truyền về CCHC: 1.234 tin, bài, hoạt động',
    );
    expect(p).toContain('- Tỷ lệ người dân, tổ chức hài lòng: 85,5%');
    expect(p).toContain('- Số cuộc kiểm tra đột xuất: …');
    // The fixed-row table: one paragraph per cell.
    const at = p.indexOf('Cấp tỉnh');
    expect(p.slice(at, at + 4)).toEqual(['Cấp tỉnh', '1.234', '567', '420']);
    expect(doc.xml).toContain('<w:tbl>');
  });

  it('keeps the narrative’s bold and italic runs, and the subsection headings bold', () => {
    expect(doc.runOf('Kế hoạch số 25/KH-UBND')).toContain('<w:b/>');
    expect(doc.runOf('kế hoạch CCHC')).toContain('<w:i/>');
    expect(doc.runOf('Ngày 15/01/2026, UBND tỉnh ban hành ')).not.toContain('<w:b/>');
    expect(doc.runOf('1. Về kế hoạch cải cách hành chính')).toContain('<w:b/>');
  });

  it('ends with the recipients and the signature', () => {
    const p = doc.paragraphs;
    expect(p).toContain('- Lưu: VT, CCHC.');
    expect(p).toContain('KT. GIÁM ĐỐC');
    expect(p).toContain('PHÓ GIÁM ĐỐC');
    expect(p.at(-1)).toBe('Nguyễn Văn Cải');
  });
});

describe('reportDocx in the Party layout (Hướng dẫn 36-HD/VPTW)', () => {
  const party: ReportFacts = {
    ...FACTS,
    layout: 'party',
    parentBody: 'Tỉnh ủy Nghệ An',
    issuingBody: 'Ban Chỉ đạo cải cách hành chính tỉnh',
    number: 5,
    symbol: 'BC/BCĐ',
    signature: { authority: ['T/M BAN CHỈ ĐẠO'], position: 'Trưởng ban', name: 'Trần Văn Chỉ Đạo' },
  };
  let doc: Awaited<ReturnType<typeof docxText>>;
  beforeAll(async () => {
    doc = await docxText(await reportDocx(party));
  });

  it('heads it "ĐẢNG CỘNG SẢN VIỆT NAM" with a star and "Số 05-BC/BCĐ", not the national motto', () => {
    const spec = reportDocumentSpec(party);
    expect(spec.layout).toEqual({
      heading: [{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', size: 15 }],
      issuerMark: 'star',
      numberText: 'Số 05-BC/BCĐ',
    });
    const p = doc.paragraphs;
    expect(p).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(p).toContain('*');
    expect(p).toContain('Số 05-BC/BCĐ');
    expect(p).toContain('TỈNH ỦY NGHỆ AN');
    expect(p).not.toContain(MOTTO);
    expect(p).toContain('T/M BAN CHỈ ĐẠO');
  });

  it('holds the same body, its tables written row by row', () => {
    const p = doc.paragraphs;
    expect(p).toContain('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH');
    expect(p).toContain('- Tỷ lệ người dân, tổ chức hài lòng: 85,5%');
    expect(p).toContain('- Số cuộc kiểm tra đột xuất: …');
    expect(p.some((t) => t.startsWith('+ Cấp tỉnh: Số TTHC thuộc thẩm quyền giải quyết: 1.234;'))).toBe(true);
    expect(doc.runOf('Kế hoạch số 25/KH-UBND')).toContain('<w:b/>');
  });

  it('leaves the number blank for the register when there is none yet', () => {
    expect(reportDocumentSpec({ ...party, number: null }).layout?.numberText).toBe(
      `Số ${'\u00a0'.repeat(6)}-BC/BCĐ`,
    );
  });
});
