/**
 * Charts of the briefing pack as SVG strings: horizontal grouped bars (one row per unit or reform area — long
 * Vietnamese names read best on the left) and lines over months. Pure: a spec in, a string out; no DOM, no
 * fonts loaded here (the text names the family `Liberation Sans`, which the rasteriser is given:
 * `briefing-render.ts`). Numbers are written the Vietnamese way (1.234,5) and an unknown value is left out —
 * a bar is not drawn and a line breaks — never drawn as 0.
 */

export const CHART_FONT = 'Liberation Sans';

/** Colours that stay apart in greyscale print too (dark blue, orange, grey-green, red). */
export const PALETTE = ['#1f4e79', '#e07b24', '#5b8c5a', '#c0392b'] as const;

export type ChartUnit = 'percent' | 'count';

export type Series = { name: string; values: readonly (number | null)[] };

export type BarChartSpec = {
  title: string;
  /** One row each (units, reform areas), top to bottom. */
  categories: readonly string[];
  series: readonly Series[];
  unit: ChartUnit;
  /** Pixels (the image's own size; the documents scale it to the page). */
  width?: number;
  /** Shown in place of the bars when there are no categories. */
  emptyText?: string;
};

export type LineChartSpec = {
  title: string;
  /** Along the horizontal axis (months "01/2026" …). */
  labels: readonly string[];
  series: readonly Series[];
  unit: ChartUnit;
  width?: number;
  height?: number;
  emptyText?: string;
};

export type Svg = { svg: string; width: number; height: number };

/** Escapes text for SVG content and attributes. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const VI_NUMBER = new Map<number, Intl.NumberFormat>();
/** 1.234,5 — Vietnamese grouping and decimal comma, at most `digits` decimals. */
export function viNumber(value: number, digits = 1): string {
  let f = VI_NUMBER.get(digits);
  if (!f) VI_NUMBER.set(digits, (f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits })));
  return f.format(value);
}

/** A value as a label: "87,5%" or "1.234". */
export function valueLabel(value: number, unit: ChartUnit): string {
  return unit === 'percent' ? `${viNumber(value, 1)}%` : viNumber(value, 1);
}

/**
 * Ticks from 0 to a round maximum at or above `max` (1, 2, 2.5 or 5 × 10ⁿ steps, about `count` of them);
 * percentages stop at 100 when the data does.
 */
export function niceTicks(max: number, unit: ChartUnit, count = 5): number[] {
  const top = unit === 'percent' && max <= 100 ? 100 : Math.max(max, 1);
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = 0; v < top + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks.at(-1)! < top) ticks.push(Number((ticks.at(-1)! + step).toPrecision(12)));
  return ticks;
}

