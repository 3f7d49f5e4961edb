import { describe, expect, it } from 'vitest';
import { bucketRange, coarsenTimestamp } from './anonymity.js';

describe('coarsenTimestamp: only the day (or hour) in Vietnam’s time is kept', () => {
  it('the day by default, in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(coarsenTimestamp(new Date('2025-04-01T03:15:42.123Z'))).toBe('2025-04-01');
  });
  it('17:00 UTC is already the next day in Vietnam; 16:59:59 is not', () => {
    expect(coarsenTimestamp(new Date('2025-03-31T17:00:00Z'))).toBe('2025-04-01');
    expect(coarsenTimestamp(new Date('2025-03-31T16:59:59.999Z'))).toBe('2025-03-31');
  });
  it('new year’s eve and a leap day', () => {
    expect(coarsenTimestamp(new Date('2024-12-31T18:00:00Z'))).toBe('2025-01-01');
    expect(coarsenTimestamp(new Date('2024-02-28T20:00:00Z'))).toBe('2024-02-29');
  });
  it('the hour: "2025-04-01T08" for 01:59 UTC', () => {
    expect(coarsenTimestamp(new Date('2025-04-01T01:59:59Z'), 'hour')).toBe('2025-04-01T08');
    expect(coarsenTimestamp(new Date('2025-03-31T17:00:00Z'), 'hour')).toBe('2025-04-01T00');
  });
  it('the month', () => {
    expect(coarsenTimestamp(new Date('2025-04-30T17:30:00Z'), 'month')).toBe('2025-05');
  });
  it('the same bucket for every moment of the day: minutes and seconds are gone', () => {
    const a = coarsenTimestamp(new Date('2025-04-01T00:00:01Z'));
    const b = coarsenTimestamp(new Date('2025-04-01T16:59:59Z'));
    expect(a).toBe(b);
  });
  it('buckets sort in time order as text', () => {
    const buckets = ['2025-04-10', '2025-04-09', '2024-12-31'].sort();
    expect(buckets).toEqual(['2024-12-31', '2025-04-09', '2025-04-10']);
  });
  it('refuses an invalid date', () => {
    expect(() => coarsenTimestamp(new Date('nope'))).toThrow(RangeError);
  });
});

describe('bucketRange: the moments a bucket covers', () => {
  it('a day in Vietnam: 17:00 UTC the day before → 17:00 UTC that day', () => {
    expect(bucketRange('2025-04-01')).toEqual({
      granularity: 'day',
      start: new Date('2025-03-31T17:00:00Z'),
      end: new Date('2025-04-01T17:00:00Z'),
    });
  });
  it('an hour and a month', () => {
    expect(bucketRange('2025-04-01T08')).toEqual({
      granularity: 'hour',
      start: new Date('2025-04-01T01:00:00Z'),
      end: new Date('2025-04-01T02:00:00Z'),
    });
    expect(bucketRange('2024-12')).toEqual({
      granularity: 'month',
      start: new Date('2024-11-30T17:00:00Z'),
      end: new Date('2024-12-31T17:00:00Z'),
    });
  });
  it('round trip: every moment falls in the bucket coarsenTimestamp names', () => {
    for (const iso of [
      '2025-01-01T00:00:00Z',
      '2025-06-30T16:59:59Z',
      '2025-06-30T17:00:00Z',
      '2024-02-29T12:00:00Z',
    ])
      for (const g of ['hour', 'day', 'month'] as const) {
        const d = new Date(iso);
        const range = bucketRange(coarsenTimestamp(d, g))!;
        expect(range.granularity).toBe(g);
        expect(range.start.getTime()).toBeLessThanOrEqual(d.getTime());
        expect(range.end.getTime()).toBeGreaterThan(d.getTime());
      }
  });
  it('null for what is not a bucket', () => {
    for (const bad of ['', '2025', '2025-13', '2025-02-30', '2025-04-01T24', '2025-4-1', '2025-04-01T08:00'])
      expect(bucketRange(bad)).toBeNull();
  });
});
