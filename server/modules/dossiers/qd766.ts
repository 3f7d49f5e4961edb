/**
 * The QĐ 766/QĐ-TTg (23/6/2022) score of real-time service quality — pure.
 *
 * Five groups, 100 points. Group maxima confirmed in the domain notes §5: transparency 18, processing
 * progress and results 20, satisfaction 18; digitisation 22 and online services 22 are NOT confirmed.
 * Confirmed criterion formulas: procedures published on time / published; PAKN handled on time / PAKN in
 * authority; PAKN satisfaction; dossier satisfaction. The other criteria in each group, and every weight
 * inside a group, are chidao's defaults, flagged `confirmed: false` — a later version of this data replaces
 * them without touching code.
 *
 * A group's score = its maximum × the weighted mean of the criteria that have a value; a group without any
 * value scores null and its maximum is left out of `maxCovered`, so a partial score is never passed off as
 * a complete one.
 */

export const QD766_GROUPS = ['transparency', 'progress', 'digitisation', 'online', 'satisfaction'] as const;
export type Qd766Group = (typeof QD766_GROUPS)[number];

/** Criteria chidao can feed: from dossiers (this module) or from other modules (`external`). */
export const QD766_CRITERIA = [
  'procedures_published_on_time',
  'dossiers_early_or_on_time',
  'dossiers_on_time',
  'pakn_on_time',
  'digitisation_rate',
  'e_result_rate',
  'digitised_data_reuse',
  'online_dossier_rate',
  'online_payment_rate',
  'dossier_satisfaction',
  'pakn_satisfaction',
  'survey_satisfaction',
] as const;
export type Qd766Criterion = (typeof QD766_CRITERIA)[number];

export type Qd766CriterionConfig = {
  key: Qd766Criterion;
  weight: number;
  /** The weight (and, for criteria not named in the notes, the criterion itself) is confirmed. */
  confirmed: boolean;
  /** The formula is the one QĐ 766 states (per the domain notes). */
  formulaConfirmed: boolean;
  /** Computed from dossiers here, or supplied by another module. */
  source: 'dossiers' | 'external';
};

export type Qd766GroupConfig = {
  key: Qd766Group;
  max: number;
  confirmed: boolean;
  criteria: Qd766CriterionConfig[];
};

export type Qd766Config = { version: string; validFrom: string; basis: string; groups: Qd766GroupConfig[] };

const c = (
  key: Qd766Criterion,
  source: 'dossiers' | 'external',
  formulaConfirmed: boolean,
): Qd766CriterionConfig => ({ key, weight: 1, confirmed: false, formulaConfirmed, source });

/** Versioned configurations, oldest first; `qd766ConfigFor(date)` picks the one in force. */
export const QD766_CONFIGS: readonly Qd766Config[] = [
  {
    version: 'qd766-2022-chidao-1',
    validFrom: '2022-06-23',
    basis:
      'Quyết định 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp)',
    groups: [
      {
        key: 'transparency',
        max: 18,
        confirmed: true,
        criteria: [c('procedures_published_on_time', 'external', true)],
      },
      {
        key: 'progress',
        max: 20,
        confirmed: true,
        criteria: [c('dossiers_early_or_on_time', 'dossiers', false), c('pakn_on_time', 'external', true)],
      },
      {
        key: 'digitisation',
        max: 22,
        confirmed: false,
        criteria: [
          c('digitisation_rate', 'dossiers', false),
          c('e_result_rate', 'dossiers', false),
          c('digitised_data_reuse', 'external', false),
        ],
      },
      {
        key: 'online',
        max: 22,
        confirmed: false,
        criteria: [c('online_dossier_rate', 'dossiers', false), c('online_payment_rate', 'dossiers', false)],
      },
      {
        key: 'satisfaction',
        max: 18,
        confirmed: true,
        criteria: [c('dossier_satisfaction', 'dossiers', true), c('pakn_satisfaction', 'external', true)],
      },
    ],
  },
];

/**
 * Where each criterion belongs and comes from — what a stored version may add to a group. The shipped
 * configuration uses most of them; the others are offered to the office: `dossiers_on_time` (the stricter
 * reading of the progress criterion) and `survey_satisfaction` (the satisfaction index of the province's
 * SIPAS-like surveys, from the surveys module). They stay out of the shipped configuration so that existing
 * scores do not change: they count only where a version adds them ("where configured").
 */
export const QD766_CRITERION_CATALOGUE: Readonly<
  Record<Qd766Criterion, { group: Qd766Group; source: 'dossiers' | 'external'; formulaConfirmed: boolean }>
> = {
  procedures_published_on_time: { group: 'transparency', source: 'external', formulaConfirmed: true },
  dossiers_early_or_on_time: { group: 'progress', source: 'dossiers', formulaConfirmed: false },
  dossiers_on_time: { group: 'progress', source: 'dossiers', formulaConfirmed: false },
  pakn_on_time: { group: 'progress', source: 'external', formulaConfirmed: true },
  digitisation_rate: { group: 'digitisation', source: 'dossiers', formulaConfirmed: false },
  e_result_rate: { group: 'digitisation', source: 'dossiers', formulaConfirmed: false },
  digitised_data_reuse: { group: 'digitisation', source: 'external', formulaConfirmed: false },
  online_dossier_rate: { group: 'online', source: 'dossiers', formulaConfirmed: false },
  online_payment_rate: { group: 'online', source: 'dossiers', formulaConfirmed: false },
  dossier_satisfaction: { group: 'satisfaction', source: 'dossiers', formulaConfirmed: true },
  pakn_satisfaction: { group: 'satisfaction', source: 'external', formulaConfirmed: true },
  // QĐ 766 counts satisfaction "qua khảo sát" too; the share of satisfied answers is SIPAS's common reading [?].
  survey_satisfaction: { group: 'satisfaction', source: 'external', formulaConfirmed: false },
};

