import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/index.js';
import { computeIndicators, dossierCriteria } from './indicators.js';
import { QD766_CONFIGS, qd766ConfigProblems, qd766Score } from './qd766.js';
import { contribution, contributionDelta, mergeDeltas, periodTotals, type RollupFacts } from './rollup.js';

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
