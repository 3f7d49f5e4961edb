import { describe, expect, it } from 'vitest';
import { ogCardPng, ogCardSvg, wrapText } from './og-card.js';

describe('wrapText', () => {
  it('breaks between words within the width', () => {
    expect(wrapText('Ủy ban nhân dân tỉnh Nghệ An', 12)).toEqual(['Ủy ban nhân', 'dân tỉnh', 'Nghệ An']);
    expect(wrapText('  ', 10)).toEqual([]);
    expect(wrapText('Siêudàikhôngcắtđược ngắn', 5)).toEqual(['Siêudàikhôngcắtđược', 'ngắn']);
  });
});

describe('ogCardSvg', () => {
  it('draws the province and up to three figures, escaped', () => {
    const svg = ogCardSvg({
      provinceName: 'Tỉnh <Nghệ An> & "x"',
      figures: [
        { value: '95,5%', label: 'Chỉ số CCHC 2025 cao nhất' },
        { value: '80%', label: 'Hoàn thành kế hoạch' },
        { value: '99%', label: 'Hồ sơ đúng hạn' },
        { value: '1%', label: 'Thừa' },
      ],
    });
    expect(svg).toMatch(/^<svg [^>]*width="1200" height="630"/);
    expect(svg).toContain('Tỉnh &lt;Nghệ An&gt; &amp; &quot;x&quot;');
    expect(svg).toContain('95,5%');
    expect(svg).toContain('99%');
    expect(svg).not.toContain('Thừa');
  });
});

describe('ogCardPng', () => {
  it('renders a 1200×630 PNG with the shipped fonts, the same bytes for the same card', () => {
    const card = {
      provinceName: 'Tỉnh Nghệ An',
      figures: [{ value: '88,4%', label: 'Hoàn thành kế hoạch CCHC 2026' }],
    };
    const a = ogCardPng(card);
    const png = Buffer.from(a.png);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
    expect(ogCardPng(card).etag).toBe(a.etag);
    expect(ogCardPng({ ...card, figures: [] }).etag).not.toBe(a.etag);
  });
});
