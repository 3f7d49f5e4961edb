/**
 * Patterns that suggest ballot stuffing, shown to the officer as flags. Pure.
 *
 * Anonymous surveys can be stuffed (a unit filling in its own satisfaction forms), and a respondent may click
 * through without reading. With no identity to check, chidao looks for patterns and **only flags them**: nothing
 * is dropped or excluded here — the officer looks, and decides through the survey's own records. A flag names
 * the unit, channel and time bucket and counts the responses; it carries the responses' anonymous ids (so that
 * the officer can open them), never anything about a person.
 *
 * - `identical_answers`: at least `minIdentical` (default 3) responses with the very same answers (every item,
 *   as stored by ./answers.ts `normaliseAnswers`) for the same unit and channel in the same coarse time bucket
 *   (./anonymity.ts). Two alike are common on short forms ("hài lòng" everywhere); three in one bucket is the
 *   usual signal. The default is a setting, not a published rule [?].
 * - `straight_lining`: a response rating every matrix row it answered with the same level, over at least
 *   `minStraightRows` rows (default 5) across all its matrices ("không ý kiến" not counted).
 * - `too_fast`: a response completed in fewer seconds than reading its answers needs: `secondsPerItem`
 *   (default 2) for each answered item and each answered matrix row, or the item's own minimum
 *   (`secondsByItem`, per row for a matrix). Only responses whose duration the caller measured are checked.
 */
import { canonicalJson, type NormalisedAnswers } from './answers.js';
import { flattenItems, type SurveyDefinition } from './definition.js';
import { isObject, nums, type Text } from './text.js';

export type PatternResponse = {
  /** The response's anonymous id. */
  id: string;
  unit: string;
  channel?: string | null;
  /** The coarse time bucket (./anonymity.ts `coarsenTimestamp`). */
  bucket?: string | null;
  answers: Readonly<NormalisedAnswers>;
  /** Seconds from opening the form to sending it, when measured. */
  durationSeconds?: number | null;
};

export type PatternOptions = {
  minIdentical?: number;
  minStraightRows?: number;
  secondsPerItem?: number;
  secondsByItem?: Readonly<Record<string, number>>;
};

export const DEFAULT_MIN_IDENTICAL = 3;
export const DEFAULT_MIN_STRAIGHT_ROWS = 5;
export const DEFAULT_SECONDS_PER_ITEM = 2;

export const PATTERN_KINDS = ['identical_answers', 'straight_lining', 'too_fast'] as const;
export type PatternKind = (typeof PATTERN_KINDS)[number];

export type PatternFlag = {
  kind: PatternKind;
  unit: string;
  channel: string | null;
  /** The time bucket for `identical_answers`; null for the others (counted over the whole period). */
  bucket: string | null;
  count: number;
  responseIds: string[];
  message: Text;
};

export type PatternReport = {
  responses: number;
  /** Responses with at least one flag. */
  flagged: number;
  /** Responses flagged, by kind. */
  byKind: Record<PatternKind, number>;
  flags: PatternFlag[];
};

const SEP = '\u0000';

