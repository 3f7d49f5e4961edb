/**
 * How the rules name what they talk about, in both languages (Vietnamese first), and the shape of a problem.
 * Pure.
 *
 * A framework's codes say their level (QĐ 876/QĐ-BNV and the provinces' sets number them so): "1" a field
 * (lĩnh vực), "1.2" a criterion (tiêu chí), "1.2.3" a sub-criterion (tiêu chí thành phần), "B1" a bonus item
 * (điểm thưởng), "P1" a penalty item (điểm trừ).
 */
import type { Text } from './framework-types.js';

/** What is wrong, where (an item code, "gradeBands[2]", "bonusCap", a deadline's name…), said to an officer. */
export type Problem<P extends string = string> = { at: string; problem: P; message: Text };

export type CodeLevel = 'field' | 'criterion' | 'sub' | 'bonus' | 'penalty';

const LEVEL_PATTERNS: readonly [CodeLevel, RegExp][] = [
  ['field', /^[1-9]\d*$/],
  ['criterion', /^[1-9]\d*\.[1-9]\d*$/],
  ['sub', /^[1-9]\d*\.[1-9]\d*\.[1-9]\d*$/],
  ['bonus', /^B[1-9]\d*$/],
  ['penalty', /^P[1-9]\d*$/],
];

/** The level a well-formed code names; null for anything else ("1.0", "01", "b1", "1.2.3.4"). */
export function levelOf(code: string): CodeLevel | null {
  for (const [level, pattern] of LEVEL_PATTERNS) if (pattern.test(code)) return level;
  return null;
}

const LEVEL_NAMES: Record<CodeLevel, Text> = {
  field: { vi: 'lĩnh vực', en: 'field' },
  criterion: { vi: 'tiêu chí', en: 'criterion' },
  sub: { vi: 'tiêu chí thành phần', en: 'sub-criterion' },
  bonus: { vi: 'điểm thưởng', en: 'bonus item' },
  penalty: { vi: 'điểm trừ', en: 'penalty item' },
};

/** "lĩnh vực 1", "tiêu chí 1.2", "tiêu chí thành phần 1.2.3", "điểm thưởng B1" (and English); "mục X" otherwise. */
export function itemLabel(code: string): Text {
  const level = levelOf(code);
  if (!level) return { vi: `mục ${code}`, en: `item ${code}` };
  const name = LEVEL_NAMES[level];
  return { vi: `${name.vi} ${code}`, en: `${name.en} ${code}` };
}

/**
 * How a score names its item to the unit and the council: every scored item is a "tiêu chí" to them ("Điểm tối
 * đa của tiêu chí 3.2.1 là 1,5"), bonus and penalty items are "mục điểm thưởng B1", "mục điểm trừ P1".
 */
export function scoreLabel(code: string): Text {
  if (/^B\d+$/.test(code)) return { vi: `mục điểm thưởng ${code}`, en: `bonus item ${code}` };
  if (/^P\d+$/.test(code)) return { vi: `mục điểm trừ ${code}`, en: `penalty item ${code}` };
  return { vi: `tiêu chí ${code}`, en: `criterion ${code}` };
}

/** The first letter in upper case (a label opening a sentence). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Framework codes in reading order: "1.2" before "1.10", fields before bonus before penalty items; anything
 * else after, alphabetically.
 */
export function compareCodes(a: string, b: string): number {
  const rank = (c: string) => (/^\d/.test(c) ? 0 : c.startsWith('B') ? 1 : c.startsWith('P') ? 2 : 3);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  const pa = a.replace(/^[BP]/, '').split('.');
  const pb = b.replace(/^[BP]/, '').split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isFinite(nx) && Number.isFinite(ny) && nx !== ny) return nx - ny;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
