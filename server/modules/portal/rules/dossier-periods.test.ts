import { describe, expect, it } from 'vitest';
import { findPeriod, periodsOfYear } from './dossier-periods.js';

describe('periodsOfYear', () => {
  it('gives a past year whole, with the chosen kinds in order (the year first)', () => {
    const p = periodsOfYear(2025, ['quarter', 'half'], '2026-12-07');
    expect(p.map((x) => x.key)).toEqual(['year', 'h1', 'h2', 'q1', 'q2', 'q3', 'q4']);
    expect(p[0]).toEqual({
      key: 'year',
      kind: 'year',
      label: { vi: 'Năm 2025', en: 'Year 2025' },
      from: '2025-01-01',
      to: '2025-12-31',
      running: false,
    });
    expect(p.find((x) => x.key === 'h2')).toMatchObject({ from: '2025-07-01', to: '2025-12-31' });
    expect(p.find((x) => x.key === 'q1')).toMatchObject({
      from: '2025-01-01',
      to: '2025-03-31',
      label: { vi: 'Quý I/2025', en: 'Q1 2025' },
    });
    expect(p.find((x) => x.key === 'q4')).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
  });
  it('always has the year, even when no kind is chosen', () => {
    expect(periodsOfYear(2025, [], '2026-01-01').map((x) => x.key)).toEqual(['year']);
  });
  it('ends a running period today and leaves out those not begun', () => {
    const p = periodsOfYear(2026, ['quarter', 'month'], '2026-05-15');
    expect(p.map((x) => x.key)).toEqual(['year', 'q1', 'q2', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect(p[0]).toMatchObject({ from: '2026-01-01', to: '2026-05-15', running: true });
    expect(p.find((x) => x.key === 'q2')).toMatchObject({ to: '2026-05-15', running: true });
    expect(p.find((x) => x.key === 'm4')).toMatchObject({
      from: '2026-04-01',
      to: '2026-04-30',
      running: false,
    });
    expect(p.find((x) => x.key === 'm5')).toMatchObject({ label: { vi: 'Tháng 05/2026', en: 'May 2026' } });
  });
  it('counts February right, leap years included', () => {
    expect(findPeriod(2024, 'm2', ['month'], '2025-01-01')).toMatchObject({ to: '2024-02-29' });
    expect(findPeriod(2025, 'm2', ['month'], '2026-01-01')).toMatchObject({ to: '2025-02-28' });
  });
  it('offers nothing of a year not begun', () => {
    expect(periodsOfYear(2027, ['quarter'], '2026-12-07')).toEqual([]);
  });
  it('on a period’s last day, it is still running (ends today)', () => {
    expect(findPeriod(2026, 'q1', ['quarter'], '2026-03-31')).toMatchObject({
      to: '2026-03-31',
      running: true,
    });
    expect(findPeriod(2026, 'q2', ['quarter'], '2026-04-01')).toMatchObject({
      from: '2026-04-01',
      to: '2026-04-01',
    });
  });
});

describe('findPeriod', () => {
  it('finds an offered period, and nothing for a kind not chosen or an unknown key', () => {
    expect(findPeriod(2025, 'year', [], '2026-01-01')?.to).toBe('2025-12-31');
    expect(findPeriod(2025, 'q3', ['quarter'], '2026-01-01')?.from).toBe('2025-07-01');
    expect(findPeriod(2025, 'q3', ['half'], '2026-01-01')).toBeUndefined();
    expect(findPeriod(2025, 'm13', ['month'], '2026-01-01')).toBeUndefined();
    expect(findPeriod(2025, 'w1', ['month'], '2026-01-01')).toBeUndefined();
  });
});
