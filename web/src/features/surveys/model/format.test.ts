import { describe, expect, it } from 'vitest';
import {
  formatIndex,
  formatInterval,
  marginFromPercent,
  progressPercent,
  quotaText,
  sampleSizeOf,
  sharePercent,
} from './format';

describe('survey figures', () => {
  it('writes an index with its 95% interval the Vietnamese way', () => {
    expect(formatInterval(72.43, { low: 68.12, high: 76.49 })).toBe('72,4 (68,1–76,5)');
    expect(formatInterval(100, null)).toBe('100');
    expect(formatInterval(null, null)).toBe('—');
    expect(formatIndex(1234.56)).toBe('1.234,6');
  });

  it('measures progress against a quota', () => {
    expect(progressPercent(200, 400)).toBe(50);
    expect(progressPercent(500, 400)).toBe(100);
    expect(progressPercent(5, 0)).toBeNull();
    expect(quotaText(412, 385)).toBe('412/385 (107%)');
    expect(quotaText(1234, null)).toBe('1.234');
    expect(sharePercent(1, 8)).toBe('12,5%');
    expect(sharePercent(1, 0)).toBe('');
  });

  it('reads the margin as a percentage and sizes the sample as the server does', () => {
    expect(marginFromPercent('5')).toBe(0.05);
    expect(marginFromPercent('2,5')).toBe(0.025);
    expect(marginFromPercent(25)).toBeNull();
    expect(sampleSizeOf(10_000, 0.05)).toBe(385);
    expect(sampleSizeOf(1_000, 0.05)).toBe(286);
    expect(sampleSizeOf(100, 0.05)).toBe(80);
    expect(sampleSizeOf(0, 0.05)).toBe(0);
    expect(sampleSizeOf(1, 0.05)).toBe(1);
  });
});
