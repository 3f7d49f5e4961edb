/**
 * Access follows lineage (issue 12, point 4): the rule in force (`access_rules`, key `lineage_follow`,
 * defaults in `lineage-follow.rules.ts`), the grants it passes on to a user from their grants on successor
 * units (the unit registry's one resolver, `units/carriers.service` `carriedBy`), and the acting context the
 * work engine uses for actions. A small cache (per database, 30 s) keeps the rule off every request's
 * path; a write drops it, so the process that writes sees its change at once.
 */
import { eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { forbidden, staleVersion, unauthenticated } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import { onLineageChanged } from '../units/lineage-changes.service.js';
import { carriedBy } from '../units/carriers.service.js';
import { accessRules } from './access.table.js';
import type { Grant, InheritedGrant } from './actor.js';
import {
  DEFAULT_LINEAGE_FOLLOW,
  LINEAGE_FOLLOW_KEY,
  NOT_INHERITED,
  readLineageRule,
  type LineageFollowRule,
} from './lineage-follow.rules.js';

const CACHE_MS = 30_000;
let cache = new WeakMap<Db, { at: number; rule: LineageFollowRule; version: number; stored: boolean }>();

async function stored(db: Db) {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit;
  const [row] = await db.select().from(accessRules).where(eq(accessRules.key, LINEAGE_FOLLOW_KEY));
  const value = row
    ? { at: Date.now(), rule: readLineageRule(row.value), version: row.version, stored: true }
    : { at: Date.now(), rule: DEFAULT_LINEAGE_FOLLOW, version: 0, stored: false };
  cache.set(db, value);
  return value;
}

/** The rule in force (stored, else the default). */
export async function lineageFollowRule(db: Db): Promise<LineageFollowRule> {
  return (await stored(db)).rule;
}

export type LineageRuleOut = LineageFollowRule & {
  version: number;
  isDefault: boolean;
  abilities: { update: boolean };
};

export async function getLineageRule(ctx: RequestContext): Promise<LineageRuleOut> {
  if (!ctx.actor) throw unauthenticated();
  const s = await stored(ctx.db);
  return { ...s.rule, version: s.version, isDefault: !s.stored, abilities: { update: ctx.actor.isAdmin } };
}

/** Administrators change the rule (version-checked: 409 on a concurrent change; journalled). */
export async function setLineageRule(
  ctx: RequestContext,
  input: LineageFollowRule & { version: number },
): Promise<LineageRuleOut> {
  if (!ctx.actor) throw unauthenticated();
  if (!ctx.actor.isAdmin) throw forbidden();
  cache = new WeakMap();
  const fresh = await stored(ctx.db);
  if (fresh.version !== input.version) throw staleVersion('lineage_follow', fresh.version);
  const value = readLineageRule({ mode: input.mode, legalBasis: input.legalBasis });
  await ctx.db.transaction(async (tx) => {
    const [row] = fresh.stored
      ? await tx
          .update(accessRules)
          .set({
            value,
            version: sql`${accessRules.version} + 1`,
            updatedAt: new Date(),
            updatedBy: ctx.actor!.user.id,
          })
          .where(
            sql`${accessRules.key} = ${LINEAGE_FOLLOW_KEY} AND ${accessRules.version} = ${input.version}`,
          )
          .returning()
      : await tx
          .insert(accessRules)
          .values({ key: LINEAGE_FOLLOW_KEY, value, version: 1, updatedBy: ctx.actor!.user.id })
          .onConflictDoNothing()
          .returning();
    if (!row) throw staleVersion('lineage_follow', fresh.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'update',
        entity: 'access_rule',
        entityId: LINEAGE_FOLLOW_KEY,
        before: fresh.rule,
        after: value,
      },
    );
  });
  cache = new WeakMap();
  return getLineageRule(ctx);
}

/**
 * What each unit carries on a day, remembered per database for {@link CACHE_MS} (every request loads its
 * user's grants, and a commune formed in 2025 carries the communes it was formed from: without it, three to
 * four statements more on every request). Any write of the lineage clears it (`units/lineage-changes.service.ts`);
 * another process sees such a write within the same 30 s as it sees a change of the rule.
 */
type Carried = Awaited<ReturnType<typeof carriedBy>>;
let carriedCache = new WeakMap<Db, Map<string, { at: number; value: Carried }>>();
onLineageChanged(() => {
  carriedCache = new WeakMap();
});

async function carriedByCached(db: Db, unitIds: readonly string[], on: string): Promise<Carried> {
  const key = `${on}|${[...new Set(unitIds)].sort().join(',')}`;
  let entries = carriedCache.get(db);
  const hit = entries?.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = await carriedBy(db, unitIds, on);
  if (!entries) carriedCache.set(db, (entries = new Map()));
  if (entries.size > 5000) entries.clear();
  entries.set(key, { at: Date.now(), value });
  return value;
}

/**
 * The grants a user's grants pass on through lineage on `on` (default today): for each grant on a unit
 * that carries ended predecessors, the same role over each predecessor (its subtree; an abolished district
 * carried through its communes only as itself). None when the rule is off; for reading only when it says
 * `read`. One statement when none of the units carries anything.
 */
export async function inheritedGrants(
  db: Db,
  grants: readonly Grant[],
  on = todayInVietnam(),
): Promise<InheritedGrant[]> {
  const passing = grants.filter((g) => !NOT_INHERITED.includes(g.role));
  if (!passing.length) return [];
  const rule = await lineageFollowRule(db);
  if (rule.mode === 'off') return [];
  const carried = await carriedByCached(
    db,
    passing.map((g) => g.unitId),
    on,
  );
  if (!carried.size) return [];
  const out: InheritedGrant[] = [];
  for (const g of passing)
    for (const p of carried.get(g.unitId) ?? [])
      out.push({
        role: g.role,
        unitId: p.unitId,
        via: g.unitId,
        scope: p.via === 'children' ? 'unit' : 'subtree',
        act: rule.mode === 'act',
      });
  return out;
}

/** The request context for acting on work: inherited grants for reading only are left out. */
export function actingContext<C extends RequestContext>(ctx: C): C {
  return ctx.actor ? { ...ctx, actor: ctx.actor.acting() } : ctx;
}
