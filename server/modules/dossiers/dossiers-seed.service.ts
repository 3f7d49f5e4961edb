/**
 * Demo dossiers: the generated catalogue and dossiers written through the same path as the HTTP ingest
 * (`upsertDossiers`: validation, rollups, audit), in batches (`chidao seed dossiers`), or through the file
 * import on the first `npm start` (`seedDemoDossiers`, generated in a worker thread); never by the demo seed of
 * the tests (they stay fast).
 */
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemContext, type RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { inlinePool, taskRef, type WorkerPool } from '../../core/jobs/pool.js';
import type { Db } from '../../db/client.js';
import { loadActor } from '../access/access.service.js';
import { Actor } from '../access/actor.js';
import { recordChange } from '../audit/audit.service.js';
import { calendarAdjustments, loadCalendar } from '../calendar/calendar.service.js';
import { addDays } from '../calendar/index.js';
import type { FileStore } from '../files/file-store.js';
import { findByCode, unitsAsOf, unitVersionsOf } from '../units/lineage.service.js';
import { findUserByEmail } from '../users/users.service.js';
import { BATCH_MAX } from './dossiers.schemas.js';
import { upsertDossiers } from './dossiers.service.js';
import { kickImport, startImport } from './import/dossiers-import.service.js';
import { dossierProcedures, dossiers } from './dossiers.table.js';
import {
  generateDossiers,
  procedureCatalogue,
  type CatalogueEntry,
  type GeneratedDossier,
  type GeneratorUnit,
} from './generator.js';
import type * as DemoDossiersTask from './demo-dossiers.task.js';

export const DEMO_PROVINCE_CODE = '40';

/** Every unit under the province at some time in `from..to` (probed on the first of each month, the
 *  first and last day), with its whole validity. */
export async function provinceUnits(
  db: Db,
  from: string,
  to: string,
  provinceCode = DEMO_PROVINCE_CODE,
): Promise<{ provinceId: string; units: GeneratorUnit[] }> {
  const province = await findByCode(db, provinceCode, to, 'province');
  if (!province) throw new Error(`No province with code ${provinceCode} on ${to}.`);
  const probes = new Set<string>([from, to]);
  for (let d = `${from.slice(0, 7)}-01`; d <= to; d = addDays(d, 32).slice(0, 8) + '01')
    if (d >= from) probes.add(d);
  const found = new Map<string, GeneratorUnit>();
  for (const date of probes)
    for (const u of await unitsAsOf(db, { date, withinId: province.id }))
      if (u.kind !== 'province' && !found.has(`${u.id}|${u.code}`))
        found.set(`${u.id}|${u.code}`, {
          id: u.id,
          code: u.code,
          kind: u.kind,
          validFrom: u.validFrom,
          validTo: u.validTo,
        });
  // A renamed unit appears under each of its codes, each valid while that code was in force (the file
  // import finds a unit by the code it had on the receipt day); the generator looks departments up by
  // code, so either name finds it.
  const ids = [...new Set([...found.values()].map((u) => u.id))];
  const units: GeneratorUnit[] = [];
  const versions = new Map<string, Awaited<ReturnType<typeof unitVersionsOf>>>();
  for (const v of await unitVersionsOf(db, ids))
    versions.set(v.unitId, [...(versions.get(v.unitId) ?? []), v]);
  for (const u of found.values()) {
    const windows = (versions.get(u.id) ?? []).filter((v) => v.code === u.code);
    if (!windows.length) {
      units.push(u);
      continue;
    }
    for (const v of windows) {
      const validFrom = v.validFrom > u.validFrom ? v.validFrom : u.validFrom;
      const validTo =
        v.validTo === null ? u.validTo : u.validTo === null || v.validTo < u.validTo ? v.validTo : u.validTo;
      if (validTo === null || validFrom <= validTo) units.push({ ...u, validFrom, validTo });
    }
  }
  return { provinceId: province.id, units };
}

/** Adds the procedures of the catalogue that are missing (by code); returns how many were added. */
export async function ensureCatalogue(
  ctx: RequestContext,
  catalogue: readonly CatalogueEntry[] = procedureCatalogue(),
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const added = await tx
      .insert(dossierProcedures)
      .values(
        catalogue.map((p) => ({
          code: p.code,
          name: p.name,
          field: p.field,
          level: p.level,
          onlineCapability: p.onlineCapability,
          published: p.published,
          timeLimitDays: p.timeLimitDays,
        })),
      )
      .onConflictDoNothing({ target: dossierProcedures.code })
      .returning({ code: dossierProcedures.code });
    // Procedures stored before publication was recorded (migration 0043) get the catalogue's flag; a
    // recorded value is never overwritten.
    const known = catalogue.filter((p) => !added.some((a) => a.code === p.code));
    if (known.length)
      await tx.execute(
        sql`UPDATE dossier_procedures AS p SET published = v.published, version = p.version + 1, updated_at = now()
              FROM (VALUES ${sql.join(
                known.map((k) => sql`(${k.code}::text, ${k.published}::boolean)`),
                sql`, `,
              )}) AS v(code, published)
             WHERE p.code = v.code AND p.published IS NULL`,
      );
    if (added.length)
      await recordChange(
        { ...ctx, db: tx },
        {
          action: 'seed',
          entity: 'dossier_procedure',
          entityId: '00000000-0000-0000-0000-000000000000',
          after: { added: added.length, codes: added.map((a) => a.code) },
        },
      );
    return added.length;
  });
}

