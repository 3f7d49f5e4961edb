import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../dossiers-query.rules.js';
import { QD766_CRITERIA, QD766_GROUPS, qd766ConfigFor } from '../qd766.js';
import {
  buildRules,
  defaultRulesFor,
  QD766_CRITERION_LABELS,
  qd766CriteriaOffered,
  versionOn,
  type DossierRules,
  type RulesDraft,
} from './dossiers-settings.rules.js';

const base: DossierRules = defaultRulesFor('2025-06-30');

/** A draft that repeats the base (what the editor starts from). */
function draftOf(rules: DossierRules, over: Partial<RulesDraft> = {}): RulesDraft {
  return {
    effectiveFrom: '2026-01-01',
    legalBasis: null,
    thresholds: rules.thresholds.map(({ key, green, amber, source }) => ({ key, green, amber, source })),
    qd766: {
      groups: rules.qd766.groups.map((g) => ({
        key: g.key,
        max: g.max,
        criteria: g.criteria.map((c) => ({ key: c.key, weight: c.weight })),
      })),
    },
    ...over,
  };
}

const problemKeys = (r: ReturnType<typeof buildRules>) => (r.ok ? [] : r.problems.map((p) => p.key));

describe('dossier rule versions', () => {
  it('a draft repeating the defaults gives the defaults, flags and structure kept', () => {
    const r = buildRules(draftOf(base), base, 'dossier-rules-1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rules.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(r.rules.qd766.version).toBe('dossier-rules-1');
    expect(r.rules.qd766.validFrom).toBe('2026-01-01');
    expect(r.rules.qd766.basis).toBe(qd766ConfigFor('2026-01-01').basis);
    expect(r.rules.qd766.groups).toEqual(base.qd766.groups);
    // Unconfirmed weights and maxima stay unconfirmed.
    expect(r.rules.qd766.groups.find((g) => g.key === 'digitisation')!.confirmed).toBe(false);
    expect(r.rules.qd766.groups.flatMap((g) => g.criteria).every((c) => !c.confirmed)).toBe(true);
  });

  it('orders amber and green by the indicator’s direction', () => {
    const draft = draftOf(base);
    draft.thresholds.find((t) => t.key === 'onTimeRate')!.amber = 0.99; // above green 0.98
    draft.thresholds.find((t) => t.key === 'lateRate')!.amber = 0.01; // below green 0.02
    const r = buildRules(draft, base, 'x');
    expect(problemKeys(r)).toEqual([
      'dossierSettings.threshold_order_higher',
      'dossierSettings.threshold_order_lower',
    ]);
    if (!r.ok) expect(r.problems[0]!.params.indicator).toBe('Tỷ lệ đúng hạn');
    const en = buildRules(draft, base, 'x', 'en');
    if (!en.ok) expect(en.problems[0]!.params.indicator).toBe('On-time rate');
    // Equal levels are allowed (no amber band).
    draft.thresholds.find((t) => t.key === 'onTimeRate')!.amber = 0.98;
    draft.thresholds.find((t) => t.key === 'lateRate')!.amber = 0.02;
    expect(buildRules(draft, base, 'x').ok).toBe(true);
  });

  it('wants every indicator once, levels between 0 and 1', () => {
    const draft = draftOf(base);
    draft.thresholds = draft.thresholds.filter((t) => t.key !== 'qd766');
    draft.thresholds.push({ ...draft.thresholds[0]! });
    draft.thresholds.push({ key: 'speed', green: 1, amber: 0.5 });
    draft.thresholds[1]!.green = 1.2;
    expect(problemKeys(buildRules(draft, base, 'x')).sort()).toEqual(
      [
        'dossierSettings.threshold_range',
        'dossierSettings.threshold_twice',
        'dossierSettings.threshold_unknown',
        'dossierSettings.threshold_missing',
      ].sort(),
    );
  });

  it('takes non-negative weights, at least one above 0 per group, maxima summing to 100', () => {
    const draft = draftOf(base);
    const online = draft.qd766.groups.find((g) => g.key === 'online')!;
    online.criteria[0]!.weight = 0; // allowed: the other criterion still counts
    let r = buildRules(draft, base, 'x');
    expect(r.ok).toBe(true);
    online.criteria[1]!.weight = 0;
    draft.qd766.groups.find((g) => g.key === 'progress')!.criteria[0]!.weight = -1;
    draft.qd766.groups.find((g) => g.key === 'transparency')!.max = 17;
    r = buildRules(draft, base, 'x');
    expect(problemKeys(r).sort()).toEqual(
      [
        'dossierSettings.group_without_weight',
        'dossierSettings.weight_negative',
        'dossierSettings.max_sum',
        'dossierSettings.confirm_needs_basis', // transparency's maximum is confirmed
      ].sort(),
    );
    if (!r.ok) expect(r.problems.find((p) => p.key === 'dossierSettings.max_sum')!.params.sum).toBe(99);
  });

  it('keeps the structure of QĐ 766: five groups and their criteria', () => {
    const draft = draftOf(base);
    draft.qd766.groups.pop();
    expect(problemKeys(buildRules(draft, base, 'x'))).toContain('dossierSettings.groups_mismatch');
    const other = draftOf(base);
    other.qd766.groups[0]!.criteria.push({ key: 'dossiers_on_time', weight: 1 });
    expect(problemKeys(buildRules(other, base, 'x'))).toEqual(['dossierSettings.criterion_not_allowed']);
    const dropped = draftOf(base);
    dropped.qd766.groups.find((g) => g.key === 'satisfaction')!.criteria.shift();
    expect(problemKeys(buildRules(dropped, base, 'x'))).toEqual(['dossierSettings.criteria_mismatch']);
    const twice = draftOf(base);
    twice.qd766.groups
      .find((g) => g.key === 'satisfaction')!
      .criteria.push({
        key: 'pakn_satisfaction',
        weight: 1,
      });
    expect(problemKeys(buildRules(twice, base, 'x'))).toEqual(['dossierSettings.criteria_mismatch']);
  });

  it('adds a criterion of the catalogue to its own group (the survey satisfaction), unconfirmed, and drops it again', () => {
    expect(qd766CriteriaOffered('satisfaction')).toEqual([
      'dossier_satisfaction',
      'pakn_satisfaction',
      'survey_satisfaction',
    ]);
    expect(QD766_CRITERION_LABELS.survey_satisfaction).toEqual({
      vi: 'Mức độ hài lòng qua khảo sát (SIPAS)',
      en: 'Satisfaction in surveys (SIPAS)',
    });
    // Every criterion belongs to exactly one group, so each is offered somewhere.
    expect(QD766_GROUPS.flatMap(qd766CriteriaOffered).sort()).toEqual([...QD766_CRITERIA].sort());

    const draft = draftOf(base);
    draft.qd766.groups
      .find((g) => g.key === 'satisfaction')!
      .criteria.push({ key: 'survey_satisfaction', weight: 2 });
    const r = buildRules(draft, base, 'dossier-rules-1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rules.qd766.groups.find((g) => g.key === 'satisfaction')!.criteria.at(-1)).toEqual({
      key: 'survey_satisfaction',
      weight: 2,
      confirmed: false,
      formulaConfirmed: false,
      source: 'external',
    });
    // Marking the added weight confirmed needs a legal basis, as any other.
    const confirmed = structuredClone(draft);
    confirmed.qd766.groups.find((g) => g.key === 'satisfaction')!.criteria.at(-1)!.confirmed = true;
    expect(problemKeys(buildRules(confirmed, base, 'x'))).toEqual(['dossierSettings.confirm_needs_basis']);

    // The next version may drop the added criterion (not a shipped one); its problems name it in words.
    const next = draftOf(r.rules);
    next.qd766.groups.find((g) => g.key === 'satisfaction')!.criteria.pop();
    const without = buildRules(next, r.rules, 'dossier-rules-2');
    expect(without.ok && without.rules.qd766.groups.find((g) => g.key === 'satisfaction')!.criteria).toEqual(
      base.qd766.groups.find((g) => g.key === 'satisfaction')!.criteria,
    );
    const wrong = draftOf(base);
    wrong.qd766.groups
      .find((g) => g.key === 'online')!
      .criteria.push({ key: 'survey_satisfaction', weight: 1 });
    const refused = buildRules(wrong, base, 'x', 'en');
    expect(refused.ok ? [] : refused.problems).toEqual([
      {
        field: 'qd766.groups.3.criteria.2.key',
        key: 'dossierSettings.criterion_not_allowed',
        params: {
          criterion: 'Satisfaction in surveys (SIPAS)',
          group: 'Online public services',
          allowed: 'Online dossier rate, Online payment rate',
        },
      },
    ]);
  });

  it('confirms a weight or maximum only with a legal basis, and changes a confirmed one only with it', () => {
    const draft = draftOf(base);
    const digit = draft.qd766.groups.find((g) => g.key === 'digitisation')!;
    digit.confirmed = true;
    digit.criteria[0]!.confirmed = true;
    expect(problemKeys(buildRules(draft, base, 'x'))).toEqual([
      'dossierSettings.confirm_needs_basis',
      'dossierSettings.confirm_needs_basis',
    ]);
    const withBasis = buildRules(
      { ...draft, legalBasis: 'Công văn số 123/VPCP-KSTT ngày 01/12/2025' },
      base,
      'x',
    );
    expect(withBasis.ok).toBe(true);
    if (!withBasis.ok) return;
    const g = withBasis.rules.qd766.groups.find((x) => x.key === 'digitisation')!;
    expect(g.confirmed).toBe(true);
    expect(g.criteria[0]!.confirmed).toBe(true);
    expect(g.criteria[1]!.confirmed).toBe(false);

    // A confirmed maximum changed without a basis: refused; marked unconfirmed instead: accepted.
    const moved = draftOf(base);
    moved.qd766.groups.find((x) => x.key === 'transparency')!.max = 20;
    moved.qd766.groups.find((x) => x.key === 'online')!.max = 20;
    expect(problemKeys(buildRules(moved, base, 'x'))).toEqual(['dossierSettings.confirm_needs_basis']);
    moved.qd766.groups.find((x) => x.key === 'transparency')!.confirmed = false;
    const unconfirmed = buildRules(moved, base, 'x');
    expect(unconfirmed.ok).toBe(true);
    if (unconfirmed.ok)
      expect(unconfirmed.rules.qd766.groups.find((x) => x.key === 'transparency')).toMatchObject({
        max: 20,
        confirmed: false,
      });

    // Once confirmed (with its basis), a later version keeps it without repeating the basis.
    const later = buildRules(draftOf(withBasis.rules), withBasis.rules, 'y');
    expect(later.ok).toBe(true);
    if (later.ok)
      expect(later.rules.qd766.groups.find((x) => x.key === 'digitisation')!.confirmed).toBe(true);
  });

  it('picks the version in force: the latest effective date, then the higher number', () => {
    const versions = [
      { version: 1, effectiveFrom: '2025-01-01' },
      { version: 2, effectiveFrom: '2026-01-01' },
      { version: 3, effectiveFrom: '2024-07-01' },
      { version: 4, effectiveFrom: '2026-01-01' },
    ];
    expect(versionOn(versions, '2024-06-30')).toBeNull();
    expect(versionOn(versions, '2024-07-01')!.version).toBe(3);
    expect(versionOn(versions, '2025-12-31')!.version).toBe(1);
    expect(versionOn(versions, '2026-01-01')!.version).toBe(4);
    expect(versionOn([], '2026-01-01')).toBeNull();
  });
});
