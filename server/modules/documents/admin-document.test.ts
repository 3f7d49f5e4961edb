import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  placeName,
  provinceCommittee,
  adminDocumentBuffer,
  dateLine,
  LAYOUT,
  MOTTO,
  numberLine,
  recipientLines,
  SLOGAN,
  type AdminDocumentSpec,
} from './admin-document.js';

/** The document's XML and its text, one line per paragraph (a .docx is a zip of XML parts). */
async function docxParts(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = xml
    .split('</w:p>')
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1]!)
        .join('')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'"),
    )
    .filter((line) => line.trim() !== '');
  return { zip, xml, text };
}

const mmToTwip = (mm: number) => Math.round((mm / 25.4) * 1440);

const SPEC: AdminDocumentSpec = {
  parentBody: 'UBND tỉnh Nghệ An',
  issuingBody: 'Ban Chỉ đạo cải cách hành chính',
  number: 5,
  symbol: 'BC-BCĐ',
  place: 'Nghệ An',
  date: '2026-11-23',
  docType: 'Báo cáo',
  summary: 'Tiến độ thực hiện Kế hoạch CCHC năm 2026',
  body: [
    { kind: 'heading', text: 'I. KẾT QUẢ CHUNG' },
    {
      kind: 'paragraph',
      text: [{ text: 'Đã hoàn thành ' }, { text: '31/56 nhiệm vụ (55,36%).', bold: true }],
    },
    {
      kind: 'table',
      columns: [
        { header: 'STT', widthPct: 10, align: 'center' },
        { header: 'Lĩnh vực', widthPct: 90 },
      ],
      rows: [['1', 'Cải cách thể chế & thủ tục <hành chính>']],
    },
    { kind: 'table', columns: [{ header: 'Nhiệm vụ', widthPct: 100 }], rows: [], emptyText: 'Không có.' },
  ],
  recipients: ['Chủ tịch UBND tỉnh (để b/c);', '- Thành viên Ban Chỉ đạo', 'Lưu: VT, BCĐ.'],
  signature: { authority: ['TM. Ban Chỉ đạo'], position: 'Trưởng ban', name: 'Trần Văn Chỉ Đạo' },
};

describe('placeName: where a province dates its documents', () => {
  it('drops the committee and the "tỉnh" or "thành phố" of the unit’s name', () => {
    // A bug once dated the PAR Index decision "UBND tỉnh Nghệ An, ngày …" under "ỦY BAN NHÂN DÂN TỈNH UBND TỈNH…".
    expect(placeName('UBND tỉnh Nghệ An')).toBe('Nghệ An');
    expect(placeName('Ủy ban nhân dân tỉnh Hà Tĩnh')).toBe('Hà Tĩnh');
    expect(placeName('Tỉnh Nghệ An')).toBe('Nghệ An');
    expect(placeName('Thành phố Huế')).toBe('Huế');
    expect(placeName('Nghệ An')).toBe('Nghệ An');
  });
});

describe('the lines of the header (Decree 30/2020/NĐ-CP, Appendix I)', () => {
  it('dates: a day below 10 and the months 1 and 2 take a leading zero, other months do not', () => {
    expect(dateLine('Nghệ An', '2026-11-23')).toBe('Nghệ An, ngày 23 tháng 11 năm 2026');
    expect(dateLine('Nghệ An', '2026-02-05')).toBe('Nghệ An, ngày 05 tháng 02 năm 2026');
    expect(dateLine('Nghệ An', '2026-01-10')).toBe('Nghệ An, ngày 10 tháng 01 năm 2026');
    expect(dateLine('Hà Nội', '2026-03-09')).toBe('Hà Nội, ngày 09 tháng 3 năm 2026');
    expect(() => dateLine('Nghệ An', '23/11/2026')).toThrow(RangeError);
  });

  it('number and symbol: "Số:" with a leading zero below 10, symbol upper case, or a blank for the register', () => {
    expect(numberLine(5, 'BC-BCĐ')).toBe('Số: 05/BC-BCĐ');
    expect(numberLine(125, 'bc-ubnd')).toBe('Số: 125/BC-UBND');
    expect(numberLine(null, 'BC-BCĐ')).toBe('Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-BCĐ');
  });

  it('recipients: each line from "- ", ";" after each, "." after the last', () => {
    expect(recipientLines(SPEC.recipients)).toEqual([
      '- Chủ tịch UBND tỉnh (để b/c);',
      '- Thành viên Ban Chỉ đạo;',
      '- Lưu: VT, BCĐ.',
    ]);
  });
});