/** Rough width in pixels of a text in Liberation Sans at `size` px (upper case and digits wider). */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) {
    if (ch === ' ') units += 0.28;
    else if (/[0-9]/.test(ch)) units += 0.56;
    else if (ch !== ch.toLowerCase()) units += 0.68;
    else if (/[.,;:'|!il]/.test(ch)) units += 0.28;
    else units += 0.52;
  }
  return units * size;
}

/**
 * The text cut into at most `maxLines` lines of at most `width` px at `size` px, on spaces; what does not fit
 * ends with "…" (a single word longer than the line is cut too).
 */
export function wrapText(text: string, width: number, size: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let cut = false;
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i]!;
    if (textWidth(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = words[i]!;
    if (lines.length === maxLines) {
      cut = true;
      break;
    }
  }
  if (!cut && line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    cut = true;
  }
  const last = lines.length - 1;
  if (last >= 0 && (cut || textWidth(lines[last]!, size) > width)) {
    let s = lines[last]!;
    while (s.length > 1 && textWidth(`${s}…`, size) > width) s = s.slice(0, -1).trimEnd();
    lines[last] = `${s}…`;
  }
  return lines;
}

const text = (
  x: number,
  y: number,
  content: string,
  o: { size: number; anchor?: 'start' | 'middle' | 'end'; bold?: boolean; fill?: string } = { size: 14 },
) =>
  `<text x="${r(x)}" y="${r(y)}" font-family="${CHART_FONT}" font-size="${o.size}"${
    o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : ''
  }${o.bold ? ' font-weight="bold"' : ''} fill="${o.fill ?? '#222'}">${escapeXml(content)}</text>`;

const r = (n: number) => String(Math.round(n * 10) / 10);

function frame(width: number, height: number, body: string[]): Svg {
  return {
    width,
    height,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#ffffff"/>${body.join('')}</svg>`,
  };
}

/** The legend, rows of swatches under the title (none for a single series: the title names it). */
function legend(
  series: readonly Series[],
  x: number,
  y: number,
  width: number,
): { parts: string[]; height: number } {
  if (series.length < 2) return { parts: [], height: 0 };
  const parts: string[] = [];
  let cx = x;
  let cy = y;
  for (const [i, s] of series.entries()) {
    const w = 18 + textWidth(s.name, 14) + 20;
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += 20;
    }
    parts.push(
      `<rect x="${r(cx)}" y="${r(cy - 10)}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>`,
      text(cx + 17, cy, s.name, { size: 14 }),
    );
    cx += w;
  }
  return { parts, height: cy - y + 22 };
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Horizontal grouped bars: a row per category (its name wrapped on the left), a bar per series with its value
 * at the end, the value axis with its ticks and grid at the bottom.
 */
export function barChartSvg(spec: BarChartSpec): Svg {
  const width = spec.width ?? 900;
  const pad = 16;
  const parts: string[] = [text(width / 2, pad + 14, spec.title, { size: 19, anchor: 'middle', bold: true })];
  const lg = legend(spec.series, pad, pad + 44, width - 2 * pad);
  parts.push(...lg.parts);
  const top = pad + 34 + lg.height;
  if (!spec.categories.length || !spec.series.length) {
    parts.push(text(width / 2, top + 40, spec.emptyText ?? '', { size: 14, anchor: 'middle', fill: '#555' }));
    return frame(width, top + 70, parts);
  }
  const labelW = Math.min(300, Math.round(width * 0.34));
  const plotX = pad + labelW + 8;
  const plotW = width - plotX - pad - 60;
  const barH = 16;
  const gap = 4;
  const rowH = Math.max(40, spec.series.length * (barH + gap) + 12);
  const values = spec.series.flatMap((s) => s.values.filter(finite));
  const ticks = niceTicks(Math.max(0, ...values), spec.unit);
  const maxTick = ticks.at(-1)!;
  const xOf = (v: number) => plotX + (Math.max(0, Math.min(v, maxTick)) / maxTick) * plotW;
  const plotH = spec.categories.length * rowH;
  for (const t of ticks) {
    const x = xOf(t);
    parts.push(
      `<line x1="${r(x)}" y1="${r(top)}" x2="${r(x)}" y2="${r(top + plotH)}" stroke="#d0d0d0" stroke-width="1"/>`,
      text(x, top + plotH + 16, valueLabel(t, spec.unit), { size: 13, anchor: 'middle', fill: '#444' }),
    );
  }
  for (const [i, name] of spec.categories.entries()) {
    const y0 = top + i * rowH;
    const lines = wrapText(name, labelW, 14, 2);
    const mid = y0 + rowH / 2;
    lines.forEach((l, j) =>
      parts.push(
        text(plotX - 8, mid + 4 + (j - (lines.length - 1) / 2) * 16, l, { size: 14, anchor: 'end' }),
      ),
    );
    const block = spec.series.length * (barH + gap) - gap;
    spec.series.forEach((s, j) => {
      const v = s.values[i];
      const y = mid - block / 2 + j * (barH + gap);
      if (!finite(v)) {
        parts.push(text(plotX + 4, y + barH - 3, '—', { size: 13, fill: '#777' }));
        return;
      }
      const w = Math.max(v > 0 ? 1 : 0, xOf(v) - plotX);
      parts.push(
        `<rect x="${r(plotX)}" y="${r(y)}" width="${r(w)}" height="${barH}" fill="${PALETTE[j % PALETTE.length]}"/>`,
        text(plotX + w + 4, y + barH - 3, valueLabel(v, spec.unit), { size: 13, fill: '#222' }),
      );
    });
  }
  parts.push(
    `<line x1="${r(plotX)}" y1="${r(top)}" x2="${r(plotX)}" y2="${r(top + plotH)}" stroke="#222" stroke-width="1"/>`,
    `<line x1="${r(plotX)}" y1="${r(top + plotH)}" x2="${r(plotX + plotW)}" y2="${r(top + plotH)}" stroke="#222" stroke-width="1"/>`,
  );
  return frame(width, Math.round(top + plotH + 30), parts);
}

/**
 * Lines over the labels: value axis on the left with its ticks and grid, a point and its value at each known
 * value; an unknown value breaks the line.
 */
export function lineChartSvg(spec: LineChartSpec): Svg {
  const width = spec.width ?? 900;
  const height = spec.height ?? 420;
  const pad = 16;
  const parts: string[] = [text(width / 2, pad + 14, spec.title, { size: 19, anchor: 'middle', bold: true })];
  const lg = legend(spec.series, pad + 50, pad + 44, width - 2 * pad - 50);
  parts.push(...lg.parts);
  const top = pad + 40 + lg.height;
  const values = spec.series.flatMap((s) => s.values.filter(finite));
  if (!spec.labels.length || !values.length) {
    parts.push(text(width / 2, top + 40, spec.emptyText ?? '', { size: 14, anchor: 'middle', fill: '#555' }));
    return frame(width, top + 70, parts);
  }
  const plotX = pad + 56;
  const plotW = width - plotX - pad - 20;
  const plotH = Math.max(120, height - top - 40);
  const ticks = niceTicks(Math.max(0, ...values), spec.unit);
  const maxTick = ticks.at(-1)!;
  const yOf = (v: number) => top + plotH - (Math.max(0, Math.min(v, maxTick)) / maxTick) * plotH;
  const n = spec.labels.length;
  // The first and last points stand off the axes so that their labels stay clear of them.
  const inset = 24;
  const xOf = (i: number) =>
    plotX + inset + (n === 1 ? (plotW - 2 * inset) / 2 : (i / (n - 1)) * (plotW - 2 * inset));
  for (const t of ticks) {
    const y = yOf(t);
    parts.push(
      `<line x1="${r(plotX)}" y1="${r(y)}" x2="${r(plotX + plotW)}" y2="${r(y)}" stroke="#d0d0d0" stroke-width="1"/>`,
      text(plotX - 6, y + 4, valueLabel(t, spec.unit), { size: 13, anchor: 'end', fill: '#444' }),
    );
  }
  // Every label when they fit, else every k-th.
  const every = Math.max(1, Math.ceil((n * 60) / plotW));
  spec.labels.forEach((l, i) => {
    if (i % every === 0 || i === n - 1)
      parts.push(text(xOf(i), top + plotH + 18, l, { size: 13, anchor: 'middle', fill: '#444' }));
  });
  const polylines: string[] = [];
  const points: string[] = [];
  spec.series.forEach((s, j) => {
    const colour = PALETTE[j % PALETTE.length];
    const runs: string[][] = [];
    let current: string[] = [];
    s.values.slice(0, n).forEach((v, i) => {
      if (!finite(v)) {
        if (current.length) runs.push(current);
        current = [];
        return;
      }
      current.push(`${r(xOf(i))},${r(yOf(v))}`);
      points.push(
        `<circle cx="${r(xOf(i))}" cy="${r(yOf(v))}" r="3.5" fill="${colour}"/>`,
        text(xOf(i), yOf(v) - 8, valueLabel(v, spec.unit), { size: 12, anchor: 'middle', fill: colour }),
      );
    });
    if (current.length) runs.push(current);
    for (const run of runs)
      if (run.length > 1)
        polylines.push(
          `<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="2.5"/>`,
        );
  });
  parts.push(...polylines, ...points);
  parts.push(
    `<line x1="${r(plotX)}" y1="${r(top)}" x2="${r(plotX)}" y2="${r(top + plotH)}" stroke="#222" stroke-width="1"/>`,
    `<line x1="${r(plotX)}" y1="${r(top + plotH)}" x2="${r(plotX + plotW)}" y2="${r(top + plotH)}" stroke="#222" stroke-width="1"/>`,
  );
  return frame(width, Math.round(top + plotH + 30), parts);
}
