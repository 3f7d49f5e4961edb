import { describe, expect, it } from 'vitest';
import {
  barChartSvg,
  escapeXml,
  lineChartSvg,
  niceTicks,
  textWidth,
  valueLabel,
  viNumber,
  wrapText,
} from './chart-svg.js';

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('numbers and text', () => {
  it('writes numbers the Vietnamese way', () => {
    expect(viNumber(1234.5)).toBe('1.234,5');
    expect(viNumber(0)).toBe('0');
    expect(viNumber(87.25, 1)).toBe('87,3');
    expect(valueLabel(87.5, 'percent')).toBe('87,5%');
    expect(valueLabel(1200, 'count')).toBe('1.200');
  });

  it('escapes markup in labels', () => {
    expect(escapeXml(`Sở "A" & <B>'s`)).toBe('Sở &quot;A&quot; &amp; &lt;B&gt;&apos;s');
  });

  it('chooses round ticks from zero', () => {
    expect(niceTicks(75, 'percent')).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(100, 'percent')).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(4, 'count')).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0, 'count')).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(37, 'count')).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(1234, 'count').at(-1)).toBeGreaterThanOrEqual(1234);
    // A percentage above 100 (a ratio that can exceed it) gets an axis that holds it.
    expect(niceTicks(130, 'percent').at(-1)).toBeGreaterThanOrEqual(130);
  });

  it('wraps long names into at most the lines given, ending cut text with an ellipsis', () => {
    const name = 'Ủy ban nhân dân xã Quỳnh Lưu thuộc tỉnh Nghệ An theo Nghị quyết sắp xếp đơn vị hành chính';
    const lines = wrapText(name, 200, 12, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(200);
    expect(wrapText('Sở Tư pháp', 200, 12, 2)).toEqual(['Sở Tư pháp']);
    const word = wrapText('A'.repeat(80), 100, 12, 2);
    expect(word).toHaveLength(1);
    expect(word[0]!.endsWith('…')).toBe(true);
    expect(wrapText('', 100, 12, 2)).toEqual([]);
  });
});

describe('bar chart', () => {
  it('draws a bar per known value, with its label, and a dash for an unknown one', () => {
    const { svg, width, height } = barChartSvg({
      title: 'Tỷ lệ hoàn thành',
      categories: ['Cải cách thể chế', 'Cải cách tài chính công', 'Sở A & B'],
      series: [{ name: 'Hoàn thành', values: [50, null, 75.5] }],
      unit: 'percent',
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(width).toBe(900);
    expect(height).toBeGreaterThan(100);
    // The background and two bars.
    expect(count(svg, /<rect /g)).toBe(1 + 2);
    const t = texts(svg);
    expect(t).toContain('Tỷ lệ hoàn thành');
    expect(t).toContain('50%');
    expect(t).toContain('75,5%');
    expect(t).toContain('—');
    expect(t).toContain('Sở A &amp; B');
    expect(t).toContain('100%');
    expect(svg).toContain('font-family="Liberation Sans"');
  });

  it('grows with the number of rows and shows a legend for several series', () => {
    const categories = Array.from({ length: 40 }, (_, i) => `Đơn vị số ${i + 1}`);
    const one = barChartSvg({
      title: 'x',
      categories: categories.slice(0, 5),
      series: [{ name: 'a', values: [1, 2, 3, 4, 5] }],
      unit: 'count',
    });
    const many = barChartSvg({
      title: 'x',
      categories,
      series: [
        { name: 'Quá hạn', values: categories.map((_, i) => i) },
        { name: 'Đúng hạn', values: categories.map(() => 2) },
      ],
      unit: 'count',
    });
    expect(many.height).toBeGreaterThan(one.height * 5);
    expect(texts(many.svg)).toContain('Quá hạn');
    expect(texts(many.svg)).toContain('Đúng hạn');
    // Zero draws no visible bar but keeps its label.
    expect(texts(many.svg)).toContain('0');
  });

  it('says so when there is nothing to draw', () => {
    const { svg } = barChartSvg({
      title: 'Việc quá hạn',
      categories: [],
      series: [{ name: 'x', values: [] }],
      unit: 'count',
      emptyText: 'Không có đơn vị nào',
    });
    expect(texts(svg)).toContain('Không có đơn vị nào');
    expect(count(svg, /<rect /g)).toBe(1);
  });
});

describe('line chart', () => {
  it('breaks the line at an unknown value and labels each point', () => {
    const { svg } = lineChartSvg({
      title: 'Hồ sơ',
      labels: ['07/2026', '08/2026', '09/2026', '10/2026', '11/2026'],
      series: [
        { name: 'Đúng hạn', values: [90, 91, null, 93, 94] },
        { name: 'Trực tuyến', values: [40, null, null, null, 55] },
      ],
      unit: 'percent',
    });
    // "Đúng hạn": two runs of two points; "Trực tuyến": single points only.
    expect(count(svg, /<polyline /g)).toBe(2);
    expect(count(svg, /<circle /g)).toBe(6);
    const t = texts(svg);
    for (const label of ['07/2026', '11/2026', '90%', '55%', 'Đúng hạn', 'Trực tuyến', '0%', '100%'])
      expect(t).toContain(label);
  });

  it('thins the month labels when they would collide', () => {
    const labels = Array.from(
      { length: 36 },
      (_, i) => `${String((i % 12) + 1).padStart(2, '0')}/${2024 + Math.floor(i / 12)}`,
    );
    const { svg } = lineChartSvg({
      title: 'x',
      labels,
      series: [{ name: 'a', values: labels.map((_, i) => i) }],
      unit: 'count',
      width: 600,
    });
    const shown = texts(svg).filter((x) => /^\d\d\/\d{4}$/.test(x!));
    expect(shown.length).toBeLessThan(36);
    expect(shown).toContain('12/2026');
  });

  it('says so when no value is known', () => {
    const { svg } = lineChartSvg({
      title: 'x',
      labels: ['01/2026'],
      series: [{ name: 'a', values: [null] }],
      unit: 'percent',
      emptyText: 'chưa có số liệu',
    });
    expect(texts(svg)).toContain('chưa có số liệu');
    expect(count(svg, /<circle /g)).toBe(0);
  });
});
