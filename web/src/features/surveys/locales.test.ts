import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './page-locales/en.json';
import vi from './page-locales/vi.json';
import navEn from './locales/en.json';
import navVi from './locales/vi.json';

type Tree = { [k: string]: string | Tree };
const flat = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flat(v, `${prefix}${k}.`)));
/** A key without its plural suffix (English has _one/_other, Vietnamese one form). */
const base = (k: string) => k.replace(/_(one|other)$/, '');

/** The static text keys the pages use: `t('surveys.…')` and the short helpers bound to a prefix. */
function usedKeys(): string[] {
  const dir = import.meta.dirname;
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter(
    (f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'),
  );
  const helpers: Record<string, string> = {
    B: 'surveys.builder.',
    T: 'surveys.targets.',
    I: 'surveys.invitations.',
    C: 'surveys.builder.condition.',
  };
  const out = new Set<string>();
  for (const f of files) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/\bt\(\s*'(surveys\.[^']+)'/g)) out.add(m[1]!);
    for (const [h, prefix] of Object.entries(helpers))
      if (new RegExp(`const ${h} = \\(k: string`).test(src))
        for (const m of src.matchAll(new RegExp(`\\b${h}\\(\\s*'([^']+)'`, 'g'))) out.add(prefix + m[1]!);
  }
  return [...out];
}

describe('the survey pages texts', () => {
  it('has the same texts in Vietnamese and English', () => {
    expect([...new Set(flat(en as Tree).map(base))].sort()).toEqual(
      [...new Set(flat(vi as Tree).map(base))].sort(),
    );
    expect(flat(navEn as Tree)).toEqual(flat(navVi as Tree));
  });

  it('has every text the pages use, in both languages', () => {
    const keys = usedKeys();
    expect(keys.length).toBeGreaterThan(200);
    for (const lang of [vi, en]) {
      const known = new Set(flat(lang as Tree).map(base));
      expect(keys.filter((k) => !known.has(k))).toEqual([]);
    }
  });

  it('writes no internal path or table name where people read', () => {
    const values = (t: Tree): string[] =>
      Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));
    for (const text of [...values(vi as Tree), ...values(en as Tree)]) {
      expect(text).not.toMatch(/\w\[\d+\]|survey_(targets|responses|invitations|versions)/);
      expect(text.trim()).not.toBe('');
    }
  });
});
