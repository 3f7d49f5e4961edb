import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from './random.js';

describe('pooled random bytes', () => {
  it('gives the size asked, a buffer of its own each time', () => {
    const a = pooledRandomBytes(16);
    const b = pooledRandomBytes(16);
    expect(a).toHaveLength(16);
    expect(a.equals(b)).toBe(false);
    a.fill(0);
    expect(b.some((x) => x !== 0)).toBe(true);
  });

  it('never hands out the same bytes twice across refills (no 16-byte draw repeats in 10,000)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(pooledRandomBytes(16).toString('hex'));
    expect(seen.size).toBe(10_000);
  });

  it('spreads values evenly (every byte value appears in 256 KiB, none more than twice its share)', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 16_384; i++) for (const byte of pooledRandomBytes(16)) counts[byte]!++;
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan(2 * 1024);
  });

  it('serves large and empty requests and refuses nonsense sizes', () => {
    expect(pooledRandomBytes(5000)).toHaveLength(5000);
    expect(pooledRandomBytes(0)).toHaveLength(0);
    expect(() => pooledRandomBytes(-1)).toThrow(RangeError);
    expect(() => pooledRandomBytes(1.5)).toThrow(RangeError);
  });
});