describe('the .docx', () => {
  it('has the motto block, the number, the place and date, the title, the body and the signature, in order', async () => {
    const { text } = await docxParts(await adminDocumentBuffer(SPEC));
    expect(text.slice(0, 7)).toEqual([
      'UBND TỈNH NGHỆ AN',
      'BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH',
      'Số: 05/BC-BCĐ',
      MOTTO,
      SLOGAN,
      'Nghệ An, ngày 23 tháng 11 năm 2026',
      'BÁO CÁO',
    ]);
    expect(text).toContain('Tiến độ thực hiện Kế hoạch CCHC năm 2026');
    expect(text).toContain('I. KẾT QUẢ CHUNG');
    expect(text).toContain('Đã hoàn thành 31/56 nhiệm vụ (55,36%).');
    expect(text).toContain('Cải cách thể chế & thủ tục <hành chính>');
    expect(text).toContain('Không có.');
    const tail = text.slice(text.indexOf('Nơi nhận:'));
    expect(tail).toEqual([
      'Nơi nhận:',
      '- Chủ tịch UBND tỉnh (để b/c);',
      '- Thành viên Ban Chỉ đạo;',
      '- Lưu: VT, BCĐ.',
      'TM. BAN CHỈ ĐẠO',
      'TRƯỞNG BAN',
      'Trần Văn Chỉ Đạo',
    ]);
  });

  it('a provincial committee issues on the two lines of the decree’s samples: “ỦY BAN NHÂN DÂN” / “TỈNH NGHỆ AN”', async () => {
    const { text } = await docxParts(
      await adminDocumentBuffer({ ...SPEC, parentBody: null, issuingBody: provinceCommittee('Nghệ An') }),
    );
    expect(text.slice(0, 3)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH NGHỆ AN', 'Số: 05/BC-BCĐ']);
  });

  it('an annex follows the signature on a new page, tied to the document by its line', async () => {
    const buffer = await adminDocumentBuffer({
      ...SPEC,
      annexes: [
        {
          title: 'PHỤ LỤC I. CHỈ SỐ CCHC NĂM 2026',
          attachedTo: '(Kèm theo Quyết định số      /QĐ-UBND)',
          body: [{ kind: 'paragraph', text: 'Bảng xếp hạng.' }],
        },
      ],
    });
    const { text, xml } = await docxParts(buffer);
    const signer = text.indexOf('Trần Văn Chỉ Đạo');
    expect(text.slice(signer + 1)).toEqual([
      'PHỤ LỤC I. CHỈ SỐ CCHC NĂM 2026',
      '(Kèm theo Quyết định số      /QĐ-UBND)',
      'Bảng xếp hạng.',
    ]);
    expect(xml).toContain('<w:pageBreakBefore/>');
  });

  it('is set in Times New Roman, 14 pt body, on A4 with the decree margins, the motto bold and the date italic', async () => {
    const { zip, xml } = await docxParts(await adminDocumentBuffer(SPEC));
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="28"\/>/); // 14 pt = 28 half-points
    expect(xml).not.toMatch(/w:ascii="(?!Times New Roman)[^"]+"/); // no other font anywhere
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4 in twips (210 × 297 mm)
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)![1]);
    expect(attr('top')).toBe(mmToTwip(LAYOUT.marginTopMm));
    expect(attr('bottom')).toBe(mmToTwip(LAYOUT.marginBottomMm));
    expect(attr('left')).toBe(mmToTwip(LAYOUT.marginLeftMm));
    expect(attr('right')).toBe(mmToTwip(LAYOUT.marginRightMm));
    // Decree ranges: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
    expect(LAYOUT.marginTopMm).toBeGreaterThanOrEqual(20);
    expect(LAYOUT.marginLeftMm).toBeGreaterThanOrEqual(30);
    expect(LAYOUT.marginRightMm).toBeGreaterThanOrEqual(15);
    const runOf = (t: string) => {
      const i = xml.indexOf(`>${t}</w:t>`);
      return xml.slice(xml.lastIndexOf('<w:r>', i), i);
    };
    expect(runOf(MOTTO)).toContain('<w:b/>');
    expect(runOf(SLOGAN)).toContain('<w:b/>');
    expect(runOf('Nghệ An, ngày 23 tháng 11 năm 2026')).toContain('<w:i/>');
    expect(runOf('Nơi nhận:')).toMatch(/<w:b\/>[\s\S]*<w:i\/>/);
    // Page numbers in the header from page 2 on (the first page has its own, empty header).
    expect(xml).toContain('<w:titlePg/>');
  });

  it('leaves the name line empty when the signer is not known yet', async () => {
    const { text } = await docxParts(
      await adminDocumentBuffer({ ...SPEC, parentBody: null, signature: { position: 'Giám đốc' } }),
    );
    expect(text[0]).toBe('BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH');
    expect(text.at(-1)).toBe('GIÁM ĐỐC');
  });
});
