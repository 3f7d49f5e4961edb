import { formatNumber } from '../../../../lib/format';

/** A figure as read: 1.234,5 with its unit, a share as 69,23%; empty for no figure. */
export function formatFigure(
  value: unknown,
  decimals: number,
  opts: { percent?: boolean; unit?: string } = {},
): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  const n = formatNumber(value, decimals);
  if (opts.percent) return `${n}%`;
  return opts.unit ? `${n} ${opts.unit}` : n;
}
