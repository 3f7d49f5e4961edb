/**
 * Where the server's problems with a definition belong in the builder. The server names a problem by a path into
 * the definition it checked ("sections[1].items[0].choices[2]", sometimes prefixed "definition.") and often by the
 * question's code; the builder shows each next to the section or question it names — never the path itself —
 * and the rest (the title, the scales, the index formulas) above the editor. Pure, tested in ./problems.test.ts.
 */
import type { Draft } from './definition';

/** A problem as it comes: the survey's own `problems` (both languages) or a 400's `details` (one language). */
export type IncomingProblem = {
  at?: string;
  field?: string;
  item?: string;
  message: string | { vi: string; en: string };
};

/** Messages by the section's or question's uid, and `general` for the others. */
export type Placed = Map<string, string[]>;

export const GENERAL = 'general';

const messageIn = (m: IncomingProblem['message'], lang: 'vi' | 'en') =>
  typeof m === 'string' ? m : lang === 'en' && m.en.trim() ? m.en : m.vi;

export function placeProblems(draft: Draft, problems: readonly IncomingProblem[], lang: 'vi' | 'en'): Placed {
  const byCode = new Map<string, string>();
  for (const section of draft.sections)
    for (const item of section.items) {
      byCode.set(item.code, item.uid);
      if (item.kind === 'matrix')
        for (const r of item.rows) if (!byCode.has(r.code)) byCode.set(r.code, item.uid);
    }
  const out: Placed = new Map();
  const put = (key: string, message: string) => {
    const list = out.get(key) ?? [];
    if (!list.includes(message)) list.push(message);
    out.set(key, list);
  };
  for (const p of problems) {
    const message = messageIn(p.message, lang);
    const path = (p.at ?? p.field ?? '').replace(/^definition\./, '');
    const m = /^sections\[(\d+)\](?:\.items\[(\d+)\])?/.exec(path);
    if (m) {
      const section = draft.sections[Number(m[1])];
      const item = m[2] !== undefined ? section?.items[Number(m[2])] : undefined;
      const key = item?.uid ?? (m[2] === undefined ? section?.uid : undefined);
      if (key) {
        put(key, message);
        continue;
      }
    }
    const code = p.item ?? (byCode.has(path) ? path : undefined);
    const uid = code ? byCode.get(code) : undefined;
    put(uid ?? GENERAL, message);
  }
  return out;
}

/** How many problems were placed on rows (the rest are `general`). */
export function placedOnRows(placed: Placed): number {
  let n = 0;
  for (const [key, list] of placed) if (key !== GENERAL) n += list.length;
  return n;
}

/**
 * Where a problem of an uploaded workbook is, from the detail's `field`: "<sheet>!<row>[ <column>]" (the layout the
 * server's workbooks use), "row 12" / "dòng 12", or a bare row number. Anything else: no place (the message says it).
 */
export function workbookPlace(field: string): {
  sheet: string | null;
  row: number | null;
  column: string | null;
} {
  const f = field.trim();
  const m = /^(.+?)!(\d+)(?:\s+(.+))?$/.exec(f);
  if (m) return { sheet: m[1]!.trim(), row: Number(m[2]), column: m[3]?.trim() || null };
  const r = /^(?:row\s*|dòng\s*|rows\[)?(\d+)\]?$/i.exec(f);
  if (r) return { sheet: null, row: Number(r[1]), column: null };
  return { sheet: null, row: null, column: null };
}
