import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import vi from './locales/vi.json';

// server/web-texts.test.ts reads features/<name>/locales only; this sub-folder's texts are checked here.
type Messages = { [key: string]: string | Messages };
const leaves = (m: Messages, at = ''): [string, string][] =>
  Object.entries(m).flatMap(([k, v]) =>
    typeof v === 'string' ? [[at + k, v] as [string, string]] : leaves(v, `${at}${k}.`),
  );
/** English plural forms (`key_one`, `key_other`) are the one Vietnamese key (Vietnamese has no plural). */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('the inspection settings page’s texts', () => {
  it('exist in Vietnamese and English with the same placeholders', () => {
    const english = leaves(en);
    const byBase = new Map(english.map(([k, v]) => [base(k), v]));
    const vietnamese = leaves(vi);
    for (const [k, v] of vietnamese) {
      expect(byBase.get(k), `${k} has no English`).toBeTypeOf('string');
      for (const [ek, ev] of english.filter(([ek]) => base(ek) === k))
        expect(placeholders(ev), ek).toEqual(placeholders(v));
    }
    const keys = new Set(vietnamese.map(([k]) => k));
    expect(english.map(([k]) => base(k)).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('name every rule, its unit and its section', () => {
    const rules = vi.inspectionSettings.rules;
    for (const field of Object.keys(rules.hints)) expect(rules.labels).toHaveProperty(field);
    expect(Object.keys(rules.units).sort()).toEqual(Object.keys(rules.values).sort());
  });
});
