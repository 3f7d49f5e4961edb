import { describe, expect, it } from 'vitest';
import { addDays, createCalendar } from '../calendar/index.js';
import { computeIndicators, dossierCriteria } from './indicators.js';
import { QD766_CONFIGS, qd766ConfigProblems, qd766Score } from './qd766.js';
import {
  ALL_PROCEDURES,
  contribution,
  contributionDelta,
  COUNTER_CODE,
  COUNTERS,
  emptyCounters,
  expandGrains,
  GRAINS,
  mergeDeltas,
  packContribution,
  periodTotals,
  prefixBuckets,
  prefixSum,
  totalsFromPrefixes,
  unpackContribution,
  type RollupFacts,
} from './rollup.js';

const cal = createCalendar();
const at = (local: string) => new Date(`${local}+07:00`);
const base: RollupFacts = {
  unitId: 'u1',
  procedureId: 'p1',
  channel: 'online',
  receivedAt: at('2026-02-11T10:00:00'),
  dueAt: null,
  timeLimitDays: 5,
  resolvedAt: null,
  returnedAt: null,
  withdrawnAt: null,
  status: 'processing',
  statusReason: null,
  suspensions: [],
  feePayable: true,
  paidOnline: true,
  digitised: true,
  eResult: false,
  rating: null,
  complained: false,
};

describe('contribution: what a dossier adds to its buckets', () => {
  it('an open dossier: received flows on its receipt day, stock deltas on the days its state changes', () => {
    expect(contribution(cal, base).days).toEqual({
      '2026-02-11': {
        received: 1,
        receivedOnline: 1,
        feePayable: 1,
        paidOnline: 1,
        digitised: 1,
        notYetDue: 1,
      },
      '2026-02-24': { notYetDue: -1, dueSoon: 1 },
      '2026-02-26': { dueSoon: -1, overdue: 1 },
    });
  });
  it('a late, returned dossier: resolution flows, uncollected until returned, dissatisfied because late (QĐ 766)', () => {
    const d = {
      ...base,
      status: 'returned' as const,
      resolvedAt: at('2026-02-26T09:00:00'),
      returnedAt: at('2026-02-27T09:00:00'),
      eResult: true,
      rating: 'satisfied' as const,
    };
    expect(contribution(cal, d).days).toMatchObject({
      '2026-02-26': {
        dueSoon: -1,
        resolvedLate: 1,
        processingDaysSum: 6,
        eResult: 1,
        rated: 1,
        dissatisfied: 1,
        uncollected: 1,
      },
      '2026-02-27': { uncollected: -1 },
    });
  });
  it('a withdrawn dossier counts as withdrawn and leaves processing', () => {
    const d = {
      ...base,
      status: 'withdrawn' as const,
      statusReason: 'x',
      withdrawnAt: at('2026-02-12T09:00:00'),
    };
    expect(contribution(cal, d).days['2026-02-12']).toEqual({ notYetDue: -1, withdrawn: 1 });
  });
});

describe('contributionDelta: re-import subtracts the old contribution and adds the new one', () => {
  it('is empty when nothing changed (idempotent re-import)', () => {
    expect(contributionDelta(contribution(cal, base), contribution(cal, base))).toEqual([]);
  });
  it('moves the counts when a dossier is resolved', () => {
    const next = { ...base, status: 'resolved' as const, resolvedAt: at('2026-02-24T09:00:00') };
    // Old: 24/2 not yet due → due soon, 26/2 due soon → overdue. New: leaves "not yet due" on 24/2, resolved early.
    expect(contributionDelta(contribution(cal, base), contribution(cal, next))).toEqual([
      {
        unitId: 'u1',
        procedureId: 'p1',
        day: '2026-02-24',
        counters: { dueSoon: -1, resolvedEarly: 1, processingDaysSum: 4, uncollected: 1 },
      },
      { unitId: 'u1', procedureId: 'p1', day: '2026-02-26', counters: { dueSoon: 1, overdue: -1 } },
    ]);
  });
  it('moves everything when the unit changes', () => {
    const delta = contributionDelta(contribution(cal, base), contribution(cal, { ...base, unitId: 'u2' }));
    expect(
      delta.filter((e) => e.unitId === 'u1').every((e) => Object.values(e.counters).every((v) => v !== 0)),
    ).toBe(true);
    expect(mergeDeltas(delta).length).toBe(6);
  });
});

