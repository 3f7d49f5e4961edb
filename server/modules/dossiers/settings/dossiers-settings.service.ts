/**
 * Versions of the dossier rules (traffic-light thresholds, QĐ 766 maxima and weights) as data, and
 * `dossierRulesFor(db, date)`: the rules in force on a date — the latest stored version effective on or
 * before it, else the code's defaults. Versions are only added (never edited), version-checked and
 * journalled; a small in-process cache (per database, 60 s) is dropped on every write, so the process that
 * writes sees its change at once and others within a minute.
 */
import { desc } from 'drizzle-orm';
import type { RequestContext } from '../../../core/context.js';
import { todayInVietnam } from '../../../core/dates.js';
import { AppError, staleVersion } from '../../../core/errors.js';
import { translate } from '../../../core/messages.js';
import type { Db } from '../../../db/client.js';
import { authorize, allow } from '../../access/policy.js';
import { recordChange } from '../../audit/audit.service.js';
import { usersByIds } from '../../users/users.service.js';
import type { Threshold } from '../dossiers-query.rules.js';
import { QD766_CRITERIA, QD766_CRITERION_CATALOGUE, qd766ConfigFor, type Qd766Config } from '../qd766.js';
import { dossierRulesPolicy } from './dossiers-settings.policy.js';
import { buildRules, defaultRulesFor, versionOn, type DossierRules } from './dossiers-settings.rules.js';
import type { SettingsIn, SettingsOut, SettingsVersionOut } from './dossiers-settings.schemas.js';
import { dossierRuleVersions } from './dossiers-settings.table.js';

type VersionRow = typeof dossierRuleVersions.$inferSelect;
type CachedVersion = { version: number; effectiveFrom: string; rules: DossierRules };

const CACHE_MS = 60_000;
let cache = new WeakMap<Db, { at: number; versions: CachedVersion[] }>();
const frozenDefaults = new Map<string, DossierRules>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

async function cachedVersions(db: Db): Promise<CachedVersion[]> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.versions;
  const rows = await db
    .select({
      version: dossierRuleVersions.version,
      effectiveFrom: dossierRuleVersions.effectiveFrom,
      thresholds: dossierRuleVersions.thresholds,
      qd766: dossierRuleVersions.qd766,
    })
    .from(dossierRuleVersions);
  const versions = rows.map((r) => ({
    version: r.version,
    effectiveFrom: r.effectiveFrom,
    rules: deepFreeze({ thresholds: r.thresholds, qd766: r.qd766 }),
  }));
  cache.set(db, { at: Date.now(), versions });
  return versions;
}

/** Forgets the cached versions (of one database, or all): after a write, and in tests. */
export function forgetDossierRules(db?: Db): void {
  if (db) cache.delete(db);
  else cache = new WeakMap();
}

function defaultsOn(date: string): DossierRules {
  const rules = defaultRulesFor(date);
  const key = rules.qd766.version;
  if (!frozenDefaults.has(key)) frozenDefaults.set(key, deepFreeze(rules));
  return frozenDefaults.get(key)!;
}

/**
 * The thresholds and QĐ 766 configuration in force on `isoDate` (YYYY-MM-DD): the stored version with the
 * latest effective date on or before it (the higher number when two share a date), else the defaults
 * (`DEFAULT_THRESHOLDS`, `qd766ConfigFor(isoDate)`). The objects returned are shared and frozen.
 */
export async function dossierRulesFor(
  db: Db,
  isoDate: string,
): Promise<{ thresholds: Threshold[]; qd766: Qd766Config }> {
  const found = versionOn(await cachedVersions(db), isoDate);
  return found ? found.rules : defaultsOn(isoDate);
}

// ---------------------------------------------------------------------------------------------------
// Reading and adding versions

