import { describe, expect, it } from 'vitest';
import { formatNumber, isText, nums, percents, round2, shorten } from './text.js';

describe('numbers as each language writes them', () => {
  it('Vietnamese: dot thousands, comma decimals — 1.234,5; English 1,234.5', () => {
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(nums(1234567.891)).toEqual({ vi: '1.234.567,89', en: '1,234,567.89' });
  });
  it('trailing zeros dropped; whole numbers without decimals; negatives', () => {
    expect(nums(385)).toEqual({ vi: '385', en: '385' });
    expect(nums(2.5)).toEqual({ vi: '2,5', en: '2.5' });
    expect(nums(-0.004)).toEqual({ vi: '0', en: '0' });
    expect(nums(-1234.5)).toEqual({ vi: '-1.234,5', en: '-1,234.5' });
  });
  it('more decimals on request, rounded half away from zero on the visible digits', () => {
    expect(formatNumber(0.66965, 'vi', 4)).toBe('0,6697');
    expect(formatNumber(1.005, 'vi')).toBe('1,01');
    expect(formatNumber(34.5, 'vi', 0)).toBe('35');
  });
  it('percentages: 83,94%', () => {
    expect(percents(83.94)).toEqual({ vi: '83,94%', en: '83.94%' });
  });
  it('round2: two decimals, half away from zero (88.805 → 88.81, −1.005 → −1.01)', () => {
    expect(round2(88.805)).toBe(88.81);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(64.28571428)).toBe(64.29);
    expect(round2(-0.001)).toBe(0);
    expect(round2(Number.NaN)).toBeNaN();
  });
});

describe('texts', () => {
  it('isText: Vietnamese not blank, English a string (may be empty)', () => {
    expect(isText({ vi: 'Có', en: '' })).toBe(true);
    expect(isText({ vi: ' ', en: 'Yes' })).toBe(false);
    expect(isText({ vi: 'Có' })).toBe(false);
    expect(isText('Có')).toBe(false);
  });
  it('shorten: at most 60 characters with an ellipsis, counting Vietnamese letters once', () => {
    expect(shorten('Giới tính')).toBe('Giới tính');
    const cut = shorten('ệ'.repeat(80));
    expect([...cut].length).toBe(60);
    expect(cut.endsWith('…')).toBe(true);
  });
});
