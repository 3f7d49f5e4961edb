import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '../paths.js';
import { readJournal } from './migration-status.js';

describe('migrations folder', () => {
  it('journal timestamps only increase (Drizzle silently skips a migration older than the last applied)', () => {
    const { entries } = readJournal();
    for (let i = 1; i < entries.length; i++)
      expect(entries[i]!.when, entries[i]!.tag).toBeGreaterThan(entries[i - 1]!.when);
  });
  it('every journal entry has its SQL file and every SQL file is in the journal', () => {
    const tags = readJournal()
      .entries.map((e) => `${e.tag}.sql`)
      .sort();
    const files = fs
      .readdirSync(migrationsFolder)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(files).toEqual(tags);
    for (const f of files) expect(fs.statSync(path.join(migrationsFolder, f)).size).toBeGreaterThan(0);
  });
});
