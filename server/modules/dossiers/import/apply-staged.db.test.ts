import { sql } from 'drizzle-orm';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type RequestContext } from '../../../core/context.js';
import { rows as sqlRows } from '../../../db/client.js';
import { testApp, type TestApp } from '../../../test/harness.js';
import { loadActor } from '../../access/access.service.js';
import { findUserByEmail } from '../../users/users.service.js';
import { ensureCatalogue, generatorInput } from '../dossiers-seed.service.js';
import { upsertDossiers } from '../dossiers.service.js';
import { CSV_HEADER, dossierCsvLine, generateDossiers, type GeneratedDossier } from '../generator.js';
import {
  contributionDelta,
  COUNTERS,
  expandGrains,
  mergeDeltas,
  unpackContribution,
  type Counter,
} from '../rollup.js';
import { COLUMN } from '../rollup-sql.js';
import { runImport, startImport } from './dossiers-import.service.js';

let t: TestApp;
let ctx: RequestContext;
let generated: GeneratedDossier[];

beforeAll(async () => {
  t = await testApp();
  const base = systemContext(t.database.db);
  const officer = await findUserByEmail(base, 'thuongtruc@chidao.demo');
  ctx = { ...base, actor: await loadActor(t.database.db, officer!) };
  const { options } = await generatorInput(t.database.db, { from: '2024-10-01', to: '2025-09-30', seed: 7 });
  await ensureCatalogue(ctx, options.catalogue);
  generated = [...generateDossiers({ ...options, rows: 3000 })];
}, 300_000);
afterAll(() => t?.close());

const csv = (list: readonly GeneratedDossier[]) =>
  Buffer.from([CSV_HEADER.join(','), ...list.map(dossierCsvLine)].join('\n') + '\n', 'utf8');

async function importFile(name: string, content: Buffer) {
  const { job } = await startImport(ctx, t.app.fileStore, {
    maxBytes: t.app.config.dossierImportMaxBytes,
    content: Readable.from([content]),
    fileName: name,
  });
  return runImport({ db: t.database.db, store: t.app.fileStore }, job.id);
}

/** The buckets as stored (zero rows left by subtractions ignored), keyed grain|unit|procedure|day. */
async function storedBuckets(): Promise<Map<string, Partial<Record<Counter, number>>>> {
  const found = await sqlRows<Record<string, string | number>>(
    t.database.db,
    sql.raw(`SELECT grain, unit_id, procedure_id, to_char(day, 'YYYY-MM-DD') AS day,
                    ${COUNTERS.map((c) => COLUMN[c]).join(', ')} FROM dossier_rollups`),
  );
  const out = new Map<string, Partial<Record<Counter, number>>>();
  for (const r of found) {
    const counters = Object.fromEntries(
      COUNTERS.map((c) => [c, Number(r[COLUMN[c]])]).filter(([, v]) => v !== 0),
    ) as Partial<Record<Counter, number>>;
    if (Object.keys(counters).length) out.set(`${r.grain}|${r.unit_id}|${r.procedure_id}|${r.day}`, counters);
  }
  return out;
}

/** What the buckets must hold: every stored dossier's contribution, expanded to every grain (rollup.ts). */
async function expectedBuckets(): Promise<Map<string, Partial<Record<Counter, number>>>> {
  const stored = await sqlRows<{
    unit_id: string;
    procedure_id: string;
    contrib_day: string[] | string;
    contrib_counter: number[] | string;
    contrib_value: number[] | string;
  }>(
    t.database.db,
    sql`SELECT unit_id, procedure_id, contrib_day::text[] AS contrib_day, contrib_counter, contrib_value FROM dossiers`,
  );
  const deltas = stored.flatMap((d) =>
    contributionDelta(
      null,
      unpackContribution(d.unit_id, d.procedure_id, {
        contribDay: d.contrib_day as string[],
        contribCounter: (d.contrib_counter as number[]).map(Number),
        contribValue: (d.contrib_value as number[]).map(Number),
      }),
    ),
  );
  return new Map(
    expandGrains(mergeDeltas(deltas)).map((g) => [
      `${g.grain}|${g.unitId}|${g.procedureId}|${g.day}`,
      g.counters,
    ]),
  );
}

describe('the set-wise apply of a file import keeps the rollups equal to the stored contributions', () => {
  it('a first import: every bucket at every grain is the sum of the new dossiers', async () => {
    const job = await importFile('nam-2025.csv', csv(generated));
    expect(job).toMatchObject({ status: 'done', created: 3000, updated: 0 });
    expect(await storedBuckets()).toEqual(await expectedBuckets());
  }, 300_000);

  it('a corrected export: changed dossiers are subtracted and added again (one moved to another unit), the rest untouched', async () => {
    const moved = generated.find((d) => d.unitCode !== generated[0]!.unitCode && d.receivedAt > '2025-07')!;
    const target = generated.find((d) => d.receivedAt > '2025-07' && d.unitCode !== moved.unitCode)!;
    const corrected = generated.map((d, i) => {
      if (d === moved) return { ...d, unitCode: target.unitCode, unitId: target.unitId };
      if (i % 7 === 0 && d.status === 'processing')
        return {
          ...d,
          status: 'resolved' as const,
          resolvedAt: new Date(Date.parse(d.receivedAt) + 3 * 86_400_000).toISOString(),
        };
      if (i % 11 === 0) return { ...d, digitised: !d.digitised, channel: 'online' as const };
      return d;
    });
    const changed = corrected.filter((d, i) => JSON.stringify(d) !== JSON.stringify(generated[i])).length;
    const job = await importFile('nam-2025-dieu-chinh.csv', csv(corrected));
    expect(job?.status, JSON.stringify(job?.errors.slice(0, 3))).toBe('done');
    expect(job!.created).toBe(0);
    expect(job!.updated).toBeGreaterThan(0);
    expect(job!.updated).toBeLessThanOrEqual(changed);
    expect(job!.updated + job!.unchanged).toBe(3000);
    expect(await storedBuckets()).toEqual(await expectedBuckets());
    // The journal keeps what changed, before and after.
    const journal = await sqlRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_journal WHERE entity = 'dossier_batch' AND after ->> 'importId' = ${job!.id}`,
    );
    expect(Number(journal[0]!.n)).toBeGreaterThan(0);
  }, 300_000);

  it('the row-by-row path (HTTP ingest) and the set-wise one write the same buckets', async () => {
    const some = generated.slice(0, 40).map((d) => ({
      ...d,
      unitId: d.unitId,
      rating: 'not_satisfied' as const,
      complained: true,
    }));
    const r = await upsertDossiers(
      ctx,
      some.map(({ unitCode: _u, ...d }) => d),
    );
    expect(r.updated).toBeGreaterThan(0);
    expect(await storedBuckets()).toEqual(await expectedBuckets());
  }, 300_000);
});
