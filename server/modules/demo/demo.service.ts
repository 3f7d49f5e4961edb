import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { addGrant } from '../access/access.service.js';
import { hashPassword } from '../auth/password-hash.js';
import type { ChidaoModule } from '../../core/module.js';
import { MODULES } from '../index.js';
import { createDocumentRecord, listAllDocumentSymbols } from '../documents/documents.service.js';
import { createUser, findUserByEmail, removeDemoUsers } from '../users/users.service.js';
import { insertUnits, listUnits } from '../units/units.service.js';
import { importDepartments } from '../units/departments.service.js';
import { importGso, loadGsoData, loadGsoHistory } from '../units/gso-import.service.js';
import { recordEvent, unitsAsOf } from '../units/lineage.service.js';
import {
  DEMO_ACCOUNTS,
  DEMO_DOCUMENTS,
  DEMO_PASSWORD,
  DEPARTMENTS,
  DEPARTMENTS_FROM,
  PROVINCE,
  REORG_BASIS,
  REORG_DATE,
  REORG_EVENTS,
} from './nghe-an.js';
import { seedRuns } from './demo.table.js';

export type DemoSeedResult = { created: boolean; accounts: { email: string; role: string }[] };

/** The name of the demo province's row in `seed_runs`. */
const DEMO_SEED = 'demo';

/** When the demo province was seeded (null: never). */
export async function demoSeededAt(db: Db): Promise<Date | null> {
  const [row] = await db.select().from(seedRuns).where(eq(seedRuns.name, DEMO_SEED));
  return row?.seededAt ?? null;
}

const deptCode = (key: string) => `40.${key}`;
/** "Sở Nội vụ" → "Sở Nội vụ tỉnh Nghệ An"; a name that already names the province is kept as it is. */
const fullNameOf = (name: string) =>
  name.endsWith('Nghệ An') ? name : `${name} tỉnh Nghệ An`.replace('tỉnh tỉnh', 'tỉnh');

/**
 * Seeds the demo province (Nghệ An): the province, its departments before and after the 2025
 * reorganisation, the documents named in the sources, and (in demo mode) one account per role.
 * It runs once per database: the run is recorded in `seed_runs` (claimed inside the seed's transaction),
 * and a database that has it is left alone — its demo records belong to its users now, who may have
 * renamed, ended or removed them. Within that one run whatever already exists (e.g. the province created
 * by `chidao admin create`) is reused, and it is all-or-nothing: one transaction.
 */
