/**
 * The dossier rules a version of the settings holds — traffic-light thresholds and the QĐ 766 group maxima
 * and criterion weights — and the checks a new version must pass (pure).
 *
 * - Thresholds: every indicator of `DEFAULT_THRESHOLDS` exactly once, levels between 0 and 1, and the
 *   amber level on the right side of green for the indicator's direction (fixed by the indicator: the late
 *   rate is better lower, every other one higher).
 * - QĐ 766: the structure (five groups, the criteria each may hold, where each criterion comes from, whether
 *   its formula is the one the decision states) is the code's (`qd766.ts`, `QD766_CRITERION_CATALOGUE`); a
 *   version sets the group maxima (non-negative, summing to 100) and the criterion weights (non-negative, at
 *   least one above 0 per group), and may add a criterion of the catalogue to its group (the survey
 *   satisfaction to the satisfaction group, say) or drop one it added; the shipped criteria stay.
 * - Confirmation flags are kept: a maximum or weight the previous version left unconfirmed stays
 *   unconfirmed unless the new version marks it confirmed *and* states its legal basis; a confirmed value
 *   cannot be changed without a legal basis either. So a provisional score is never passed off as final.
 */
import { DEFAULT_THRESHOLDS, type Threshold } from '../dossiers-query.rules.js';
import {
  QD766_CRITERIA,
  QD766_CRITERION_CATALOGUE,
  qd766ConfigFor,
  type Qd766Config,
  type Qd766Criterion,
  type Qd766Group,
} from '../qd766.js';
import type { DossierSettingsMessageKey } from './messages.js';

export type DossierRules = { thresholds: Threshold[]; qd766: Qd766Config };
export type ThresholdKey = Threshold['key'];

export const THRESHOLD_KEYS = DEFAULT_THRESHOLDS.map((t) => t.key) as [ThresholdKey, ...ThresholdKey[]];

type Label = { vi: string; en: string };

