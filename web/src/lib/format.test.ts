import { describe, expect, it } from 'vitest';
import {
  foldVi,
  unitsDayOfYear,
  formatDate,
  formatDateTime,
  formatFileSize,
  formatNumber,
  isoDate,
  parseVnDate,
  sortVi,
  viCollator,
} from './format';

describe('formatDate', () => {
  it('formats API dates as dd/mm/yyyy without a time-zone shift', () => {
    expect(formatDate('2025-02-28')).toBe('28/02/2025');
    expect(formatDate('2025-01-01')).toBe('01/01/2025');
  });
  it('formats Date objects', () => {
    expect(formatDate(new Date(2024, 11, 5))).toBe('05/12/2024');
  });
  it('returns an empty string for missing or invalid values', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('not a date')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('formats as dd/mm/yyyy HH:mm in local time', () => {
    expect(formatDateTime(new Date(2025, 2, 1, 9, 5))).toBe('01/03/2025 09:05');
    expect(formatDateTime(new Date(2025, 11, 31, 23, 59))).toBe('31/12/2025 23:59');
  });
  it('accepts ISO instants', () => {
    const d = new Date(2025, 5, 15, 14, 30);
    expect(formatDateTime(d.toISOString())).toBe('15/06/2025 14:30');
  });
});

describe('parseVnDate', () => {
  it('parses dd/mm/yyyy into YYYY-MM-DD', () => {
    expect(parseVnDate('28/02/2025')).toBe('2025-02-28');
    expect(parseVnDate('1/3/2025')).toBe('2025-03-01');
    expect(parseVnDate('01.03.2025')).toBe('2025-03-01');
  });
  it('rejects impossible dates and other text', () => {
    expect(parseVnDate('31/02/2025')).toBeNull();
    expect(parseVnDate('2025-02-28')).toBeNull();
    expect(parseVnDate('')).toBeNull();
  });
  it('round-trips with formatDate and isoDate', () => {
    expect(formatDate(parseVnDate('29/02/2024'))).toBe('29/02/2024');
    expect(isoDate(new Date(2024, 1, 29))).toBe('2024-02-29');
  });
});

describe('formatNumber', () => {
  it('uses the Vietnamese thousands dot and decimal comma', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(0)).toBe('0');
  });
  it('rounds to the requested number of decimals', () => {
    expect(formatNumber(3.14159, 2)).toBe('3,14');
    expect(formatNumber(2.5, 0)).toMatch(/^[23]$/);
  });
  it('returns an empty string for missing values', () => {
    expect(formatNumber(null)).toBe('');
    expect(formatNumber(Number.NaN)).toBe('');
  });
});

describe('formatFileSize', () => {
  it('formats bytes, kilobytes and megabytes', () => {
    expect(formatFileSize(0)).toBe('0 B');
    expect(formatFileSize(999)).toBe('999 B');
    expect(formatFileSize(1536)).toBe('1,5 KB');
    expect(formatFileSize(1024 * 1024)).toBe('1 MB');
    expect(formatFileSize(5.25 * 1024 * 1024)).toBe('5,3 MB');
  });
  it('returns an empty string for invalid sizes', () => {
    expect(formatFileSize(-1)).toBe('');
    expect(formatFileSize(undefined)).toBe('');
  });
});

describe('Vietnamese sorting', () => {
  it('puts Đ after D and ignores tones first', () => {
    const sorted = sortVi(['Đông', 'Dung', 'An', 'Ánh', 'Bình'], (s) => s);
    expect(sorted.indexOf('Dung')).toBeLessThan(sorted.indexOf('Đông'));
    expect(sorted[0]).toBe('An');
    expect(sorted.at(-1)).toBe('Đông');
  });
  it('orders numbers numerically', () => {
    expect(['Phường 10', 'Phường 2', 'Phường 1'].sort(viCollator.compare)).toEqual([
      'Phường 1',
      'Phường 2',
      'Phường 10',
    ]);
  });
  it('does not modify its input', () => {
    const input = ['b', 'a'];
    sortVi(input, (s) => s);
    expect(input).toEqual(['b', 'a']);
  });
});

describe('foldVi', () => {
  it('removes tones, đ and case', () => {
    expect(foldVi('Sở Tư pháp')).toBe('so tu phap');
    expect(foldVi('ĐẮK LẮK')).toBe('dak lak');
  });
});

describe('unitsDayOfYear', () => {
  const today = new Date('2026-12-05T10:00:00+07:00');
  it('a past year picks units as they stood on its last day', () => {
    expect(unitsDayOfYear(2024, today)).toBe('2024-12-31');
  });
  it('this year or a future one picks today’s units', () => {
    expect(unitsDayOfYear(2026, today)).toBeUndefined();
    expect(unitsDayOfYear(2027, today)).toBeUndefined();
    expect(unitsDayOfYear(null, today)).toBeUndefined();
  });
});
