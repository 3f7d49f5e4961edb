/**
 * How the PAR Index frameworks read: the badges of a version's status and of an item's scoring method, a computed
 * item's data source and formula in words, the grade colours. Every text is in ./locales (`parFrameworks.*`).
 */
import { Badge, Text, Tooltip, type MantineColor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import {
  sourceKey,
  type ComputeSource,
  type Formula,
  type FrameworkSummary,
  type Method,
  type UnitGroup,
  type WhenNoData,
} from './api';

type Bilingual = { vi: string; en: string };

/** A bilingual name in the interface language: English when there is one, else the Vietnamese (the set as issued). */
export const nameIn = (name: Bilingual, language: string) =>
  language.startsWith('en') ? name.en.trim() || name.vi : name.vi;

/** The framework's title in the interface language (its English title when it has one). */
export const titleIn = (f: { title: string; titleEn: string }, language: string) =>
  language.startsWith('en') && f.titleEn.trim() ? f.titleEn : f.title;

/** Where a version comes from: an earlier version of its year (an edit), or another year's (a copy forward). */
export const basedOnText = (t: TFunction, f: Pick<FrameworkSummary, 'year' | 'basedOn'>) =>
  f.basedOn
    ? f.basedOn.year === f.year
      ? t('parFrameworks.basedOnVersion', { number: f.basedOn.number })
      : t('parFrameworks.basedOn', { year: f.basedOn.year, number: f.basedOn.number })
    : '';

export const groupLabel = (t: TFunction, group: UnitGroup) => t(`parFrameworks.groups.${group}`);

/** A rate (0–1) as people read it: `0.9` → `90%`. */
export const ratePct = (rate: number) => `${formatNumber(rate * 100, 2)}%`;
export const points = (v: number) => formatNumber(v, 2);

/** "7 lĩnh vực · 48 tiêu chí · 89 tiêu chí thành phần". */
export function CountsLine({ counts }: { counts: FrameworkSummary['counts'] }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" data-testid="framework-counts">
      {[
        t('parFrameworks.counts.fields', { count: counts.fields }),
        t('parFrameworks.counts.criteria', { count: counts.criteria }),
        t('parFrameworks.counts.subCriteria', { count: counts.subCriteria }),
      ].join(' · ')}
    </Text>
  );
}

export function StatusBadge({
  status,
  size = 'sm',
}: {
  status: 'draft' | 'published';
  size?: 'xs' | 'sm' | 'md';
}) {
  const { t } = useTranslation();
  return (
    <Badge
      size={size}
      variant="light"
      color={status === 'published' ? 'green' : 'gray'}
      tt="none"
      data-testid="framework-status"
      data-status={status}
    >
      {t(`parFrameworks.status.${status}`)}
    </Badge>
  );
}

const METHOD_COLORS: Record<Method, MantineColor> = { self: 'blue', computed: 'teal', survey: 'grape' };

/** An item's scoring method; a computed one names its data source. */
export function MethodBadge({ method, source }: { method: Method; source?: ComputeSource | undefined }) {
  const { t } = useTranslation();
  const label = t(`parFrameworks.methods.${method}`);
  const badge = (
    <Badge
      size="sm"
      variant="light"
      color={METHOD_COLORS[method]}
      tt="none"
      data-testid="method-badge"
      data-method={method}
    >
      {label}
    </Badge>
  );
  if (method !== 'computed' || !source) return badge;
  return (
    <Tooltip label={t(`parFrameworks.sources.${sourceKey(source)}`)} multiline maw={320} withArrow>
      {badge}
    </Tooltip>
  );
}

/** A point value this installation assumed (not the published set's), to be checked against the decision. */
export function UnconfirmedBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('parFrameworks.unconfirmedItemHint')} multiline maw={320} withArrow>
      <Badge
        size="sm"
        variant="outline"
        color="orange"
        tt="none"
        data-testid="unconfirmed-badge"
        tabIndex={0}
      >
        {t('parFrameworks.unconfirmedItem')}
      </Badge>
    </Tooltip>
  );
}

/**
 * A computed item's formula in words, with the points of its maximum: "Từ 100%: 2 điểm; từ 90%: 1,5 điểm; dưới
 * 90%: 0 điểm".
 */
export function formulaText(t: TFunction, formula: Formula | undefined, max: number): string {
  if (!formula) return t('parFrameworks.formula.none');
  if (formula.type === 'linear')
    return formula.from
      ? t('parFrameworks.formula.linearFrom', { from: ratePct(formula.from), max: points(max) })
      : t('parFrameworks.formula.linear', { max: points(max) });
  if (formula.type === 'all_or_nothing')
    return t('parFrameworks.formula.allOrNothing', { min: ratePct(formula.min), max: points(max) });
  const steps = formula.bands.map((b) =>
    t('parFrameworks.formula.band', { min: ratePct(b.min), points: points(b.share * max) }),
  );
  const lowest = formula.bands[formula.bands.length - 1];
  if (lowest && lowest.min > 0) steps.push(t('parFrameworks.formula.below', { min: ratePct(lowest.min) }));
  return steps.join('; ');
}

/** What a computed item earns in a year without records (default: the full points). */
export const whenNoDataText = (t: TFunction, rule: WhenNoData | undefined) =>
  t(`parFrameworks.whenNoData.${rule ?? 'full'}`);

const GRADE_COLORS: Record<string, MantineColor> = {
  good: 'green',
  tot: 'green',
  a: 'green',
  fair: 'blue',
  kha: 'blue',
  b: 'blue',
  average: 'yellow',
  trung_binh: 'yellow',
  c: 'yellow',
  weak: 'red',
  yeu: 'red',
  d: 'red',
};

/**
 * The colour of a grade from its code: Tốt (good) green, Khá (fair) blue, Trung bình (average) yellow, Yếu (weak)
 * red — the codes of chidao's default bands, the shipped sets' and the letter grades; another code is grey.
 */
export const gradeColor = (code: string): MantineColor => GRADE_COLORS[code.trim().toLowerCase()] ?? 'gray';
