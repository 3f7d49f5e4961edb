import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import vi from './locales/vi.json';

// server/web-texts.test.ts reads features/<name>/locales only; this sub-folder's texts are checked here.
type Messages = { [key: string]: string | Messages };
const leaves = (m: Messages, at = ''): [string, string][] =>
  Object.entries(m).flatMap(([k, v]) =>
    typeof v === 'string' ? [[at + k, v] as [string, string]] : leaves(v, `${at}${k}.`),
  );
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('the self-inspection pages’ texts', () => {
  it('exist in Vietnamese and English with the same placeholders', () => {
    const english = new Map(leaves(en));
    const vietnamese = leaves(vi);
    for (const [k, v] of vietnamese) {
      expect(english.get(k), `${k} has no English`).toBeTypeOf('string');
      expect(placeholders(english.get(k)!), k).toEqual(placeholders(v));
    }
    expect(english.size).toBe(vietnamese.length);
  });
});
