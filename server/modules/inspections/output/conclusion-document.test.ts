import { describe, expect, it } from 'vitest';
import {
  conclusionDocumentSpec,
  initials,
  issuerFacts,
  type ConclusionFacts,
} from './conclusion-document.js';
import { minutesDocumentSpec, type MinutesFacts } from './minutes-document.js';

const text = (spec: { body: { kind: string; text?: unknown; rows?: string[][] }[] }) =>
  spec.body
    .map((b) =>
      b.kind === 'table'
        ? (b.rows ?? []).map((r) => r.join(' | ')).join('\n')
        : typeof b.text === 'string'
          ? b.text
          : (b.text as { text: string }[]).map((r) => r.text).join(''),
    )
    .join('\n');

describe('who issues the notice', () => {
  it('an agency’s symbol is its initials; the team’s and the People’s Committee’s are fixed', () => {
    expect(initials('Sở Nội vụ')).toBe('SNV');
    expect(initials('Sở Tài chính')).toBe('STC');
    expect(initials('Văn phòng UBND tỉnh')).toBe('VPUBNDT');
    const o = { provinceName: 'Nghệ An', agencyName: 'Sở Nội vụ', headName: 'Ngô Văn Kiểm Tra' };
    expect(issuerFacts('team', o)).toMatchObject({
      parentBody: 'UBND tỉnh Nghệ An',
      symbol: 'TB-ĐKT',
      signature: { authority: ['TM. ĐOÀN KIỂM TRA'], position: 'Trưởng đoàn', name: 'Ngô Văn Kiểm Tra' },
    });
    expect(issuerFacts('standing_agency', o)).toMatchObject({
      issuingBody: 'Sở Nội vụ',
      symbol: 'TB-SNV',
      registerName: 'Sở Nội vụ tỉnh Nghệ An',
    });
    expect(issuerFacts('province', o)).toMatchObject({
      parentBody: null,
      issuingBody: 'Ủy ban nhân dân tỉnh Nghệ An',
      symbol: 'TB-UBND',
    });
  });
});

describe('the conclusion notice', () => {
  const facts: ConclusionFacts = {
    issuer: issuerFacts('team', {
      provinceName: 'Nghệ An',
      agencyName: 'Sở Nội vụ',
      headName: 'Ngô Văn Kiểm Tra',
    }),
    number: 3,
    date: '2026-06-23',
    place: 'Nghệ An',
    unitName: 'Sở Xây dựng',
    form: 'combined',
    conductedOn: '2026-06-16',
    basis: ['Kế hoạch số 05/KH-UBND ngày 10/01/2026'],
    minutes: '02/BB-ĐKT ngày 16/06/2026',
    summary: 'Đơn vị triển khai cơ bản đầy đủ.\n\nCòn một số tồn tại.',
    areas: [{ label: 'Công tác chỉ đạo, điều hành', compliant: 5, shortcoming: 1, violation: 0 }],
    recommendations: [
      {
        number: 2,
        text: 'Chấm dứt yêu cầu bản sao chứng thực',
        unitName: 'Sở Xây dựng',
        dueDate: '2026-07-21',
      },
      { number: 1, text: 'Gửi báo cáo định kỳ đúng hạn.', unitName: 'Văn phòng Sở', dueDate: '2026-07-07' },
    ],
    recipients: ['Ban Chỉ đạo cải cách hành chính tỉnh'],
  };

  it('numbers the recommendations in order, each with the unit and the deadline dd/mm/yyyy', () => {
    const spec = conclusionDocumentSpec(facts);
    expect(spec).toMatchObject({ number: 3, symbol: 'TB-ĐKT', docType: 'Thông báo', date: '2026-06-23' });
    const body = text(spec);
    expect(body).toContain(
      '1. Gửi báo cáo định kỳ đúng hạn. Đơn vị thực hiện: Văn phòng Sở; thời hạn hoàn thành: 07/07/2026.',
    );
    expect(body).toContain(
      '2. Chấm dứt yêu cầu bản sao chứng thực. Đơn vị thực hiện: Sở Xây dựng; thời hạn hoàn thành: 21/07/2026.',
    );
    expect(body.indexOf('1. Gửi')).toBeLessThan(body.indexOf('2. Chấm'));
    expect(body).toContain('Biên bản kiểm tra số 02/BB-ĐKT ngày 16/06/2026');
    expect(body).toContain('Ngày 16/06/2026');
    expect(body).toContain('1 | Công tác chỉ đạo, điều hành | 5 | 1 | 0');
    expect(spec.recipients).toEqual([
      'Sở Xây dựng',
      'Văn phòng Sở',
      'Ban Chỉ đạo cải cách hành chính tỉnh',
      'Lưu: VT, ĐKT',
    ]);
  });

  it('says so when there is nothing to remedy', () => {
    expect(text(conclusionDocumentSpec({ ...facts, recommendations: [] }))).toContain(
      'Đoàn kiểm tra không có kiến nghị khắc phục.',
    );
  });
});

describe('the minutes', () => {
  const facts: MinutesFacts = {
    number: null,
    date: '2026-06-16',
    place: 'Nghệ An',
    parentBody: 'UBND tỉnh Nghệ An',
    unitName: 'Sở Xây dựng',
    meetingPlace: 'trụ sở Sở Xây dựng',
    form: 'on_site',
    basis: [],
    team: [
      { name: 'Nguyễn Thị Thành Viên', unitName: 'Sở Tài chính', role: 'member' },
      { name: 'Ngô Văn Kiểm Tra', unitName: 'Sở Nội vụ', role: 'head' },
    ],
    representatives: [{ name: 'Cao Văn Giám Đốc', position: 'Giám đốc Sở' }],
    areas: [
      {
        label: 'Công tác chỉ đạo, điều hành',
        items: [
          { text: 'Kế hoạch CCHC năm', result: 'compliant', note: '' },
          { text: 'Báo cáo định kỳ', result: 'shortcoming', note: 'Chậm 5 ngày' },
          { text: 'Tự kiểm tra', result: null, note: '' },
        ],
      },
    ],
  };

  it('names the team (head first), the unit’s representatives, the findings by area, and both signers', () => {
    const spec = minutesDocumentSpec(facts);
    const body = text(spec);
    expect(spec).toMatchObject({ docType: 'Biên bản', symbol: 'BB-ĐKT', number: null, recipients: [] });
    expect(body).toContain('Hôm nay, ngày 16/06/2026, tại trụ sở Sở Xây dựng');
    expect(body).toContain('1 | Ngô Văn Kiểm Tra | Sở Nội vụ | Trưởng đoàn\n2 | Nguyễn Thị Thành Viên');
    expect(body).toContain('- Cao Văn Giám Đốc, Giám đốc Sở;');
    expect(body).toContain('2 | Báo cáo định kỳ | Còn tồn tại, hạn chế | Chậm 5 ngày');
    expect(body).toContain('3 | Tự kiểm tra | Chưa đánh giá |');
    expect(body).toContain('1 nội dung đạt yêu cầu; 1 nội dung còn tồn tại, hạn chế; 0 nội dung vi phạm');
    expect(spec.cosignature).toEqual({
      authority: ['ĐẠI DIỆN Sở Xây dựng'],
      position: 'Giám đốc Sở',
      name: 'Cao Văn Giám Đốc',
    });
    expect(spec.signature).toMatchObject({ position: 'Trưởng đoàn', name: 'Ngô Văn Kiểm Tra' });
  });
});
