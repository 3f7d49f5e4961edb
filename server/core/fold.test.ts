import { describe, expect, it } from 'vitest';
import { foldText } from './fold.js';

describe('foldText', () => {
  it('ignores tone marks, đ, case and spacing', () => {
    expect(foldText('  Sở  Tư PHÁP ')).toBe('so tu phap');
    expect(foldText('Điều tra XHH')).toBe('dieu tra xhh');
    expect(foldText('Đắk Lắk')).toBe('dak lak');
    expect(foldText('Văn hoá')).toBe(foldText('Văn hóa'));
    expect(foldText('Trực\ttuyến\n toàn trình')).toBe('truc tuyen toan trinh');
  });
  it('keeps what is not a letter', () => {
    expect(foldText('Lĩnh vực 3.6.1 (%)')).toBe('linh vuc 3.6.1 (%)');
    expect(foldText('')).toBe('');
  });
});
