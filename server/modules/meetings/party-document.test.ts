/**
 * The conclusion notice's .docx, read back as XML: a Party committee's in the layout of Hướng dẫn
 * 36-HD/VPTW of 03/4/2018 (Phụ lục 3: each element's case, size and style; "ô" = the box of the guide's
 * layout diagram), a UBND committee's in that of Decree 30/2020/NĐ-CP (Appendix I). Sizes in the XML are
 * half-points: 14 pt = 28.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT } from '../documents/admin-document.js';
import { noticeDocx, type NoticeFacts } from './notice-document.js';
import {
  buildPartyDocument,
  PARTY_HEADER_LEFT_MM,
  partyDocumentBuffer,
  PARTY_STYLE,
  type PartyDocumentSpec,
} from './party-document.js';

const facts: NoticeFacts = {
  founderKind: 'party',
  founderName: 'Tỉnh ủy Nghệ An',
  numberSymbol: '45-TB/BCĐ',
  issuedOn: '2024-03-05',
  issuer: 'Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An',
  place: 'Nghệ An',
  committeeName: 'Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An',
  meetingTitle: 'Phiên họp thứ hai Ban Chỉ đạo',
  meetingDate: '2024-03-01',
  meetingPlace: 'Hội trường Tỉnh ủy',
  chair: { name: 'Trần Văn Chỉ Đạo', position: 'truong_ban', office: 'Bí thư Tỉnh ủy' },
  attendeeCount: 8,
  guests: [],
  conclusions: [{ ordinal: 1, text: 'Ban hành Quy chế.', leadUnitName: 'Sở Nội vụ', dueDate: '2024-04-15' }],
};

type Docx = {
  xml: string;
  styles: string;
  runOf: (text: string) => string;
  paragraphAfter: (text: string) => string;
};

/** The document part, and the formatting (w:rPr) of the run holding exactly `text`. */
async function read(buffer: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const at = (text: string) => {
    const i = xml.indexOf(`>${text}</w:t>`);
    if (i < 0) throw new Error(`No run "${text}"`);
    return i;
  };
  return {
    xml,
    styles,
    runOf: (text) => {
      const i = at(text);
      return xml.slice(xml.lastIndexOf('<w:r>', i), i);
    },
    paragraphAfter: (text) => {
      const end = xml.indexOf('</w:p>', at(text));
      return xml.slice(end + 6, xml.indexOf('</w:p>', end + 6));
    },
  };
}

const size = (rPr: string) => Number(/<w:sz w:val="(\d+)"\/>/.exec(rPr)?.[1]) / 2;
const bold = (rPr: string) => /<w:b\/>/.test(rPr);
const italic = (rPr: string) => /<w:i\/>/.test(rPr);
const underlined = (rPr: string) => /<w:u w:val="single"\/>/.test(rPr);

let party: Docx;
beforeAll(async () => {
  party = await read(await noticeDocx(facts));
});
const DATE = 'Nghệ An, ngày 05 tháng 3 năm 2024';

