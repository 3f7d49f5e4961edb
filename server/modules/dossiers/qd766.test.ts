import { describe, expect, it } from 'vitest';
import {
  QD766_CONFIGS,
  QD766_CRITERIA,
  QD766_CRITERION_CATALOGUE,
  qd766Score,
  type Qd766Config,
} from './qd766.js';

/**
 * The survey satisfaction (issue 17) is a criterion of the satisfaction group only where a version of the rules
 * adds it: the shipped configuration does not, so the scores computed before it existed do not change.
 */
const shipped = QD766_CONFIGS.at(-1)!;

/** The shipped configuration with `survey_satisfaction` (weight `w`) added to the satisfaction group. */
function withSurvey(w = 1): Qd766Config {
  const cfg = structuredClone(shipped) as Qd766Config;
  cfg.groups
    .find((g) => g.key === 'satisfaction')!
    .criteria.push({
      key: 'survey_satisfaction',
      weight: w,
      confirmed: false,
      formulaConfirmed: false,
      source: 'external',
    });
  return cfg;
}

const satisfaction = (s: ReturnType<typeof qd766Score>) => s.groups.find((g) => g.key === 'satisfaction')!;

describe('QĐ 766: the survey satisfaction criterion', () => {
  it('is known, external, in the satisfaction group, and not in the shipped configuration', () => {
    expect(QD766_CRITERIA).toContain('survey_satisfaction');
    expect(QD766_CRITERION_CATALOGUE.survey_satisfaction).toEqual({
      group: 'satisfaction',
      source: 'external',
      formulaConfirmed: false,
    });
    for (const cfg of QD766_CONFIGS)
      expect(cfg.groups.flatMap((g) => g.criteria.map((c) => c.key))).not.toContain('survey_satisfaction');
    // Every shipped criterion sits in the group the catalogue names, from the source it names.
    for (const cfg of QD766_CONFIGS)
      for (const g of cfg.groups)
        for (const c of g.criteria)
          expect({ group: g.key, source: c.source, formulaConfirmed: c.formulaConfirmed }).toEqual(
            QD766_CRITERION_CATALOGUE[c.key],
          );
  });

  it('without the criterion in the configuration, a survey value changes nothing', () => {
    const values = { dossier_satisfaction: 0.5, pakn_satisfaction: 0.7 };
    const before = qd766Score(values, shipped);
    const after = qd766Score({ ...values, survey_satisfaction: 0.9 }, shipped);
    expect(after).toEqual(before);
    // 18 × mean(0,5; 0,7) = 10,8
    expect(satisfaction(after).score).toBeCloseTo(10.8, 10);
  });

  it('with it, the group is the mean over the criteria that have a value', () => {
    const cfg = withSurvey();
    // 18 × mean(0,5; 0,7; 0,9) = 12,6
    expect(
      satisfaction(
        qd766Score({ dossier_satisfaction: 0.5, pakn_satisfaction: 0.7, survey_satisfaction: 0.9 }, cfg),
      ).score,
    ).toBeCloseTo(12.6, 10);
    // No survey figure (suppressed, no survey): left out of the mean, the group is not complete.
    const none = qd766Score(
      { dossier_satisfaction: 0.5, pakn_satisfaction: 0.7, survey_satisfaction: null },
      cfg,
    );
    expect(satisfaction(none).score).toBeCloseTo(10.8, 10);
    expect(satisfaction(none).criteria.at(-1)).toEqual({
      key: 'survey_satisfaction',
      weight: 1,
      confirmed: false,
      value: null,
    });
    // The survey alone still scores the group: 18 × 0,8 = 14,4, provisional (its weight is unconfirmed).
    const alone = qd766Score({ survey_satisfaction: 0.8 }, cfg);
    expect(satisfaction(alone).score).toBeCloseTo(14.4, 10);
    expect(alone.provisional).toBe(true);
    expect(alone.maxCovered).toBe(18);
    // Weighted: (1 × 0,5 + 1 × 0,7 + 2 × 0,9) / 4 × 18 = 13,5
    expect(
      satisfaction(
        qd766Score(
          { dossier_satisfaction: 0.5, pakn_satisfaction: 0.7, survey_satisfaction: 0.9 },
          withSurvey(2),
        ),
      ).score,
    ).toBeCloseTo(13.5, 10);
  });
});