export async function seedDemo(
  ctx: RequestContext,
  options: { withAccounts: boolean },
): Promise<DemoSeedResult> {
  const accounts = DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role }));
  if (await demoSeededAt(ctx.db)) return { created: false, accounts: [] };
  const passwordHash = options.withAccounts ? await hashPassword(DEMO_PASSWORD) : '';
  let created = false;
  // Read before the transaction: nothing slow happens while PGlite's one connection is held.
  const gso = loadGsoData();
  const history = loadGsoHistory();
  const claimed = await ctx.db.transaction(async (tx) => {
    // Claimed first: an instance starting at the same time waits here, then finds the run recorded.
    const [claim] = await tx
      .insert(seedRuns)
      .values({ name: DEMO_SEED, detail: { withAccounts: options.withAccounts } })
      .onConflictDoNothing()
      .returning();
    if (!claim) return false;
    const t: RequestContext = { ...ctx, db: tx };
    let province = (await listUnits(tx, { kind: 'province', q: PROVINCE.code })).find(
      (u) => u.code === PROVINCE.code && !u.validTo,
    );
    if (!province) {
      [province] = await insertUnits(t, [
        {
          code: PROVINCE.code,
          name: PROVINCE.name,
          fullName: PROVINCE.fullName,
          kind: 'province',
          parentId: null,
          validFrom: PROVINCE.validFrom,
        },
      ]);
      created = true;
    }
    const unitIds = new Map<string, string>([['province', province!.id]]);
    const existing = new Map(
      // Departments as they stood before the reorganisation (codes of renamed ones changed since).
      (await unitsAsOf(tx, { date: '2024-12-31', parentId: province!.id })).map((u) => [u.code, u.id]),
    );
    const missing = DEPARTMENTS.filter((d) => !existing.has(deptCode(d.key)));
    const inserted = await insertUnits(
      t,
      missing.map((d) => ({
        code: deptCode(d.key),
        name: d.name,
        fullName: fullNameOf(d.name),
        kind: d.kind ?? 'department',
        parentId: province!.id,
        validFrom: DEPARTMENTS_FROM,
      })),
    );
    if (inserted.length) created = true;
    inserted.forEach((u) => existing.set(u.code, u.id));
    for (const d of DEPARTMENTS) unitIds.set(d.key, existing.get(deptCode(d.key))!);

    const symbols = new Set(await listAllDocumentSymbols(t));
    const docIds = new Map<string, string>();
    for (const doc of DEMO_DOCUMENTS.filter((d) => !symbols.has(d.numberSymbol))) {
      const { owner, ...fields } = doc;
      docIds.set(
        doc.numberSymbol,
        (await createDocumentRecord(t, { ...fields, unitId: unitIds.get(owner)! })).id,
      );
      created = true;
    }

    // The 2025 reorganisation, once, when the departments were just created.
    if (inserted.length === DEPARTMENTS.length) {
      for (const e of REORG_EVENTS) {
        const common = {
          effectiveDate: REORG_DATE,
          legalBasisId: docIds.get('45/2025/NĐ-CP') ?? null,
          legalBasisText: REORG_BASIS,
          source: 'demo',
        };
        if (e.kind === 'absorb') {
          await recordEvent(
            t,
            {
              ...common,
              kind: 'absorb',
              from: e.from.map((k) => unitIds.get(k)!),
              to: [{ unitId: unitIds.get(e.into)! }],
            },
            { skipAuthorization: true },
          );
        } else if (e.kind === 'merge') {
          const r = await recordEvent(
            t,
            {
              ...common,
              kind: 'merge',
              from: e.from.map((k) => unitIds.get(k)!),
              to: [
                {
                  create: {
                    code: deptCode(e.create.key),
                    name: e.create.name,
                    fullName: fullNameOf(e.create.name),
                    kind: 'department',
                    parentId: province!.id,
                  },
                },
              ],
            },
            { skipAuthorization: true },
          );
          unitIds.set(e.create.key, r.created[0]!);
        } else {
          await recordEvent(
            t,
            {
              ...common,
              kind: 'rename',
              from: [unitIds.get(e.unit)!],
              to: [],
              changes: { code: deptCode(e.to.key), name: e.to.name, fullName: fullNameOf(e.to.name) },
            },
            { skipAuthorization: true },
          );
        }
      }
    }

    // Nghệ An's 20 districts and their communes until 30/6/2025, and its 130 communes since (GSO data).
    const imported = await importGso(t, { province: PROVINCE.code, data: gso, history });
    if (imported.unitsCreated) created = true;
    // The standard bodies the demo's list lacks (the Tỉnh ủy, its office, the Fatherland Front), as any
    // province gets them with `chidao units import-departments`: the departments above are matched by name.
    const bodies = await importDepartments(t, { province: PROVINCE.code });
    if (bodies.counts.created) created = true;

    if (options.withAccounts) {
      for (const a of DEMO_ACCOUNTS) {
        if (await findUserByEmail(t, a.email)) continue;
        const user = await createUser(
          t,
          {
            email: a.email,
            fullName: a.fullName,
            position: a.position,
            unitId: unitIds.get(a.unit) ?? null,
            demo: true,
          },
          { skipAuthorization: true, passwordHash },
        );
        await addGrant(
          t,
          { userId: user.id, role: a.role, unitId: unitIds.get(a.over)!, note: 'demo' },
          { skipAuthorization: true },
        );
        created = true;
      }
    }

    // Then each module's own step (`demo` in its <name>.module.ts), in their declared order: committees,
    // plans, pilot direction, meetings…
    const facts = { provinceId: province!.id, unitIds, documentIds: docIds };
    const steps = (MODULES as readonly ChidaoModule[])
      .flatMap((m) => m.demo ?? [])
      .toSorted((a, b) => a.order - b.order);
    for (const step of steps) if (await step.seed(t, facts)) created = true;
    return true;
  });
  if (!claimed) return { created: false, accounts: [] };
  return { created, accounts: options.withAccounts ? accounts : [] };
}

/**
 * The demo at `npm start` in demo mode: seeded on the first start only, and never in the way of a start —
 * a seeding error is logged (the seed's transaction leaves nothing half-done) and the server starts.
 */
export async function seedDemoAtStart(
  ctx: RequestContext,
  log: (msg: string, err?: unknown) => void,
): Promise<DemoSeedResult | null> {
  try {
    return await seedDemo(ctx, { withAccounts: true });
  } catch (err) {
    log('demo seed failed; the server starts without it (run `chidao seed demo` to retry)', err);
    return null;
  }
}

export { removeDemoUsers };
