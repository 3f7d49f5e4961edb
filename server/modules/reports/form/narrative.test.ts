import { describe, expect, it } from 'vitest';
import { narrativeParagraphs, narrativePlainText, normalizeNarrative, parseInline } from './narrative.js';

describe('narratives: plain text with light emphasis', () => {
  it('one paragraph per line; blank lines dropped; items numbered in the text stay text (Decree 30/2020/NĐ-CP)', () => {
    const text =
      '1. Về kế hoạch CCHC\r\n\r\na) Ban hành kế hoạch năm 2026.\n- Đã triển khai 31/56 nhiệm vụ.  \n';
    expect(narrativeParagraphs(text).map((p) => p.map((r) => r.text).join(''))).toEqual([
      '1. Về kế hoạch CCHC',
      'a) Ban hành kế hoạch năm 2026.',
      '- Đã triển khai 31/56 nhiệm vụ.',
    ]);
  });
  it('bold, italic and both', () => {
    expect(parseInline('Tỷ lệ **99,85%** hồ sơ *đúng hạn* và ***vượt chỉ tiêu***')).toEqual([
      { text: 'Tỷ lệ ', bold: false, italic: false },
      { text: '99,85%', bold: true, italic: false },
      { text: ' hồ sơ ', bold: false, italic: false },
      { text: 'đúng hạn', bold: false, italic: true },
      { text: ' và ', bold: false, italic: false },
      { text: 'vượt chỉ tiêu', bold: true, italic: true },
    ]);
  });
  it('a marker without its partner on the line, and an escaped asterisk, are literal', () => {
    expect(parseInline('5 * 3 = 15')).toEqual([{ text: '5 * 3 = 15', bold: false, italic: false }]);
    expect(parseInline('**chưa đóng')).toEqual([{ text: '**chưa đóng', bold: false, italic: false }]);
    expect(parseInline('\\*ghi chú\\*')).toEqual([{ text: '*ghi chú*', bold: false, italic: false }]);
  });
  it('HTML is only characters: nothing can inject markup', () => {
    const runs = parseInline('<script>alert(1)</script> <b>đậm</b>');
    expect(runs).toEqual([{ text: '<script>alert(1)</script> <b>đậm</b>', bold: false, italic: false }]);
  });
  it('normalises line endings and trims blank lines and trailing spaces', () => {
    expect(normalizeNarrative('\n\n  Một  \r\nHai\t\r\n\n')).toBe('  Một\nHai');
    expect(normalizeNarrative('   ')).toBe('   '.replace(/[ \t]+$/, ''));
  });
  it('plain text drops the markers', () => {
    expect(narrativePlainText('**Kết quả:**\n*Tốt*')).toBe('Kết quả:\nTốt');
  });
});
