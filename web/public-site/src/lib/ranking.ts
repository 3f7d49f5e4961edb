/**
 * The PAR Index ranking as the public page shows it, without React: the group chosen in the address, the rows a
 * search keeps, the change from last year as an arrow and words, and the geometry of the plain-SVG bar chart.
 */
import type { ParGroup } from './portal-types';
import { filterBySearch } from './search';

/** The group the address names, or the first one (null when the year has none). */
export function pickGroup<G extends { group: string }>(groups: readonly G[], requested: string): G | null {
  return groups.find((g) => g.group === requested) ?? groups[0] ?? null;
}

/** The rows whose unit name matches the search (accent-insensitive), in rank order. */
export function filterRanking<R extends { unitName: string }>(rows: readonly R[], query: string): R[] {
  return filterBySearch(rows, query, (r) => r.unitName);
}

export type Change = { dir: 'up' | 'down' | 'same' | 'none'; value: number | null };

/** A change in percentage points: up or down (shown to 2 decimals, so smaller is "the same"), or none at all. */
export function describeChange(change: number | null | undefined): Change {
  if (change == null || !Number.isFinite(change)) return { dir: 'none', value: null };
  const rounded = Math.round(change * 100) / 100;
  if (rounded === 0) return { dir: 'same', value: 0 };
  return rounded > 0 ? { dir: 'up', value: rounded } : { dir: 'down', value: -rounded };
}

export const CHANGE_ARROW: Record<Change['dir'], string> = { up: '▲', down: '▼', same: '▬', none: '' };

export type Bar = {
  key: string;
  label: string;
  value: number;
  /** The bar's top and length. */
  y: number;
  width: number;
  /** Where the name is written: left of the bar (end-aligned at `labelX`), or above it when stacked. */
  labelX: number;
  labelY: number;
};
export type BarChart = {
  width: number;
  height: number;
  stacked: boolean;
  barHeight: number;
  /** Where the bars start and how long 100% is. */
  plotX: number;
  plotWidth: number;
  bars: Bar[];
  /** Grid lines at 0, 25, 50, 75, 100%. */
  ticks: { value: number; x: number }[];
};

/** Below this width (in CSS pixels) the names go above their bars. */
export const STACK_BELOW = 520;

/**
 * A horizontal bar chart of percentages drawn at the width it is shown (text at its CSS size): one row per item,
 * the name left of its bar (or above it on a narrow screen, cut to `labelChars` otherwise), the bar from 0 to 100%
 * of the plot, values outside 0–100 held at the ends.
 */
export function barChart(
  items: readonly { key: string; label: string; value: number }[],
  { width = 640, labelChars = 34 }: { width?: number; labelChars?: number } = {},
): BarChart {
  const stacked = width < STACK_BELOW;
  const axisHeight = 24;
  const barHeight = 18;
  const valueWidth = 52;
  const labelWidth = stacked ? 0 : Math.min(260, Math.round(width * 0.36));
  const rowHeight = stacked ? 46 : 28;
  const plotX = stacked ? 12 : labelWidth;
  const plotWidth = Math.max(10, width - plotX - valueWidth);
  const cut = (label: string) =>
    !stacked && label.length > labelChars ? `${label.slice(0, labelChars - 1).trimEnd()}…` : label;
  const bars = items.map((item, i) => {
    const clamped = Math.min(100, Math.max(0, Number.isFinite(item.value) ? item.value : 0));
    const top = axisHeight + i * rowHeight;
    const y = stacked ? top + rowHeight - barHeight - 6 : top + (rowHeight - barHeight) / 2;
    return {
      key: item.key,
      label: cut(item.label),
      value: item.value,
      y,
      width: (clamped / 100) * plotWidth,
      labelX: stacked ? plotX : plotX - 8,
      labelY: stacked ? top + 12 : y + barHeight / 2,
    };
  });
  return {
    width,
    height: axisHeight + items.length * rowHeight + 4,
    stacked,
    barHeight,
    plotX,
    plotWidth,
    bars,
    ticks: [0, 25, 50, 75, 100].map((value) => ({ value, x: plotX + (value / 100) * plotWidth })),
  };
}

/** The ranking's rows as bars (in the table's order). */
export function rankingBars(
  rows: readonly Pick<ParGroup['rows'][number], 'unitId' | 'unitName' | 'percent'>[],
) {
  return rows.map((r) => ({ key: r.unitId, label: r.unitName, value: r.percent }));
}
