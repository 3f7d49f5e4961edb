import { describe, expect, it } from 'vitest';
import { checkGradeBands } from './framework.js';
import type { GradeBand } from './framework-types.js';
import { DEFAULT_GRADE_BANDS, gradeFor, LETTER_GRADE_BANDS } from './grades.js';

const code = (percent: number, bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS) =>
  gradeFor(percent, bands)?.code ?? null;

describe('the default bands', () => {
  it('Tốt ≥ 90, Khá ≥ 80, Trung bình ≥ 70, Yếu below — sound by the framework check', () => {
    expect(DEFAULT_GRADE_BANDS.map((b) => [b.code, b.name.vi, b.name.en, b.minPercent])).toEqual([
      ['good', 'Tốt', 'Good', 90],
      ['fair', 'Khá', 'Fair', 80],
      ['average', 'Trung bình', 'Average', 70],
      ['weak', 'Yếu', 'Weak', 0],
    ]);
    expect(checkGradeBands(DEFAULT_GRADE_BANDS)).toEqual([]);
    expect(checkGradeBands(LETTER_GRADE_BANDS)).toEqual([]);
  });
});

describe('gradeFor', () => {
  it('a threshold itself earns its band: exactly 90 → Tốt, 80 → Khá, 70 → Trung bình, 0 → Yếu', () => {
    expect(code(100)).toBe('good');
    expect(code(90)).toBe('good');
    expect(code(89.99)).toBe('fair');
    expect(code(80)).toBe('fair');
    expect(code(79.99)).toBe('average');
    expect(code(70)).toBe('average');
    expect(code(69.99)).toBe('weak');
    expect(code(0)).toBe('weak');
  });

  it('grades the published (rounded) index: 89.995 shows as 90,00% and earns Tốt; 89.994 shows 89,99% — Khá', () => {
    expect(code(89.995)).toBe('good');
    expect(code(89.99499999999999)).toBe('good'); // the same figure reached through a sum
    expect(code(89.994)).toBe('fair');
    expect(code(79.996)).toBe('fair');
  });

  it('the letters: A ≥ 90, B ≥ 80, C ≥ 70, D below', () => {
    expect(code(95, LETTER_GRADE_BANDS)).toBe('A');
    expect(code(85, LETTER_GRADE_BANDS)).toBe('B');
    expect(code(70, LETTER_GRADE_BANDS)).toBe('C');
    expect(code(12.5, LETTER_GRADE_BANDS)).toBe('D');
  });

  it('does not depend on the order the bands are listed in', () => {
    expect(code(85, [...DEFAULT_GRADE_BANDS].reverse())).toBe('fair');
  });

  it('no band reached: null (a negative or non-finite index; bands without a 0 floor)', () => {
    expect(code(-1)).toBeNull();
    expect(code(NaN)).toBeNull();
    expect(code(50, [{ code: 'ok', name: { vi: 'Đạt', en: 'Pass' }, minPercent: 60 }])).toBeNull();
    expect(code(50, [])).toBeNull();
  });
});