/** Names of the indicators that carry a traffic light. */
export const INDICATOR_LABELS: Record<ThresholdKey, Label> = {
  onTimeRate: { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' },
  lateRate: { vi: 'Tỷ lệ trễ hạn', en: 'Late rate' },
  onlineRate: { vi: 'Tỷ lệ trực tuyến', en: 'Online rate' },
  onlinePaymentRate: { vi: 'Thanh toán trực tuyến', en: 'Online payment rate' },
  digitisationRate: { vi: 'Tỷ lệ số hóa', en: 'Digitisation rate' },
  eResultRate: { vi: 'Kết quả điện tử', en: 'Electronic results' },
  satisfaction: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
  qd766: { vi: 'Điểm QĐ 766', en: 'QĐ 766 score' },
};

/** Names of the five QĐ 766 groups. */
export const QD766_GROUP_LABELS: Record<Qd766Group, Label> = {
  transparency: { vi: 'Công khai, minh bạch', en: 'Transparency' },
  progress: { vi: 'Tiến độ, kết quả giải quyết', en: 'Processing progress and results' },
  digitisation: { vi: 'Mức độ số hóa hồ sơ', en: 'Digitisation of dossiers' },
  online: { vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online public services' },
  satisfaction: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
};

/** Names of the QĐ 766 criteria chidao knows. */
export const QD766_CRITERION_LABELS: Record<Qd766Criterion, Label> = {
  procedures_published_on_time: {
    vi: 'Thủ tục hành chính được công bố, công khai đúng hạn',
    en: 'Procedures published on time',
  },
  dossiers_early_or_on_time: {
    vi: 'Hồ sơ giải quyết trước hạn và đúng hạn',
    en: 'Dossiers resolved early or on time',
  },
  dossiers_on_time: { vi: 'Hồ sơ giải quyết đúng hạn', en: 'Dossiers resolved on time' },
  pakn_on_time: { vi: 'Phản ánh, kiến nghị xử lý đúng hạn', en: 'Feedback handled on time' },
  digitisation_rate: { vi: 'Tỷ lệ số hóa hồ sơ', en: 'Digitisation rate' },
  e_result_rate: { vi: 'Tỷ lệ cấp kết quả điện tử', en: 'Electronic result rate' },
  digitised_data_reuse: { vi: 'Tái sử dụng dữ liệu đã số hóa', en: 'Reuse of digitised data' },
  online_dossier_rate: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online dossier rate' },
  online_payment_rate: { vi: 'Tỷ lệ thanh toán trực tuyến', en: 'Online payment rate' },
  dossier_satisfaction: {
    vi: 'Mức độ hài lòng về giải quyết hồ sơ',
    en: 'Satisfaction with dossier handling',
  },
  pakn_satisfaction: {
    vi: 'Mức độ hài lòng về xử lý phản ánh, kiến nghị',
    en: 'Satisfaction with feedback handling',
  },
  survey_satisfaction: {
    vi: 'Mức độ hài lòng qua khảo sát (SIPAS)',
    en: 'Satisfaction in surveys (SIPAS)',
  },
};

/** The criteria a version may hold in a group: those of the catalogue that belong to it, in the code's order. */
export function qd766CriteriaOffered(group: Qd766Group): Qd766Criterion[] {
  return QD766_CRITERIA.filter((k) => QD766_CRITERION_CATALOGUE[k].group === group);
}

/** The rules shipped with the code for a date: `DEFAULT_THRESHOLDS` and the QĐ 766 configuration then. */
export function defaultRulesFor(date: string): DossierRules {
  return {
    thresholds: DEFAULT_THRESHOLDS.map((t) => ({ ...t })),
    qd766: structuredClone(qd766ConfigFor(date)),
  };
}

/** A new version as an editor sends it (the structure comes from the version it replaces). */
export type RulesDraft = {
  effectiveFrom: string;
  legalBasis: string | null;
  thresholds: { key: string; green: number; amber: number; source?: string | null | undefined }[];
  qd766: {
    groups: {
      key: string;
      max: number;
      confirmed?: boolean | undefined;
      criteria: { key: string; weight: number; confirmed?: boolean | undefined }[];
    }[];
  };
};

export type RulesProblem = {
  /** Where, as a path into the draft (`thresholds.2.amber`, `qd766.groups.1.criteria.0.weight`). */
  field: string;
  key: DossierSettingsMessageKey;
  params: Record<string, string | number>;
};

const finite = (n: number) => typeof n === 'number' && Number.isFinite(n);
const sameNumber = (a: number, b: number) => Math.abs(a - b) < 1e-9;

function labelOf(table: Record<string, Label>, key: string, locale: 'vi' | 'en'): string {
  return table[key]?.[locale] ?? key;
}

/**
 * Checks a draft against the version it replaces (`base`: its structure and confirmation flags) and
 * builds the rules it stands for, or lists every problem (names in `locale`).
 */
export function buildRules(
  draft: RulesDraft,
  base: DossierRules,
  label: string,
  locale: 'vi' | 'en' = 'vi',
): { ok: true; rules: DossierRules } | { ok: false; problems: RulesProblem[] } {
  const problems: RulesProblem[] = [];
  const hasBasis = !!draft.legalBasis?.trim();
  const indicator = (key: string) => labelOf(INDICATOR_LABELS, key, locale);

  // Thresholds
  const given = new Map<string, RulesDraft['thresholds'][number]>();
  draft.thresholds.forEach((t, i) => {
    const def = DEFAULT_THRESHOLDS.find((d) => d.key === t.key);
    if (!def) {
      problems.push({
        field: `thresholds.${i}.key`,
        key: 'dossierSettings.threshold_unknown',
        params: { indicator: t.key },
      });
      return;
    }
    if (given.has(t.key)) {
      problems.push({
        field: `thresholds.${i}.key`,
        key: 'dossierSettings.threshold_twice',
        params: { indicator: indicator(t.key) },
      });
      return;
    }
    given.set(t.key, t);
    if (!finite(t.green) || !finite(t.amber) || t.green < 0 || t.green > 1 || t.amber < 0 || t.amber > 1) {
      problems.push({
        field: `thresholds.${i}.green`,
        key: 'dossierSettings.threshold_range',
        params: { indicator: indicator(t.key) },
      });
      return;
    }
    if (def.direction === 'higher' && t.amber > t.green)
      problems.push({
        field: `thresholds.${i}.amber`,
        key: 'dossierSettings.threshold_order_higher',
        params: { indicator: indicator(t.key) },
      });
    if (def.direction === 'lower' && t.amber < t.green)
      problems.push({
        field: `thresholds.${i}.amber`,
        key: 'dossierSettings.threshold_order_lower',
        params: { indicator: indicator(t.key) },
      });
  });
  for (const def of DEFAULT_THRESHOLDS)
    if (!given.has(def.key))
      problems.push({
        field: 'thresholds',
        key: 'dossierSettings.threshold_missing',
        params: { indicator: indicator(def.key) },
      });

  // QĐ 766: the structure of the base, its maxima and weights.
  const groupLabel = (key: string) => labelOf(QD766_GROUP_LABELS, key, locale);
  const criterionLabel = (key: string) => labelOf(QD766_CRITERION_LABELS, key, locale);
  const baseGroups = base.qd766.groups;
  const draftKeys = draft.qd766.groups.map((g) => g.key);
  const expectedKeys = baseGroups.map((g) => g.key);
  const groupsMatch =
    draftKeys.length === expectedKeys.length &&
    new Set(draftKeys).size === draftKeys.length &&
    expectedKeys.every((k) => draftKeys.includes(k));
  if (!groupsMatch)
    problems.push({
      field: 'qd766.groups',
      key: 'dossierSettings.groups_mismatch',
      params: { expected: expectedKeys.map(groupLabel).join(', ') },
    });

  let sum = 0;
  const groups: Qd766Config['groups'] = [];
  for (const bg of baseGroups) {
    const gi = draft.qd766.groups.findIndex((g) => g.key === bg.key);
    const dg = draft.qd766.groups[gi];
    if (!dg) continue;
    const at = `qd766.groups.${gi}`;
    if (!finite(dg.max) || dg.max < 0)
      problems.push({
        field: `${at}.max`,
        key: 'dossierSettings.max_negative',
        params: { group: groupLabel(bg.key) },
      });
    else sum += dg.max;
    const groupConfirmed = dg.confirmed ?? bg.confirmed;
    if (groupConfirmed && (!bg.confirmed || !sameNumber(dg.max, bg.max)) && !hasBasis)
      problems.push({
        field: `${at}.confirmed`,
        key: 'dossierSettings.confirm_needs_basis',
        params: { item: groupLabel(bg.key) },
      });

    // The criteria the base holds stay (a weight of 0 leaves one out); a criterion of the catalogue that
    // belongs to this group may be added, and an added one dropped again (the shipped ones may not).
    const ck = dg.criteria.map((c) => c.key);
    const core = new Set(
      qd766ConfigFor(draft.effectiveFrom)
        .groups.find((g) => g.key === bg.key)
        ?.criteria.map((c) => c.key),
    );
    const required = bg.criteria.map((c) => c.key).filter((k) => core.has(k));
    const offered = qd766CriteriaOffered(bg.key);
    const stranger = dg.criteria.findIndex((c) => !offered.includes(c.key as Qd766Criterion));
    if (stranger >= 0) {
      problems.push({
        field: `${at}.criteria.${stranger}.key`,
        key: 'dossierSettings.criterion_not_allowed',
        params: {
          criterion: criterionLabel(dg.criteria[stranger]!.key),
          group: groupLabel(bg.key),
          allowed: offered.map(criterionLabel).join(', '),
        },
      });
      continue;
    }
    if (new Set(ck).size !== ck.length || !required.every((k) => ck.includes(k))) {
      problems.push({
        field: `${at}.criteria`,
        key: 'dossierSettings.criteria_mismatch',
        params: { group: groupLabel(bg.key), expected: required.map(criterionLabel).join(', ') },
      });
      continue;
    }
    const criteria: Qd766Config['groups'][number]['criteria'] = [];
    dg.criteria.forEach((dc, ci) => {
      const key = dc.key as Qd766Criterion;
      const bc = bg.criteria.find((c) => c.key === key) ?? {
        key,
        weight: 0,
        confirmed: false,
        formulaConfirmed: QD766_CRITERION_CATALOGUE[key].formulaConfirmed,
        source: QD766_CRITERION_CATALOGUE[key].source,
      };
      const cat = `${at}.criteria.${ci}`;
      if (!finite(dc.weight) || dc.weight < 0)
        problems.push({
          field: `${cat}.weight`,
          key: 'dossierSettings.weight_negative',
          params: { criterion: criterionLabel(bc.key) },
        });
      const confirmed = dc.confirmed ?? bc.confirmed;
      if (confirmed && (!bc.confirmed || !sameNumber(dc.weight, bc.weight)) && !hasBasis)
        problems.push({
          field: `${cat}.confirmed`,
          key: 'dossierSettings.confirm_needs_basis',
          params: { item: criterionLabel(bc.key) },
        });
      criteria.push({ ...bc, weight: dc.weight, confirmed });
    });
    if (!dg.criteria.some((c) => finite(c.weight) && c.weight > 0))
      problems.push({
        field: `${at}.criteria`,
        key: 'dossierSettings.group_without_weight',
        params: { group: groupLabel(bg.key) },
      });
    groups.push({ key: bg.key, max: dg.max, confirmed: groupConfirmed, criteria });
  }
  if (groupsMatch && !sameNumber(sum, 100))
    problems.push({
      field: 'qd766.groups',
      key: 'dossierSettings.max_sum',
      params: { sum: Math.round(sum * 1000) / 1000 },
    });

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    rules: {
      thresholds: DEFAULT_THRESHOLDS.map((def) => {
        const t = given.get(def.key)!;
        return {
          key: def.key,
          direction: def.direction,
          green: t.green,
          amber: t.amber,
          source: t.source?.trim() || null,
        };
      }),
      qd766: { version: label, validFrom: draft.effectiveFrom, basis: base.qd766.basis, groups },
    },
  };
}

/** The version in force on `date` among stored versions (latest effective date, then highest number). */
export function versionOn<V extends { effectiveFrom: string; version: number }>(
  versions: readonly V[],
  date: string,
): V | null {
  let found: V | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > date) continue;
    if (
      !found ||
      v.effectiveFrom > found.effectiveFrom ||
      (v.effectiveFrom === found.effectiveFrom && v.version > found.version)
    )
      found = v;
  }
  return found;
}
