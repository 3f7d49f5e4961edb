import { describe, expect, it } from 'vitest';
import { noticeDocumentSpec, splitNumberSymbol, type NoticeFacts } from './notice-document.js';

const facts: NoticeFacts = {
  founderKind: 'state',
  founderName: null,
  numberSymbol: '25/TB-BCĐ',
  issuedOn: '2023-03-24',
  issuer: 'Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An',
  place: 'Nghệ An',
  committeeName: 'Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An',
  meetingTitle: 'Phiên họp thứ nhất Ban Chỉ đạo',
  meetingDate: '2023-03-20',
  meetingPlace: 'Hội trường Tỉnh ủy',
  chair: { name: 'Trần Văn Chỉ Đạo', position: 'truong_ban', office: 'Bí thư Tỉnh ủy' },
  attendeeCount: 8,
  guests: [],
  conclusions: [
    { ordinal: 2, text: 'Các sở ban hành kế hoạch.', leadUnitName: null, dueDate: null },
    { ordinal: 1, text: 'Ban hành Quy chế.', leadUnitName: 'Sở Nội vụ', dueDate: '2023-04-15' },
  ],
};

describe('splitNumberSymbol', () => {
  it('splits the register number from the symbol (Decree 30/2020/NĐ-CP: "Số: 25/TB-BCĐ")', () => {
    expect(splitNumberSymbol('25/TB-BCĐ')).toEqual({ number: 25, symbol: 'TB-BCĐ' });
    expect(splitNumberSymbol(' 07 / TB-VPUB ')).toEqual({ number: 7, symbol: 'TB-VPUB' });
    expect(splitNumberSymbol('TB-BCĐ')).toEqual({ number: null, symbol: 'TB-BCĐ' });
  });
});

const spec = noticeDocumentSpec(facts);

describe('noticeDocumentSpec', () => {
  it('is a thông báo of the issuer, dated and numbered as registered', () => {
    expect(spec).toMatchObject({
      docType: 'Thông báo',
      issuingBody: facts.issuer,
      number: 25,
      symbol: 'TB-BCĐ',
      place: 'Nghệ An',
      date: '2023-03-24',
      summary: 'Kết luận tại phiên họp thứ nhất Ban Chỉ đạo ngày 20/03/2023',
    });
  });
  it('states the meeting, then the conclusions in order, then the closing formula', () => {
    const texts = spec.body.map((b) => (b.kind === 'paragraph' && typeof b.text === 'string' ? b.text : ''));
    expect(texts[0]).toContain('Ngày 20/03/2023, tại Hội trường Tỉnh ủy');
    expect(texts[0]).toContain('đồng chí Trần Văn Chỉ Đạo, Bí thư Tỉnh ủy, Trưởng ban Ban Chỉ đạo');
    expect(texts[2]).toBe(
      '1. Ban hành Quy chế (Cơ quan chủ trì: Sở Nội vụ; thời hạn hoàn thành: 15/04/2023).',
    );
    expect(texts[3]).toBe('2. Các sở ban hành kế hoạch.');
    expect(texts.at(-1)).toMatch(/biết, thực hiện\.\/\.$/);
  });
  it('is sent to the members and the lead units, filed, and signed for the committee by the chair', () => {
    expect(spec.recipients).toEqual(['Thành viên Ban Chỉ đạo', 'Sở Nội vụ', 'Lưu: VT']);
    expect(spec.signature).toEqual({
      authority: ['TM. BAN CHỈ ĐẠO'],
      position: 'Trưởng ban',
      name: 'Trần Văn Chỉ Đạo',
    });
  });
});

describe('noticeDocumentSpec of a committee founded by the Tỉnh ủy (Party layout, Hướng dẫn 36-HD/VPTW 2018)', () => {
  const party = noticeDocumentSpec({
    ...facts,
    founderKind: 'party',
    founderName: 'Tỉnh ủy Nghệ An',
    numberSymbol: '01-TB/BCĐ',
  });
  it('reads the Party number "01-TB/BCĐ" as number 1, symbol TB/BCĐ — never "Số:       /01-TB/BCĐ"', () => {
    expect(party).toMatchObject({ number: 1, symbol: 'TB/BCĐ', parentBody: 'Tỉnh ủy Nghệ An' });
    expect(party.layout?.numberText).toBe('Số 01-TB/BCĐ');
  });
  it('heads it "ĐẢNG CỘNG SẢN VIỆT NAM" with a star under the issuing body, not the national motto', () => {
    expect(party.layout?.heading).toEqual([{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', size: 15 }]);
    expect(party.layout?.issuerMark).toBe('star');
  });
  it('signs "T/M BAN CHỈ ĐẠO" (the Party form of "on behalf of")', () => {
    expect(party.signature.authority).toEqual(['T/M BAN CHỈ ĐẠO']);
  });
  it('keeps the state layout for a UBND committee (no override: Decree 30/2020 header)', () => {
    expect(spec.layout).toBeUndefined();
    expect(spec.parentBody).toBeNull();
  });
});
