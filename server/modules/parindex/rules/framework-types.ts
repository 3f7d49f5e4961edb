/**
 * The shape of a PAR Index criteria framework (bộ tiêu chí chỉ số CCHC), as stored in `par_frameworks.tree` and
 * shipped in ../data. Pure types; the checks are in ./framework.ts.
 *
 * A framework has **fields** (lĩnh vực, e.g. "1. Công tác chỉ đạo, điều hành CCHC"), each with **criteria** (tiêu
 * chí, "1.1"), each with **sub-criteria** (tiêu chí thành phần, "1.1.1") — or scored directly when a criterion has
 * none. Every scored item has a maximum and a method:
 * - `self`: the unit scores itself with evidence, the appraisal council checks (the usual case);
 * - `computed`: chidao computes it from its own records (plan tasks on time, reports on time, dossiers on time and
 *   online, feedback handled on time, recommendations remedied on time, the unit's own plan issued), with a
 *   `formula` turning the rate into points;
 * - `survey`: from a sociological or satisfaction survey (issue 17), entered by the council until then.
 * Besides the fields, **bonus** (điểm thưởng) and **penalty** (điểm trừ) items, each with a cap; their totals have
 * caps of their own (`bonusCap`, `penaltyCap`).
 */

export type Text = { vi: string; en: string };

/** What a computed item reads (./computed.ts maps each to a figure of another module, for a unit and a year). */
export const COMPUTE_SOURCES = [
  'plans.tasks_on_time',
  'plans.own_plan_issued',
  'reports.on_time',
  'dossiers.on_time',
  'dossiers.online',
  'hotline.on_time',
  'inspections.recommendations_on_time',
] as const;
export type ComputeSource = (typeof COMPUTE_SOURCES)[number];

/**
 * How a computed rate (0–1) becomes points (a share of the item's maximum):
 * - `linear`: rate × max (optionally from a floor: below `from` → 0, from `from` to 1 → linear 0 → max);
 * - `bands`: the first band whose `min` the rate reaches gives `share` × max (bands highest first);
 * - `all_or_nothing`: max when the rate reaches `min`, else 0.
 */
export type Formula =
  | { type: 'linear'; from?: number }
  | { type: 'bands'; bands: { min: number; share: number }[] }
  | { type: 'all_or_nothing'; min: number };

export type ScoringMethod = 'self' | 'computed' | 'survey';

/**
 * A computed item whose source has no records for the unit that year (no feedback received, no dossier filed):
 * - `full` (default): "không phát sinh" earns the full points — the common practice of the provinces' sets;
 * - `zero`: no points;
 * - `manual`: no points computed; the appraisal council scores it (round 1).
 */
export const WHEN_NO_DATA = ['full', 'zero', 'manual'] as const;
export type WhenNoData = (typeof WHEN_NO_DATA)[number];

/** A scored item: a sub-criterion, or a criterion without sub-criteria. */
export type ScoredItem = {
  /** "1.1.1" (or "1.1" for a criterion scored directly): unique in the framework. */
  code: string;
  name: Text;
  maxPoints: number;
  method: ScoringMethod;
  /** For `computed`: what it reads and how the rate becomes points. */
  source?: ComputeSource;
  formula?: Formula;
  /** How to score it (the methodology's guidance) and the evidence documents required (tài liệu kiểm chứng). */
  guidance?: Text;
  evidence?: Text;
  /** Fractions allowed (0.25, 0.5) or whole points only; default 0.25. */
  step?: number;
  /** false where the point value is this installation's assumption, not the published set's (shown as such). */
  confirmed?: boolean;
  /** For `computed`: what a year without records earns (default `full`; ./computed.ts). */
  whenNoData?: WhenNoData;
};

export type Criterion = {
  code: string;
  name: Text;
  /** The criterion's maximum: the sum of its sub-criteria's (checked), or its own when scored directly. */
  maxPoints: number;
  /** Sub-criteria; empty when the criterion is scored itself (then `method` etc. are on it: a ScoredItem). */
  subs: ScoredItem[];
  method?: ScoringMethod;
  source?: ComputeSource;
  formula?: Formula;
  guidance?: Text;
  evidence?: Text;
  step?: number;
  confirmed?: boolean;
  whenNoData?: WhenNoData;
};

export type Field = {
  /** "1" … "8". */
  code: string;
  name: Text;
  maxPoints: number;
  criteria: Criterion[];
};

/** A bonus or penalty item (codes "B1", "P1"…): points within [0, cap], added or taken away. */
export type AdjustmentItem = {
  code: string;
  name: Text;
  cap: number;
  guidance?: Text;
  evidence?: Text;
  step?: number;
};

export type FrameworkTree = {
  fields: Field[];
  bonus: AdjustmentItem[];
  penalty: AdjustmentItem[];
  /** Caps on the totals of bonus and penalty points (each item has its own cap too). */
  bonusCap: number;
  penaltyCap: number;
};

/** A grade and the lowest index (%) that earns it; bands are kept highest first. */
export type GradeBand = { code: string; name: Text; minPercent: number };
