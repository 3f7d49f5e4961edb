import { describe, expect, it } from 'vitest';
import {
  describeTypes,
  formatCoordinate,
  formatDate,
  formatFileSize,
  formatNumber,
  pickText,
} from './format';

describe('formats', () => {
  it('dates are dd/mm/yyyy, without time-zone shifts', () => {
    expect(formatDate('2026-03-05')).toBe('05/03/2026');
    expect(formatDate('2025-12-31')).toBe('31/12/2025');
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });

  it('numbers are 1.234,5', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatFileSize(1536)).toBe('1,5 KB');
    expect(formatFileSize(5 * 1024 * 1024)).toBe('5 MB');
  });

  it('coordinates keep five decimals with a comma', () => {
    expect(formatCoordinate(18.6793412)).toBe('18,67934');
    expect(formatCoordinate(105.5)).toBe('105,5');
    expect(formatCoordinate(-0.000001)).toBe('0');
    expect(formatCoordinate(-12.5)).toBe('-12,5');
    expect(formatCoordinate(null)).toBe('');
  });

  it('names the accepted types', () => {
    expect(describeTypes(['image/jpeg', 'image/png', 'application/pdf'])).toBe('JPG, PNG, PDF');
    expect(describeTypes(['image/jpeg', 'image/pjpeg', 'image/webp'])).toBe('JPG, WEBP');
    expect(describeTypes(['image/*'])).toBe('IMAGE');
  });

  it('picks the text of the language, falling back to Vietnamese', () => {
    expect(pickText({ vi: 'Đất đai', en: 'Land' }, 'en')).toBe('Land');
    expect(pickText({ vi: 'Đất đai', en: '' }, 'en')).toBe('Đất đai');
    expect(pickText({ vi: 'Đất đai', en: 'Land' }, 'vi')).toBe('Đất đai');
    expect(pickText(null, 'vi')).toBe('');
  });
});

describe('portal formats', () => {
  it('percentages are 98,5%, empty when there is none', async () => {
    const { formatPercent } = await import('./format');
    expect(formatPercent(98.5)).toBe('98,5%');
    expect(formatPercent(88.814, 2)).toBe('88,81%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(1234.56)).toBe('1.234,6%');
    expect(formatPercent(null)).toBe('');
    expect(formatPercent(Number.NaN)).toBe('');
  });

  it('a year’s window is "Năm 2026 đến 07/12/2026" while it runs, the year alone once over', async () => {
    const { windowText } = await import('./figures');
    const { translator } = await import('./i18n');
    const vi = translator('vi');
    expect(windowText(vi, 2026, '2026-12-07')).toBe('Năm 2026 đến 07/12/2026');
    expect(windowText(vi, 2026, '2026-12-31')).toBe('Năm 2026');
    expect(windowText(vi, 2025, '2026-12-07')).toBe('Năm 2025');
    expect(translator('en')('home.window', { year: 2026, date: '07/12/2026' })).toBe(
      'Year 2026 up to 07/12/2026',
    );
  });
});