function present(row: VersionRow, names: Map<string, string>): SettingsVersionOut {
  return {
    id: row.id,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    isDefault: false,
    thresholds: row.thresholds as SettingsVersionOut['thresholds'],
    qd766: row.qd766 as SettingsVersionOut['qd766'],
    note: row.note,
    legalBasis: row.legalBasis,
    createdBy: row.createdBy ? { id: row.createdBy, name: names.get(row.createdBy) ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
  };
}

function presentDefaults(date: string): SettingsVersionOut {
  const rules = defaultRulesFor(date);
  return {
    id: null,
    version: 0,
    effectiveFrom: rules.qd766.validFrom,
    isDefault: true,
    thresholds: rules.thresholds as SettingsVersionOut['thresholds'],
    qd766: rules.qd766 as SettingsVersionOut['qd766'],
    note: null,
    legalBasis: null,
    createdBy: null,
    createdAt: null,
  };
}

/** The criteria a version may hold, each with its group; those of the code's defaults on `day` are shipped. */
function criteriaCatalogue(day: string): SettingsOut['criteria'] {
  const shipped = new Set(qd766ConfigFor(day).groups.flatMap((g) => g.criteria.map((c) => c.key)));
  return QD766_CRITERIA.map((key) => ({ key, ...QD766_CRITERION_CATALOGUE[key], shipped: shipped.has(key) }));
}

async function creatorNames(ctx: RequestContext, rows: VersionRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.createdBy).filter((id): id is string => !!id))];
  return new Map((await usersByIds(ctx, ids)).map((u) => [u.id, u.fullName]));
}

/** The rules in force on `asOf` (default today), every stored version, and the defaults. */
export async function getDossierSettings(ctx: RequestContext, asOf?: string): Promise<SettingsOut> {
  authorize(dossierRulesPolicy, ctx.actor, 'read', null);
  const day = asOf ?? todayInVietnam();
  const rows = await ctx.db.select().from(dossierRuleVersions).orderBy(desc(dossierRuleVersions.version));
  const names = await creatorNames(ctx, rows);
  const inForce = versionOn(rows, day);
  return {
    asOf: day,
    current: inForce ? present(inForce, names) : presentDefaults(day),
    latestVersion: rows[0]?.version ?? 0,
    history: rows.map((r) => present(r, names)),
    defaults: presentDefaults(day),
    criteria: criteriaCatalogue(day),
    abilities: { create: allow(dossierRulesPolicy, ctx.actor, 'create', null) },
  };
}

/**
 * Adds a version (administrators, standing agency). `input.version` must be the latest stored number
 * (0 when none): a concurrent addition makes it 409. The draft is checked against the rules it replaces on
 * its effective date (structure and confirmation flags, see the rules file); the journal keeps both.
 */
export async function addDossierSettingsVersion(
  ctx: RequestContext,
  input: SettingsIn,
): Promise<SettingsVersionOut> {
  authorize(dossierRulesPolicy, ctx.actor, 'create', null);
  const actor = ctx.actor!;
  const row = await ctx.db.transaction(async (tx) => {
    const stored = await tx.select().from(dossierRuleVersions);
    const latest = stored.reduce((n, r) => Math.max(n, r.version), 0);
    if (latest !== input.version) throw staleVersion('dossier_rules', latest);
    const next = latest + 1;
    const before = versionOn(stored, input.effectiveFrom);
    const base: DossierRules = before
      ? { thresholds: before.thresholds, qd766: before.qd766 }
      : defaultRulesFor(input.effectiveFrom);
    const legalBasis = input.legalBasis?.trim() || null;
    const built = buildRules({ ...input, legalBasis }, base, `dossier-rules-${next}`, ctx.locale);
    if (!built.ok) {
      const first = built.problems[0]!;
      throw new AppError(
        400,
        'VALIDATION_FAILED',
        first.key,
        { field: first.field, ...first.params },
        built.problems.map((p) => ({ field: p.field, message: translate(ctx.locale, p.key, p.params) })),
      );
    }
    const [inserted] = await tx
      .insert(dossierRuleVersions)
      .values({
        version: next,
        effectiveFrom: input.effectiveFrom,
        thresholds: built.rules.thresholds,
        qd766: built.rules.qd766,
        note: input.note.trim(),
        legalBasis,
        createdBy: actor.user.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted) throw staleVersion('dossier_rules', latest);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'create',
        entity: 'dossier_rules',
        entityId: inserted.id,
        before: { version: before?.version ?? 0, effectiveFrom: before?.effectiveFrom ?? null, ...base },
        after: {
          version: inserted.version,
          effectiveFrom: inserted.effectiveFrom,
          note: inserted.note,
          legalBasis: inserted.legalBasis,
          thresholds: inserted.thresholds,
          qd766: inserted.qd766,
        },
      },
    );
    return inserted;
  });
  forgetDossierRules(ctx.db);
  return present(row, new Map([[actor.user.id, actor.user.fullName]]));
}
