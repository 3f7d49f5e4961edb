import { describe, expect, it } from 'vitest';
import {
  bothNumbers,
  formatNumber,
  formatPercent,
  hasAtMost2Decimals,
  isMultipleOf,
  nearlyEqual,
  round2,
  snapDown,
} from './numbers.js';

describe('round2: two decimals, half away from zero, on the digits people see', () => {
  it('rounds decimal ties away from zero although the doubles sit a hair below them', () => {
    // 1.005 is stored as 1.00499999999999989…; the published figure must still be 1,01.
    expect(round2(1.005)).toBe(1.01);
    expect(round2(88.805)).toBe(88.81);
    expect(round2(89.995)).toBe(90);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(2.675)).toBe(2.68);
  });
  it('rounds below a tie down', () => {
    expect(round2(89.994)).toBe(89.99);
    expect(round2(76.874999)).toBe(76.87);
  });
  it('clears floating-point noise from sums (0.1 + 0.2; 89.995 reached by adding)', () => {
    expect(round2(0.1 + 0.2)).toBe(0.3);
    expect(round2(89.99499999999999)).toBe(90);
    expect(round2(100 / 3)).toBe(33.33);
    expect(round2((2 / 3) * 100)).toBe(66.67);
  });
  it('gives 0, never −0, and leaves non-finite and huge values alone', () => {
    expect(Object.is(round2(-0.001), 0)).toBe(true);
    expect(Number.isNaN(round2(NaN))).toBe(true);
    expect(round2(Infinity)).toBe(Infinity);
    expect(round2(1e20)).toBe(1e20);
  });
});

describe('Vietnamese and English number formats', () => {
  it('points: at most two decimals, trailing zeros dropped; comma decimals and dot thousands in Vietnamese', () => {
    expect(formatNumber(1.5, 'vi')).toBe('1,5');
    expect(formatNumber(1.5, 'en')).toBe('1.5');
    expect(formatNumber(2, 'vi')).toBe('2');
    expect(formatNumber(0.25, 'vi')).toBe('0,25');
    expect(formatNumber(1234.25, 'vi')).toBe('1.234,25');
    expect(formatNumber(1234.25, 'en')).toBe('1,234.25');
    expect(formatNumber(1000000, 'vi')).toBe('1.000.000');
    expect(formatNumber(-1.5, 'vi')).toBe('-1,5');
    expect(formatNumber(1.005, 'vi')).toBe('1,01');
  });
  it('percentages always with two decimals', () => {
    expect(formatPercent(80, 'vi')).toBe('80,00%');
    expect(formatPercent(80, 'en')).toBe('80.00%');
    expect(formatPercent(88.805, 'vi')).toBe('88,81%');
    expect(formatPercent(100, 'vi')).toBe('100,00%');
  });
  it('both languages at once', () => {
    expect(bothNumbers(1.5)).toEqual({ vi: '1,5', en: '1.5' });
  });
});

describe('steps and decimals', () => {
  it('isMultipleOf: whole numbers of steps, up to floating-point noise', () => {
    expect(isMultipleOf(1.5, 0.25)).toBe(true);
    expect(isMultipleOf(0, 0.25)).toBe(true);
    expect(isMultipleOf(1.6, 0.25)).toBe(false);
    expect(isMultipleOf(0.3, 0.1)).toBe(true); // 0.3 / 0.1 = 2.9999999999999996
    expect(isMultipleOf(0.75, 0.5)).toBe(false);
    expect(isMultipleOf(1, 0)).toBe(false);
    expect(isMultipleOf(NaN, 0.25)).toBe(false);
  });
  it('snapDown: the largest multiple of the step not above the value', () => {
    expect(snapDown(1.6, 0.25)).toBe(1.5); // 80% of 2 points earns 1,5, not 1,75
    expect(snapDown(2, 0.25)).toBe(2);
    expect(snapDown(0.24, 0.25)).toBe(0);
    expect(snapDown(2.1, 0.5)).toBe(2);
    expect(snapDown(9.5, 1)).toBe(9);
    expect(snapDown(0.3, 0.1)).toBe(0.3); // not 0.2 through noise, nor 0.30000000000000004
    expect(snapDown(0.7 * 3, 0.1)).toBe(2.1); // 2.0999999999999996 counts as 2.1
  });
  it('hasAtMost2Decimals', () => {
    expect(hasAtMost2Decimals(1.25)).toBe(true);
    expect(hasAtMost2Decimals(0.1 + 0.2)).toBe(true);
    expect(hasAtMost2Decimals(1.125)).toBe(false);
    expect(hasAtMost2Decimals(NaN)).toBe(false);
  });
  it('nearlyEqual', () => {
    expect(nearlyEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(nearlyEqual(0.3, 0.31)).toBe(false);
  });
});