export function qd766ConfigFor(date: string, configs: readonly Qd766Config[] = QD766_CONFIGS): Qd766Config {
  const found = [...configs].reverse().find((cfg) => cfg.validFrom <= date);
  return found ?? configs[0]!;
}

/** Problems of a configuration (for a later editable version): maxima sum to 100, positive weights. */
export function qd766ConfigProblems(cfg: Qd766Config): string[] {
  const p: string[] = [];
  const total = cfg.groups.reduce((n, g) => n + g.max, 0);
  if (Math.abs(total - 100) > 1e-9) p.push(`group maxima sum to ${total}, not 100`);
  const keys = cfg.groups.map((g) => g.key);
  if (new Set(keys).size !== keys.length) p.push('a group is listed twice');
  for (const g of cfg.groups) {
    if (g.criteria.length === 0) p.push(`group ${g.key} has no criteria`);
    for (const cr of g.criteria) if (!(cr.weight > 0)) p.push(`criterion ${cr.key} needs a positive weight`);
  }
  return p;
}

export type Qd766GroupScore = {
  key: Qd766Group;
  max: number;
  confirmed: boolean;
  /** null when no criterion of the group has a value. */
  score: number | null;
  criteria: { key: Qd766Criterion; weight: number; confirmed: boolean; value: number | null }[];
};

/**
 * Which edition a configuration is, for people: the shipped defaults (`qd766-<year>-…`) or the Nth version
 * stored in the settings (`dossier-rules-N`); `basisYear` is the year of the decision (QĐ 766/QĐ-TTg, 2022).
 * Pages show "Bộ chỉ số QĐ 766/QĐ-TTg năm 2022 — phiên bản N", never the key.
 */
export function qd766Edition(version: string): { isDefault: boolean; number: number; basisYear: number } {
  const stored = /^dossier-rules-(\d+)$/.exec(version);
  if (stored) return { isDefault: false, number: Number(stored[1]), basisYear: 2022 };
  const shipped = /^qd766-(\d{4})-.*?(\d+)$/.exec(version);
  return {
    isDefault: true,
    number: shipped ? Number(shipped[2]) : 1,
    basisYear: shipped ? Number(shipped[1]) : 2022,
  };
}

/** "Bộ chỉ số QĐ 766/QĐ-TTg năm 2022 — phiên bản 1" (a stored version) or "… — mặc định" (the shipped one). */
export function qd766EditionLabel(
  e: { isDefault: boolean; number: number; basisYear: number },
  locale: 'vi' | 'en',
): string {
  if (locale === 'en')
    return `QĐ 766/QĐ-TTg indicator set (${e.basisYear}) — ${e.isDefault ? 'default edition' : `version ${e.number}`}`;
  return `Bộ chỉ số QĐ 766/QĐ-TTg năm ${e.basisYear} — ${e.isDefault ? 'bản mặc định' : `phiên bản ${e.number}`}`;
}

export type Qd766Score = {
  version: string;
  edition: { isDefault: boolean; number: number; basisYear: number };
  /** Sum of the groups that have a score. */
  score: number;
  /** Sum of the maxima of those groups (100 when every group has data). */
  maxCovered: number;
  complete: boolean;
  /** Some group maximum or weight used is not confirmed. */
  provisional: boolean;
  groups: Qd766GroupScore[];
};

/** Scores criterion values (fractions 0–1, null when unknown) with a configuration. */
export function qd766Score(
  values: Partial<Record<Qd766Criterion, number | null>>,
  cfg: Qd766Config = QD766_CONFIGS[QD766_CONFIGS.length - 1]!,
): Qd766Score {
  let provisional = false;
  const groups = cfg.groups.map((g): Qd766GroupScore => {
    const criteria = g.criteria.map((cr) => ({
      key: cr.key,
      weight: cr.weight,
      confirmed: cr.confirmed,
      value: values[cr.key] ?? null,
    }));
    const known = criteria.filter((cr) => cr.value !== null);
    const weights = known.reduce((n, cr) => n + cr.weight, 0);
    const score =
      known.length && weights > 0
        ? (g.max * known.reduce((n, cr) => n + cr.weight * cr.value!, 0)) / weights
        : null;
    if (score !== null && (!g.confirmed || known.some((cr) => !cr.confirmed))) provisional = true;
    return { key: g.key, max: g.max, confirmed: g.confirmed, score, criteria };
  });
  const scored = groups.filter((g) => g.score !== null);
  return {
    version: cfg.version,
    edition: qd766Edition(cfg.version),
    score: scored.reduce((n, g) => n + g.score!, 0),
    maxCovered: scored.reduce((n, g) => n + g.max, 0),
    complete:
      scored.length === groups.length && groups.every((g) => g.criteria.every((cr) => cr.value !== null)),
    provisional,
    groups,
  };
}
