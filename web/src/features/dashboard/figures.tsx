/**
 * How a figure of the province reads: its value in its unit (55,4% · 12 · 87,91 điểm), its change since the previous
 * window with an arrow coloured by whether that is good for this figure, and a tiny trend line (inline SVG: no chart
 * library on this page).
 */
import { Group, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatFigureChange, formatFigureValue, VERDICT_COLOR } from '../../components/figure-format';
import { inLanguage } from '../../components/workflow/work';
import type { DashboardFigure } from './api';

/** A server-made bilingual label in the interface language. */
export const pick = inLanguage;

/** A value in the figure's unit, or null when there is none. */
export const formatValue = formatFigureValue;

/** A change in the figure's unit, signed: +2,5 điểm %, −3. */
export const formatChange = formatFigureChange;

/** The change since the previous window: arrow, amount, the window compared with. */
export function ChangeLine({ figure }: { figure: DashboardFigure }) {
  const { t } = useTranslation();
  if (figure.change === null || !figure.verdict)
    return (
      <Text size="xs" c="dimmed" data-testid="figure-change">
        {t('province.noChange')}
      </Text>
    );
  const Icon = figure.change > 0 ? IconArrowUpRight : figure.change < 0 ? IconArrowDownRight : IconArrowRight;
  const unitWord = figure.def.unit === 'percent' ? t('province.percentPoints') : '';
  return (
    <Group gap={4} wrap="nowrap" data-testid="figure-change" data-verdict={figure.verdict}>
      <Icon
        size={16}
        color={`var(--mantine-color-${VERDICT_COLOR[figure.verdict].replace('.', '-')})`}
        aria-hidden
      />
      <Text size="xs" c={VERDICT_COLOR[figure.verdict]} fw={600}>
        {formatChange(figure.def.unit, figure.change)}
        {unitWord && ` ${unitWord}`}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`province.verdict.${figure.verdict}`)}
      </Text>
    </Group>
  );
}

/** A tiny trend line of the last windows; a gap where a window has no value. */
export function Sparkline({
  values,
  label,
  width = 96,
  height = 28,
}: {
  values: (number | null)[];
  label: string;
  width?: number;
  height?: number;
}) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const point = (v: number, i: number) =>
    [2 + i * step, height - 3 - ((v - min) / span) * (height - 6)] as const;
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    const [x, y] = point(v, i);
    current += `${current ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)} `;
  });
  if (current) segments.push(current);
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  return (
    <svg width={width} height={height} role="img" aria-label={label} data-testid="sparkline">
      {segments.map((d, i) => (
        <path key={i} d={d} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={1.6} />
      ))}
      {last !== null && last !== undefined && (
        <circle
          cx={point(last, lastIndex)[0]}
          cy={point(last, lastIndex)[1]}
          r={2.4}
          fill="var(--mantine-color-blue-7)"
        />
      )}
    </svg>
  );
}