describe('a Party committee’s notice .docx (Hướng dẫn 36-HD/VPTW, Phụ lục 3)', () => {
  it('ô 1: heads "ĐẢNG CỘNG SẢN VIỆT NAM" upper case, 15 pt, upright bold — never the national motto', () => {
    const r = party.runOf('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect([size(r), bold(r), italic(r), underlined(r)]).toEqual([15, true, false, false]);
    expect(party.xml).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(party.xml).not.toContain('Độc lập - Tự do - Hạnh phúc');
  });

  it('ô 1: a rule under the heading as long as the heading (HD 36: "độ dài bằng độ dài dòng chữ")', () => {
    const next = party.paragraphAfter('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(next).toMatch(/<w:pBdr><w:top w:val="single"/);
    const twips = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(next)![1]);
    const columnMm = LAYOUT.pageWidthMm - LAYOUT.marginLeftMm - LAYOUT.marginRightMm - PARTY_HEADER_LEFT_MM;
    const ruleMm = columnMm - ((twips('left') + twips('right')) * 25.4) / 1440;
    // "ĐẢNG CỘNG SẢN VIỆT NAM" in Times New Roman 15 pt bold prints about 75–80 mm wide.
    expect(ruleMm).toBeGreaterThan(65);
    expect(ruleMm).toBeLessThan(90);
    expect(ruleMm).toBeLessThan(columnMm);
  });

  it('ô 2: the body above the issuer upper case, 14 pt, upright (not bold)', () => {
    const r = party.runOf('TỈNH ỦY NGHỆ AN');
    expect([size(r), bold(r), italic(r)]).toEqual([14, false, false]);
  });

  it('ô 2: the issuing body upper case, 14 pt, upright bold, with a star "*" (14 pt) under it, not a rule', () => {
    const r = party.runOf('BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH TỈNH NGHỆ AN');
    expect([size(r), bold(r), italic(r)]).toEqual([14, true, false]);
    const next = party.paragraphAfter('BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH TỈNH NGHỆ AN');
    expect(next).toContain('>*</w:t>');
    expect(next).not.toContain('<w:pBdr>');
    expect(size(party.runOf('*'))).toBe(14);
  });

  it('ô 3: "Số 45-TB/BCĐ" — no colon, 14 pt (not 13), upright', () => {
    const r = party.runOf('Số 45-TB/BCĐ');
    expect([size(r), bold(r), italic(r), underlined(r)]).toEqual([14, false, false, false]);
    expect(party.xml).not.toContain('Số: ');
  });

  it('ô 4: the place and date 14 pt, italic ("ngày 05 tháng 3": a leading 0 below 10, and for months 1–2)', () => {
    const r = party.runOf(DATE);
    expect([size(r), bold(r), italic(r)]).toEqual([14, false, true]);
  });

  it('ô 5a: the type of document upper case, 15–16 pt, bold; the summary 14–15 pt, bold, upright', () => {
    const type = party.runOf('THÔNG BÁO');
    expect(size(type)).toBeGreaterThanOrEqual(15);
    expect(size(type)).toBeLessThanOrEqual(16);
    expect([bold(type), italic(type)]).toEqual([true, false]);
    const summary = party.runOf('Kết luận tại phiên họp thứ hai Ban Chỉ đạo ngày 01/03/2024');
    expect(size(summary)).toBeGreaterThanOrEqual(14);
    expect(size(summary)).toBeLessThanOrEqual(15);
    expect([bold(summary), italic(summary)]).toEqual([true, false]);
  });

  it('ô 6: the body 14–15 pt, upright', () => {
    const r = party.runOf(
      '1. Ban hành Quy chế (Cơ quan chủ trì: Sở Nội vụ; thời hạn hoàn thành: 15/04/2024).',
    );
    expect([size(r), bold(r), italic(r)]).toEqual([14, false, false]);
    expect(party.styles).toMatch(/<w:sz w:val="28"\/>/);
  });

  it('ô 7a–7c: the authority "T/M BAN CHỈ ĐẠO" (Party form, not "TM."), 14 pt bold; the name 14 pt bold', () => {
    const r = party.runOf('T/M BAN CHỈ ĐẠO');
    expect([size(r), bold(r)]).toEqual([14, true]);
    expect(party.xml).not.toContain('TM. BAN CHỈ ĐẠO');
    const name = party.runOf('Trần Văn Chỉ Đạo');
    expect([size(name), bold(name)]).toEqual([14, true]);
  });

  it('ô 9a: "Nơi nhận:" 14 pt, upright, underlined (not the bold italic 12 pt of Decree 30/2020)', () => {
    const r = party.runOf('Nơi nhận:');
    expect([size(r), underlined(r), bold(r), italic(r)]).toEqual([14, true, false, false]);
  });

  it('ô 9b: the recipients 12 pt, upright, one a line', () => {
    for (const line of ['- Thành viên Ban Chỉ đạo;', '- Sở Nội vụ;', '- Lưu: VT.']) {
      const r = party.runOf(line);
      expect([size(r), bold(r), italic(r), underlined(r)]).toEqual([12, false, false, false]);
    }
  });

  it('the page: A4, margins 20/20/30/15 mm, Times New Roman only, page numbers from page 2 (HD 36: paper, margins)', () => {
    expect(party.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(party.xml)![1]!;
    const mm = (name: string) =>
      Math.round((Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)![1]) * 25.4) / 1440);
    expect([mm('top'), mm('bottom'), mm('left'), mm('right')]).toEqual([20, 20, 30, 15]);
    expect(party.xml).not.toMatch(/w:ascii="(?!Times New Roman)[^"]+"/);
    expect(party.xml).toContain('<w:titlePg/>');
  });

  it('keeps every element’s style in one table, as Phụ lục 3 lists them', () => {
    expect(PARTY_STYLE).toMatchObject({
      heading: { size: 15, bold: true },
      parentBody: { size: 14 },
      issuingBody: { size: 14, bold: true },
      number: { size: 14 },
      date: { size: 14, italics: true },
      recipientsLabel: { size: 14, underline: true },
      recipients: { size: 12 },
    });
  });

  it('lays out headings and paragraphs only (a table is refused, not printed wrongly)', () => {
    const spec: Omit<PartyDocumentSpec, 'body'> = {
      issuingBody: 'Ban Chỉ đạo',
      symbol: 'TB/BCĐ',
      place: 'Nghệ An',
      date: '2024-03-05',
      docType: 'Thông báo',
      summary: 'Thử',
      recipients: ['Lưu: VT'],
      signature: { position: 'Trưởng ban' },
      layout: {
        heading: [{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', size: 15 }],
        issuerMark: 'star',
        numberText: 'Số 01-TB/BCĐ',
      },
    };
    expect(() =>
      buildPartyDocument({
        ...spec,
        body: [{ kind: 'table', columns: [{ header: 'A', widthPct: 100 }], rows: [] }],
      }),
    ).toThrow(RangeError);
    return expect(
      partyDocumentBuffer({ ...spec, body: [{ kind: 'heading', text: 'I. KẾT QUẢ' }] }),
    ).resolves.toBeInstanceOf(Buffer);
  });
});

describe('a UBND committee’s notice .docx keeps the state layout (Decree 30/2020/NĐ-CP, Appendix I)', () => {
  it('heads with the national motto, "Số: 25/TB-BCĐ", signs "TM." and writes "Nơi nhận:" bold italic 12 pt', async () => {
    const state = await read(
      await noticeDocx({
        ...facts,
        founderKind: 'state',
        founderName: 'UBND tỉnh Nghệ An',
        numberSymbol: '25/TB-BCĐ',
      }),
    );
    expect(state.xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(state.xml).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(state.xml).toContain('>Số: 25/TB-BCĐ</w:t>');
    expect(state.xml).toContain('>TM. BAN CHỈ ĐẠO</w:t>');
    const r = state.runOf('Nơi nhận:');
    expect([size(r), bold(r), italic(r), underlined(r)]).toEqual([12, true, true, false]);
  });
});
