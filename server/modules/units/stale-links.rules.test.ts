import { describe, expect, it } from 'vitest';
import { SUBJECT_MAX, shortText } from './stale-links.rules.js';

describe('shortText: a conclusion on one line of the stale-links list', () => {
  it('keeps a short text, folding its whitespace', () => {
    expect(shortText('  Sở Nội vụ\n tổng hợp   kinh nghiệm.  ')).toBe('Sở Nội vụ tổng hợp kinh nghiệm.');
    expect(shortText('')).toBe('');
  });

  it('keeps a text of exactly the limit', () => {
    const exact = 'a'.repeat(SUBJECT_MAX);
    expect(shortText(exact)).toBe(exact);
  });

  it('cuts a long text at a word, with an ellipsis, never over the limit', () => {
    const text =
      'UBND huyện Diễn Châu kiện toàn bộ phận Một cửa cấp xã, bố trí công chức đủ năng lực, ' +
      'hoàn thành số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực tại Bộ phận Một cửa, ' +
      'báo cáo Ban Chỉ đạo trước ngày 30/9.';
    const short = shortText(text);
    expect(short.length).toBeLessThanOrEqual(SUBJECT_MAX);
    expect(short.endsWith('…')).toBe(true);
    // Cut between words, and no dangling comma before the ellipsis.
    expect(text.startsWith(short.slice(0, -1))).toBe(true);
    expect(text[short.length - 1]).toMatch(/[ ,]/);
    expect(short).not.toMatch(/[ ,]…$/);
    expect(shortText(text, 40)).toBe('UBND huyện Diễn Châu kiện toàn bộ phận…');
  });

  it('cuts a text without spaces at the limit', () => {
    const long = 'x'.repeat(300);
    expect(shortText(long, 20)).toBe(`${'x'.repeat(19)}…`);
  });
});
