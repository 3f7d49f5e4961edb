import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemContext, type RequestContext } from '../../core/context.js';
import type { Database } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';
import { importGso } from './gso-import.service.js';
import { unitsCommand } from './units.cli.js';

let database: Database;
let drop: () => Promise<void>;
let ctx: RequestContext;

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  ctx = systemContext(database.db);
  await importGso(ctx, { province: '40' });
}, 300_000);
afterAll(() => drop());

/** Runs `chidao units …` and returns its exit code and what it printed. */
async function run(...args: string[]) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  try {
    const code = await unitsCommand(args, ctx);
    return { code, out: out.join('\n') };
  } finally {
    log.mockRestore();
  }
}

type Listed = {
  code: string;
  fullName: string;
  validFrom: string;
  validTo: string | null;
  knownSince: string | null;
};

describe("chidao units list --as-of … --within 40 --kind district (the issue's check)", () => {
  it('lists 21 district-level units of Nghệ An on 1/6/2024 (Thị xã Cửa Lò among them)', async () => {
    const r = await run('list', '--as-of', '2024-06-01', '--within', '40', '--kind', 'district', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Listed[];
    expect(list).toHaveLength(21);
    expect(list.find((u) => u.code === '413')).toMatchObject({
      fullName: 'Thị xã Cửa Lò',
      validTo: '2024-11-30',
      knownSince: '2017-10-15',
    });
  });

  it('lists 20 on 1/1/2025 (Cửa Lò absorbed into Thành phố Vinh on 1/12/2024)', async () => {
    const r = await run('list', '--as-of', '2025-01-01', '--within', '40', '--kind', 'district', '--json');
    const list = JSON.parse(r.out) as Listed[];
    expect(list).toHaveLength(20);
    expect(list.map((u) => u.code)).not.toContain('413');
  });

  it('prints the honest start and a count without --json', async () => {
    const r = await run('list', '--as-of', '2024-06-01', '--within', '40', '--kind', 'district');
    expect(r.out).toContain('21 units in force on 2024-06-01.');
    expect(r.out).toMatch(
      /413 +district +Thị xã Cửa Lò +before 2017-10-15 \(founding date unknown\) – 2024-11-30/,
    );
    expect(r.out).not.toContain('1900');
  });

  it('units lineage 413 names the absorption, its date and its legal basis', async () => {
    const r = await run('lineage', '413', '--as-of', '2024-06-01');
    expect(r.out).toContain('→ absorb 2024-12-01: Thành phố Vinh (412)');
    expect(r.out).toContain('1243/NQ-UBTVQH15');
  });
});
