import { describe, expect, it } from 'vitest';
import type { Trend } from './dashboardApi';
import { trendIsEmpty, trendPoints } from './trendData';

const ratio = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator > 0 ? numerator / denominator : null,
});

/** A month of the trend API with the figures the chart reads. */
function month(m: string, toProcess: number, late: number, received: number, online: number, digitised = 0) {
  return {
    month: m,
    from: `${m}-01`,
    to: `${m}-28`,
    stockDay: `${m}-28`,
    totals: { received },
    indicators: {
      toProcess,
      onTimeRate: ratio(toProcess - late, toProcess),
      onlineRate: ratio(online, received),
      digitisationRate: ratio(digitised, received),
    },
  } as unknown as Trend['months'][number];
}

describe('dossier trend points', () => {
  it('leaves a gap (null, not 0%) for a month without dossiers', () => {
    const points = trendPoints({
      months: [
        month('2025-01', 200, 3, 180, 90, 60),
        month('2025-02', 0, 0, 0, 0),
        month('2025-03', 150, 0, 150, 120, 150),
      ],
    });
    expect(points).toEqual([
      { month: '01/2025', onTimeRate: 98.5, onlineRate: 50, digitisationRate: 33.33 },
      { month: '02/2025', onTimeRate: null, onlineRate: null, digitisationRate: null },
      { month: '03/2025', onTimeRate: 100, onlineRate: 80, digitisationRate: 100 },
    ]);
    expect(trendIsEmpty(points)).toBe(false);
  });

  it('a month with only dossiers carried over has an on-time rate but no online rate', () => {
    const [p] = trendPoints({ months: [month('2025-04', 12, 1, 0, 0)] });
    expect(p).toEqual({ month: '04/2025', onTimeRate: 91.67, onlineRate: null, digitisationRate: null });
  });

  it('a month that has not begun is a gap, whatever is carried into it', () => {
    const future = { ...month('2026-12', 2, 2, 0, 0), stockDay: '2026-11-24' };
    expect(trendPoints({ months: [future] })[0]).toMatchObject({ onTimeRate: null, onlineRate: null });
  });

  it('a real 0% stays 0%', () => {
    const [p] = trendPoints({ months: [month('2025-05', 10, 10, 10, 0)] });
    expect(p).toMatchObject({ onTimeRate: 0, onlineRate: 0, digitisationRate: 0 });
  });

  it('a period without any dossier is empty', () => {
    expect(
      trendIsEmpty(trendPoints({ months: [month('2025-01', 0, 0, 0, 0), month('2025-02', 0, 0, 0, 0)] })),
    ).toBe(true);
  });
});