describe('period totals and indicators on a hand-computed fixture (Gia Lai; QĐ 766)', () => {
  // Period 1/2–28/2/2026. A: carried over from January (received 20/1, 3 days → due 23/1 → overdue, resolved 3/2 late).
  // B: received 11/2 online, resolved 24/2 early, e-result, rated satisfied. C: received 11/2 in person, still
  // open on 28/2 (due 25/2 → overdue). D: received 12/2, withdrawn 13/2.
  const facts: RollupFacts[] = [
    {
      ...base,
      receivedAt: at('2026-01-20T08:00:00'),
      timeLimitDays: 3,
      status: 'resolved',
      resolvedAt: at('2026-02-03T08:00:00'),
      channel: 'in_person',
      paidOnline: false,
      digitised: false,
    },
    {
      ...base,
      status: 'resolved',
      resolvedAt: at('2026-02-24T08:00:00'),
      eResult: true,
      rating: 'satisfied',
    },
    { ...base, channel: 'in_person', paidOnline: false, digitised: false, feePayable: false },
    {
      ...base,
      receivedAt: at('2026-02-12T08:00:00'),
      status: 'withdrawn',
      statusReason: 'x',
      withdrawnAt: at('2026-02-13T08:00:00'),
    },
  ];
  const rows = mergeDeltas(facts.flatMap((f) => contributionDelta(null, contribution(cal, f))));
  const t = periodTotals(rows, '2026-02-01', '2026-02-28');
  it('totals', () => {
    expect(t).toMatchObject({
      received: 3,
      carriedOver: 1,
      withdrawn: 1,
      resolvedLate: 1,
      resolvedEarly: 1,
      overdue: 1,
      notYetDue: 0,
      receivedOnline: 2,
      feePayable: 2,
      paidOnline: 2,
      digitised: 2,
      eResult: 1,
      dissatisfied: 1,
    });
  });
  it('indicators with their numerators and denominators', () => {
    const i = computeIndicators(t);
    expect(i.toProcess).toBe(3); // 3 received + 1 carried − 1 withdrawn = 2 resolved + 1 processing
    expect(i.toProcess).toBe(i.resolved + i.processing);
    expect(i.lateRate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(i.onTimeRate).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(i.resolvedEarlyOrOnTimeRate.value).toBe(0.5);
    expect(i.onlineRate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(i.onlinePaymentRate).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(i.digitisationRate.numerator).toBe(2);
    expect(i.eResultRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    // A: 20/1 → 3/2 = 10 working days; B: 11/2 → 24/2 = 4 (Tết skipped) → 14 / 2 = 7.
    expect(i.averageProcessingDays).toEqual({ numerator: 14, denominator: 2, value: 7 });
    expect(i.satisfaction).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });
  it('a rate with no denominator is null, not 0', () => {
    expect(computeIndicators(periodTotals([], '2026-02-01', '2026-02-28')).lateRate.value).toBeNull();
  });
  it('QĐ 766 score from the dossier criteria: partial, provisional, never passed off as complete', () => {
    const s = qd766Score(dossierCriteria(computeIndicators(t)));
    // progress 20 × 0.5; digitisation 22 × mean(2/3, 0.5); online 22 × mean(2/3, 1); satisfaction 18 × 0.5.
    expect(s.groups.map((g) => g.score)).toEqual([
      null,
      10,
      (22 * (2 / 3 + 0.5)) / 2,
      (22 * (2 / 3 + 1)) / 2,
      9,
    ]);
    expect(s.maxCovered).toBe(82);
    expect(s.complete).toBe(false);
    expect(s.provisional).toBe(true);
  });
  it('the shipped configuration sums to 100 and flags the unconfirmed maxima', () => {
    for (const cfg of QD766_CONFIGS) expect(qd766ConfigProblems(cfg)).toEqual([]);
    expect(QD766_CONFIGS[0]!.groups.filter((g) => !g.confirmed).map((g) => g.key)).toEqual([
      'digitisation',
      'online',
    ]);
  });
});

describe('grains: the same buckets by day, month and year, for the procedure and for all procedures', () => {
  // Dossiers received over 2024–2026, crossing Tết, month and year ends.
  const facts: RollupFacts[] = Array.from({ length: 60 }, (_, i) => ({
    ...base,
    procedureId: i % 3 === 0 ? 'p2' : 'p1',
    unitId: i % 4 === 0 ? 'u2' : 'u1',
    receivedAt: new Date(at('2024-11-20T09:00:00').getTime() + i * 13 * 86_400_000),
    ...(i % 5 === 0
      ? {
          status: 'resolved' as const,
          resolvedAt: new Date(at('2024-11-20T09:00:00').getTime() + (i * 13 + 9) * 86_400_000),
        }
      : {}),
  }));
  const days = mergeDeltas(facts.flatMap((f) => contributionDelta(null, contribution(cal, f))));
  const grains = expandGrains(days);

  it('every grain and scope adds up to the same totals as the day buckets', () => {
    const sum = (rows: readonly { counters: Partial<Record<string, number>> }[], c: string) =>
      rows.reduce((n, r) => n + (r.counters[c] ?? 0), 0);
    for (const grain of GRAINS)
      for (const all of [false, true]) {
        const rows = grains.filter((g) => g.grain === grain && (g.procedureId === ALL_PROCEDURES) === all);
        for (const c of ['received', 'resolvedEarly', 'notYetDue', 'overdue', 'processingDaysSum'])
          expect(sum(rows, c), `${grain} ${all} ${c}`).toBe(sum(days, c));
      }
  });

  it('a bucket starts on its grain (first of month, 1 January)', () => {
    for (const g of grains)
      if (g.grain === 'm') expect(g.day.slice(8)).toBe('01');
      else if (g.grain === 'y') expect(g.day.slice(5)).toBe('01-01');
  });

  it('a prefix sum over the coarsest buckets equals the sum of the day buckets up to that day, for every day of 2024–2026', () => {
    const unitRows = grains.filter((g) => g.unitId === 'u1' && g.procedureId === ALL_PROCEDURES);
    const dayRows = days.filter((d) => d.unitId === 'u1');
    for (let day = '2024-11-01'; day <= '2027-01-31'; day = addDays(day, 1)) {
      const expected = emptyCounters();
      for (const r of dayRows) if (r.day <= day) for (const c of COUNTERS) expected[c] += r.counters[c] ?? 0;
      expect(prefixSum(unitRows, day), day).toEqual(expected);
    }
  });

  it('a prefix reads at most the years before, 11 months and 30 days', () => {
    expect(prefixBuckets('2025-12-31')).toEqual({
      through: '2025-12-31',
      y: { before: '2026-01-01' },
      m: { from: '2026-01-01', before: '2026-01-01' },
      d: { from: '2026-01-01', before: '2026-01-01' },
    });
    expect(prefixBuckets('2025-03-14')).toEqual({
      through: '2025-03-14',
      y: { before: '2025-01-01' },
      m: { from: '2025-01-01', before: '2025-03-01' },
      d: { from: '2025-03-01', before: '2025-03-15' },
    });
  });

  it('period totals are differences of prefix sums (flows), the prefix before the period (carried over) and at its stock day', () => {
    const unitRows = grains.filter((g) => g.procedureId === ALL_PROCEDURES);
    const t = totalsFromPrefixes({
      before: prefixSum(unitRows, '2024-12-31'),
      to: prefixSum(unitRows, '2025-12-31'),
      stock: prefixSum(unitRows, '2025-12-31'),
    });
    expect(t).toEqual(periodTotals(days, '2025-01-01', '2025-12-31'));
  });
});

describe('stored contributions: parallel arrays sorted by day, then counter code', () => {
  it('pack and unpack are inverse, and equal contributions pack to equal arrays', () => {
    const c = contribution(cal, { ...base, status: 'resolved', resolvedAt: at('2026-03-02T10:00:00') });
    const packed = packContribution(c);
    expect(packed.contribDay).toEqual([...packed.contribDay].sort());
    expect(unpackContribution('u1', 'p1', packed)).toEqual(c);
    const reordered = { ...c, days: Object.fromEntries(Object.entries(c.days).reverse()) };
    expect(packContribution(reordered)).toEqual(packed);
  });
  it('counter codes are unique and cover every counter', () => {
    expect(new Set(Object.values(COUNTER_CODE)).size).toBe(COUNTERS.length);
    expect(Object.keys(COUNTER_CODE).sort()).toEqual([...COUNTERS].sort());
  });
});