export type SeedDossiersOptions = {
  rows: number;
  from: string;
  to: string;
  seed?: number;
  /** Called after each batch with the dossiers written so far. */
  onProgress?: (done: number) => void;
};

/** A writer over the whole province for seeding without a signed-in user. */
const seedActor = (provinceId: string) =>
  new Actor(
    {
      id: '00000000-0000-0000-0000-000000000000',
      email: 'seed@chidao.local',
      fullName: 'chidao seed',
      unitId: null,
    },
    [{ id: '00000000-0000-0000-0000-000000000000', role: 'admin', unitId: provinceId }],
  );

/** The generator's input for a database: calendar, catalogue and the province's units. */
export async function generatorInput(db: Db, o: { from: string; to: string; seed?: number }) {
  const { provinceId, units } = await provinceUnits(db, o.from, o.to);
  return {
    provinceId,
    options: {
      seed: o.seed ?? 2025,
      from: o.from,
      to: o.to,
      asOf: o.to < todayInVietnam() ? o.to : todayInVietnam(),
      units,
      catalogue: procedureCatalogue(),
      calendar: await loadCalendar(db),
    },
  };
}

/**
 * Generates `rows` dossiers of the demo province and writes them in batches through `upsertDossiers`
 * (idempotent by code: running it again with the same options changes nothing).
 */
export async function seedDossiers(
  ctx: RequestContext,
  o: SeedDossiersOptions,
): Promise<{ procedures: number; created: number; updated: number; unchanged: number }> {
  const { provinceId, options } = await generatorInput(ctx.db, o);
  const procedures = await ensureCatalogue(ctx, options.catalogue);
  const writer = ctx.actor ? ctx : { ...ctx, actor: seedActor(provinceId) };
  const totals = { procedures, created: 0, updated: 0, unchanged: 0 };
  let batch: GeneratedDossier[] = [];
  let done = 0;
  const flush = async () => {
    if (!batch.length) return;
    const r = await upsertDossiers(writer, batch);
    totals.created += r.created;
    totals.updated += r.updated;
    totals.unchanged += r.unchanged;
    done += batch.length;
    batch = [];
    o.onProgress?.(done);
  };
  for (const d of generateDossiers({ ...options, rows: o.rows })) {
    batch.push(d);
    if (batch.length >= BATCH_MAX) await flush();
  }
  await flush();
  return totals;
}

/** The demo file's generation (demo-dossiers.task.ts). */
const DEMO_DOSSIERS_TASK = taskRef<typeof DemoDossiersTask>(
  new URL('./demo-dossiers.task.js', import.meta.url),
);

/**
 * The demo province's dossiers for `npm start`: on first start (no dossier yet), `rows` generated dossiers
 * of 2023 → today, as a one-stop export in the default layout (written by a worker thread to a temporary
 * file), imported by the standing agency's demo officer through the file import (stored, staged, applied
 * set-wise — it shows in the import history). Runs in the background; returns the import job's id, or null
 * when there was nothing to do.
 */
export async function seedDemoDossiers(
  deps: { db: Db; store: FileStore; log?: (msg: string, err?: unknown) => void; pool?: WorkerPool },
  o: { rows: number; officerEmail: string; maxBytes: number; seed?: number },
): Promise<string | null> {
  if (o.rows <= 0) return null;
  const [any] = await deps.db.select({ id: dossiers.id }).from(dossiers).limit(1);
  if (any) return null;
  const base = systemContext(deps.db);
  const officer = await findUserByEmail(base, o.officerEmail);
  if (!officer) return null;
  const ctx = { ...base, actor: await loadActor(deps.db, officer) };
  const { options } = await generatorInput(deps.db, {
    from: '2023-01-01',
    to: todayInVietnam(),
    seed: o.seed ?? 2025,
  });
  await ensureCatalogue(ctx, options.catalogue);
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'chidao-demo-dossiers-'));
  let started: Awaited<ReturnType<typeof startImport>>;
  try {
    const file = path.join(dir, 'ho-so.csv');
    const { calendar: _calendar, ...generator } = options;
    await (deps.pool ?? inlinePool).run(DEMO_DOSSIERS_TASK, {
      ...generator,
      rows: o.rows,
      calendar: await calendarAdjustments(deps.db),
      file,
    });
    started = await startImport(ctx, deps.store, {
      content: fs.createReadStream(file),
      fileName: 'ho-so-tthc-mau-nghe-an.csv',
      maxBytes: o.maxBytes,
    });
  } finally {
    // The file store has its own copy now.
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
  if (!started.replayed) await kickImport(deps, started.job.id);
  return started.job.id;
}