/** Every flag over a set of responses (typically one survey's period); nothing is removed. */
export function findDuplicatePatterns(
  def: SurveyDefinition,
  responses: Iterable<PatternResponse>,
  options: PatternOptions = {},
): PatternReport {
  const minIdentical = options.minIdentical ?? DEFAULT_MIN_IDENTICAL;
  const minStraight = options.minStraightRows ?? DEFAULT_MIN_STRAIGHT_ROWS;
  const perItem = options.secondsPerItem ?? DEFAULT_SECONDS_PER_ITEM;
  const byItem = options.secondsByItem ?? {};
  if (!Number.isInteger(minIdentical) || minIdentical < 2)
    throw new RangeError(`minIdentical must be a whole number ≥ 2 (got ${minIdentical})`);
  if (!Number.isInteger(minStraight) || minStraight < 2)
    throw new RangeError(`minStraightRows must be a whole number ≥ 2 (got ${minStraight})`);
  if (!(perItem >= 0)) throw new RangeError(`secondsPerItem must be ≥ 0 (got ${perItem})`);

  const items = flattenItems(def).map((p) => p.item);
  const matrices = items.filter((i) => i.kind === 'matrix').map((i) => i.code);
  const minSeconds = (code: string) => (Object.hasOwn(byItem, code) ? byItem[code]! : perItem);

  const identical = new Map<
    string,
    { unit: string; channel: string | null; bucket: string | null; ids: string[] }
  >();
  const straight = new Map<string, { unit: string; channel: string | null; ids: string[] }>();
  const fast = new Map<string, { unit: string; channel: string | null; ids: string[] }>();
  let count = 0;

  for (const r of responses) {
    count++;
    const channel = r.channel ?? null;
    const bucket = r.bucket ?? null;
    const place = `${r.unit}${SEP}${channel ?? ''}`;

    const key = `${place}${SEP}${bucket ?? ''}${SEP}${canonicalJson(r.answers)}`;
    const same = identical.get(key);
    if (same) same.ids.push(r.id);
    else identical.set(key, { unit: r.unit, channel, bucket, ids: [r.id] });

    let first: unknown = undefined;
    let rows = 0;
    let allSame = true;
    for (const code of matrices) {
      const v = r.answers[code];
      if (!isObject(v)) continue;
      for (const cell of Object.values(v)) {
        if (cell === 'na' || cell === null || cell === undefined) continue;
        if (rows === 0) first = cell;
        else if (cell !== first) allSame = false;
        rows++;
      }
    }
    if (allSame && rows >= minStraight) push(straight, place, r.unit, channel, r.id);

    if (typeof r.durationSeconds === 'number' && Number.isFinite(r.durationSeconds)) {
      let needed = 0;
      for (const item of items) {
        const v = r.answers[item.code];
        if (v === undefined) continue;
        const each = minSeconds(item.code);
        needed += item.kind === 'matrix' && isObject(v) ? each * Object.keys(v).length : each;
      }
      if (r.durationSeconds < needed) push(fast, place, r.unit, channel, r.id);
    }
  }

  const flags: PatternFlag[] = [];
  for (const g of identical.values())
    if (g.ids.length >= minIdentical)
      flags.push(flag('identical_answers', g.unit, g.channel, g.bucket, g.ids, minIdentical, minStraight));
  for (const g of straight.values())
    flags.push(flag('straight_lining', g.unit, g.channel, null, g.ids, minIdentical, minStraight));
  for (const g of fast.values())
    flags.push(flag('too_fast', g.unit, g.channel, null, g.ids, minIdentical, minStraight));
  const order = (k: PatternKind) => PATTERN_KINDS.indexOf(k);
  const text = (s: string | null) => s ?? '';
  flags.sort(
    (a, b) =>
      order(a.kind) - order(b.kind) ||
      cmp(a.unit, b.unit) ||
      cmp(text(a.channel), text(b.channel)) ||
      cmp(text(a.bucket), text(b.bucket)),
  );

  const byKind = { identical_answers: 0, straight_lining: 0, too_fast: 0 } as Record<PatternKind, number>;
  const flaggedIds = new Set<string>();
  for (const f of flags) {
    byKind[f.kind] += f.count;
    for (const id of f.responseIds) flaggedIds.add(id);
  }
  return { responses: count, flagged: flaggedIds.size, byKind, flags };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function push(
  map: Map<string, { unit: string; channel: string | null; ids: string[] }>,
  key: string,
  unit: string,
  channel: string | null,
  id: string,
): void {
  const g = map.get(key);
  if (g) g.ids.push(id);
  else map.set(key, { unit, channel, ids: [id] });
}

function flag(
  kind: PatternKind,
  unit: string,
  channel: string | null,
  bucket: string | null,
  ids: string[],
  minIdentical: number,
  minStraight: number,
): PatternFlag {
  const n = nums(ids.length);
  const where = {
    vi: `đơn vị ${unit}${channel ? `, kênh ${channel}` : ''}${bucket ? `, thời gian ${bucket}` : ''}`,
    en: `unit ${unit}${channel ? `, channel ${channel}` : ''}${bucket ? `, time ${bucket}` : ''}`,
  };
  const keep = {
    vi: 'Cần xem xét; không phiếu nào bị loại.',
    en: 'To be reviewed; no response was removed.',
  };
  const message: Text =
    kind === 'identical_answers'
      ? {
          vi: `${n.vi} phiếu có câu trả lời giống hệt nhau (${where.vi}; ngưỡng ${nums(minIdentical).vi}). ${keep.vi}`,
          en: `${n.en} responses with identical answers (${where.en}; threshold ${nums(minIdentical).en}). ${keep.en}`,
        }
      : kind === 'straight_lining'
        ? {
            vi: `${n.vi} phiếu chọn cùng một mức cho mọi tiêu chí (từ ${nums(minStraight).vi} tiêu chí trở lên; ${where.vi}). ${keep.vi}`,
            en: `${n.en} responses rating every criterion alike (${nums(minStraight).en} or more criteria; ${where.en}). ${keep.en}`,
          }
        : {
            vi: `${n.vi} phiếu hoàn thành nhanh hơn thời gian tối thiểu để đọc các câu đã trả lời (${where.vi}). ${keep.vi}`,
            en: `${n.en} responses completed faster than reading their answered questions takes (${where.en}). ${keep.en}`,
          };
  return { kind, unit, channel, bucket, count: ids.length, responseIds: ids, message };
}
