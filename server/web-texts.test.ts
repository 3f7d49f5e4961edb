/**
 * The web's texts: the shell's (`web/src/locales/`) and each feature's own (`features/<name>/locales/`, or a
 * sub-folder's own `locales/`, as `web/src/lib/i18n.ts` finds them).
 * Every text exists in Vietnamese and English with the same placeholders, and no key is declared by two
 * files (i18n.ts merges them and would refuse it at start).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = { [key: string]: string | Messages };
const src = path.resolve(import.meta.dirname, '../web/src');
const files = (lang: 'vi' | 'en') => [
  path.join(src, 'locales', `${lang}.json`),
  ...fs
    .readdirSync(path.join(src, 'features'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(path.join('locales', `${lang}.json`)))
    .map((f) => path.join(src, 'features', f))
    .sort(),
];
const leaves = (m: Messages, at = ''): [string, string][] =>
  Object.entries(m).flatMap(([k, v]) =>
    typeof v === 'string' ? [[at + k, v] as [string, string]] : leaves(v, `${at}${k}.`),
  );
const all = (lang: 'vi' | 'en') =>
  files(lang).flatMap((f) =>
    leaves(JSON.parse(fs.readFileSync(f, 'utf8')) as Messages).map(([k, v]) => ({ k, v, f })),
  );
/** English plural forms (`key_one`, `key_other`) are the one Vietnamese key (Vietnamese has no plural). */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('web texts', () => {
  it('every feature with texts has both languages', () => {
    expect(files('vi').map((f) => f.replace('/vi.json', ''))).toEqual(
      files('en').map((f) => f.replace('/en.json', '')),
    );
    expect(files('vi').length).toBeGreaterThan(10);
  });

  it('every text exists in Vietnamese and English with the same placeholders, each key once', () => {
    const vi = all('vi');
    const en = new Map(all('en').map((x) => [base(x.k), x.v]));
    const seen = new Set<string>();
    for (const { k, v } of vi) {
      expect(seen.has(k), `${k} declared twice`).toBe(false);
      seen.add(k);
      expect(en.get(k), `${k} has no English`).toBeTypeOf('string');
      expect(placeholders(en.get(k)!), k).toEqual(placeholders(v));
    }
    expect([...en.keys()].filter((k) => !seen.has(k))).toEqual([]);
  });
});
