import { sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { forbidden } from '../../core/errors.js';
import { rows } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { SEARCH_SCOPES, type SearchScope } from './units.schemas.js';
import { ancestorPaths, type UnitKind, viCollator } from './units.service.js';

/**
 * The unit pickers' search: accent- and case-insensitive, as of a date, within the caller's reach, ranked.
 *
 * - **Scope.** `mine` (default): the subtrees of the units the caller holds a grant over, and of their own
 *   unit — for an administrator or a standing officer over the province, the whole province. `province`:
 *   the whole provinces those units belong to (units of one's own province are no secret; supporting units
 *   and filters need them). `all`: the whole registry, for administrators only (assigning grants, accounts).
 *   `within` narrows further to one unit's subtree.
 * - **As of a date.** Names, codes and parents are those in force on `asOf`, the subtrees those of that day.
 *   Units not in force then are left out, except ended ones with `includeEnded` (as they were on their last
 *   day, marked `ended`, found under the units they were ever part of).
 * - **Matching.** Each word of the query must start a word of the unit's full name (accents, case and
 *   punctuation ignored: "so tu phap" finds "Sở Tư pháp tỉnh Nghệ An", "xa anh son" finds "Xã Anh Sơn"), or
 *   the query is the unit's code. Backed by the trigram index on `f_unaccent(lower(full_name))`.
 * - **Ranking.** Exact name (or code) first, then names starting with the query, then the query starting a
 *   later word, then the rest; in each, units in force before ended ones, then by kind (province,
 *   agencies, districts, communes), then in Vietnamese order.
 * - **ids.** Resolves given units whatever the scope (every signed-in user may read the registry), as of the
 *   date: the version in force then, or the nearest one, so a form can label a value chosen earlier.
 */
export { SEARCH_SCOPES, type SearchScope };

export type UnitSearchQuery = {
  q?: string | undefined;
  /** YYYY-MM-DD; today in Vietnam when omitted. */
  asOf?: string | undefined;
  scope?: SearchScope | undefined;
  within?: string | undefined;
  kinds?: readonly UnitKind[] | undefined;
  includeEnded?: boolean | undefined;
  /** Resolve these units instead of searching. */
  ids?: readonly string[] | undefined;
  limit?: number | undefined;
};

export type UnitHit = {
  id: string;
  code: string;
  name: string;
  fullName: string;
  kind: string;
  parentId: string | null;
  /** How the unit is shown: the full name of an administrative unit ("Xã Anh Sơn"), the name of an agency ("Sở Tư pháp"). */
  label: string;
  /** The parent as shown after the label ("Nghệ An", "Huyện Anh Sơn, Nghệ An"); null for a top-level unit. */
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
  /** Not in force on the date any more (only with `includeEnded`, or among `ids`). */
  ended: boolean;
};

export type UnitSearchResult = { asOf: string; items: UnitHit[]; total: number };

/** Administrative units read by their full name (the level is part of it); agencies by their name. */
const ADMINISTRATIVE: readonly string[] = ['province', 'district', 'commune'];

export function unitLabel(u: { kind: string; name: string; fullName: string }): string {
  return ADMINISTRATIVE.includes(u.kind) ? u.fullName : u.name;
}

/** A parent as shown after a unit: a province by its bare name ("Nghệ An"), anything else by its label. */
function parentLabel(u: { kind: string; name: string; fullName: string }): string {
  return u.kind === 'province' ? u.name : unitLabel(u);
}

/** The words of a query, lower-cased, without punctuation (LIKE wildcards included). */
export function queryWords(q: string | undefined): string[] {
  return (q ?? '')
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

const ids = (list: readonly string[]): SQL =>
  sql.join(
    list.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * Ids of the given units and everything below them: through the versions in force on `date` (`now`), or
 * through every version begun by then (`ever`: where an ended unit was, for `includeEnded`).
 */
function subtree(roots: readonly string[], date: string, mode: 'now' | 'ever'): SQL {
  if (roots.length === 0) return sql`SELECT NULL::uuid WHERE false`;
  const edge =
    mode === 'now'
      ? sql`v.valid_from <= ${date} AND (v.valid_to IS NULL OR v.valid_to >= ${date})`
      : sql`v.valid_from <= ${date}`;
  return sql`WITH RECURSIVE sub(id, depth) AS (
      SELECT u.id, 0 FROM units u WHERE u.id IN (${ids(roots)})
      UNION
      SELECT v.unit_id, s.depth + 1 FROM unit_versions v JOIN sub s ON v.parent_id = s.id
       WHERE ${edge} AND s.depth < 32)
    SELECT id FROM sub`;
}

/** The units at the top of the caller's scope; null = the whole registry. */
async function scopeRoots(
  ctx: RequestContext & { actor: Actor },
  scope: SearchScope,
): Promise<string[] | null> {
  const { actor } = ctx;
  if (scope === 'all') {
    if (!actor.isAdmin) throw forbidden();
    return null;
  }
  const mine = [
    ...new Set([...actor.grants.map((g) => g.unitId), ...(actor.user.unitId ? [actor.user.unitId] : [])]),
  ];
  if (scope === 'mine' || mine.length === 0) return mine;
  const paths = await ancestorPaths(ctx.db, mine);
  return [...new Set([...paths.values()].map((p) => p[p.length - 1]!))];
}

type Row = {
  id: string;
  code: string;
  name: string;
  full_name: string;
  kind: string;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  ended: boolean;
  rank: number;
  total: number;
  p_name: string | null;
  p_full_name: string | null;
  p_kind: string | null;
  g_name: string | null;
  g_full_name: string | null;
  g_kind: string | null;
};

/** The province, then its agencies, then the localities. */
const KIND_RANK: readonly UnitKind[] = [
  'province',
  'department',
  'management_board',
  'party_body',
  'mass_organisation',
  'other',
  'district',
  'commune',
];
const kindRank = (kind: string) => {
  const i = KIND_RANK.indexOf(kind as UnitKind);
  return i < 0 ? KIND_RANK.length : i;
};
const KIND_ORDER = sql.raw(
  `CASE kind ${KIND_RANK.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} ELSE ${KIND_RANK.length} END`,
);

/** Folded for matching: accents, case and punctuation gone, words separated by one space. */
const folded = (column: SQL): SQL =>
  sql`btrim(regexp_replace(f_unaccent(lower(${column})), '[^[:alnum:]]+', ' ', 'g'))`;

/**
 * The parent and grandparent of each picked unit (`p`), as they were when the unit was read (`p.at`):
 * their version in force then, else the nearest earlier one.
 */
const WITH_PARENTS = sql`
  LEFT JOIN LATERAL (
    SELECT pv.name, pv.full_name, pu.kind, pv.parent_id FROM unit_versions pv JOIN units pu ON pu.id = pv.unit_id
     WHERE pv.unit_id = p.parent_id
     ORDER BY (pv.valid_from <= p.at AND (pv.valid_to IS NULL OR pv.valid_to >= p.at)) DESC,
              (pv.valid_from <= p.at) DESC, pv.valid_from DESC
     LIMIT 1) par ON true
  LEFT JOIN LATERAL (
    SELECT gv.name, gv.full_name, gu.kind FROM unit_versions gv JOIN units gu ON gu.id = gv.unit_id
     WHERE gv.unit_id = par.parent_id
     ORDER BY (gv.valid_from <= p.at AND (gv.valid_to IS NULL OR gv.valid_to >= p.at)) DESC,
              (gv.valid_from <= p.at) DESC, gv.valid_from DESC
     LIMIT 1) gp ON true`;

const OUT_COLUMNS = sql`p.id, p.code, p.name, p.full_name, p.kind, p.parent_id, p.valid_from::text AS valid_from,
  p.valid_to::text AS valid_to, p.ended, p.rank, p.total::int AS total,
  par.name AS p_name, par.full_name AS p_full_name, par.kind AS p_kind,
  gp.name AS g_name, gp.full_name AS g_full_name, gp.kind AS g_kind`;

function present(r: Row): UnitHit {
  const parent = r.p_kind ? { kind: r.p_kind, name: r.p_name!, fullName: r.p_full_name! } : null;
  const grand = r.g_kind ? { kind: r.g_kind, name: r.g_name!, fullName: r.g_full_name! } : null;
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    fullName: r.full_name,
    kind: r.kind,
    parentId: r.parent_id,
    label: unitLabel({ kind: r.kind, name: r.name, fullName: r.full_name }),
    parentName: parent
      ? grand && parent.kind !== 'province'
        ? `${parentLabel(parent)}, ${parentLabel(grand)}`
        : parentLabel(parent)
      : null,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    ended: r.ended,
  };
}

const byRank = (a: Row, b: Row) =>
  a.rank - b.rank ||
  Number(a.ended) - Number(b.ended) ||
  kindRank(a.kind) - kindRank(b.kind) ||
  viCollator.compare(a.name, b.name) ||
  viCollator.compare(a.full_name, b.full_name);

/** Resolves units by id as of a date (any signed-in user may read the registry). */
async function resolveIds(ctx: RequestContext, list: readonly string[], date: string): Promise<UnitHit[]> {
  if (list.length === 0) return [];
  const found = await rows<Row>(
    ctx.db,
    sql`SELECT ${OUT_COLUMNS} FROM (
          SELECT DISTINCT ON (v.unit_id) v.unit_id AS id, v.code, v.name, v.full_name, u.kind, v.parent_id,
                 u.valid_from, u.valid_to, (u.valid_to IS NOT NULL AND u.valid_to < ${date}) AS ended, 0 AS rank,
                 0 AS total, GREATEST(v.valid_from, LEAST(${date}::date, COALESCE(v.valid_to, ${date}::date))) AS at
            FROM unit_versions v JOIN units u ON u.id = v.unit_id
           WHERE v.unit_id IN (${ids(list)})
           ORDER BY v.unit_id, (v.valid_from <= ${date} AND (v.valid_to IS NULL OR v.valid_to >= ${date})) DESC,
                    (v.valid_from <= ${date}) DESC,
                    CASE WHEN v.valid_from <= ${date} THEN v.valid_from END DESC NULLS LAST, v.valid_from) p
        ${WITH_PARENTS}`,
  );
  const order = new Map(list.map((id, i) => [id, i]));
  return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map(present);
}

/** The unit pickers' search (see the header above). */
export async function searchUnits(
  ctx: RequestContext & { actor: Actor },
  query: UnitSearchQuery,
): Promise<UnitSearchResult> {
  const date = query.asOf ?? todayInVietnam();
  if (query.ids) {
    const items = await resolveIds(ctx, [...new Set(query.ids)], date);
    return { asOf: date, items, total: items.length };
  }
  const roots = await scopeRoots(ctx, query.scope ?? 'mine');
  if (roots && roots.length === 0) return { asOf: date, items: [], total: 0 };
  const words = queryWords(query.q);
  const code = query.q?.trim() ?? '';

  const matches: SQL[] = [];
  if (words.length) {
    const name = sql`' ' || ${folded(sql`v.full_name`)}`;
    const each = words.map(
      // The first test is the indexed one (trigrams of the word anywhere); the second keeps word starts only.
      (w) =>
        sql`(f_unaccent(lower(v.full_name)) LIKE '%' || f_unaccent(${w}) || '%' AND ${name} LIKE '% ' || f_unaccent(${w}) || '%')`,
    );
    matches.push(sql`((${sql.join(each, sql` AND `)}) OR v.code = ${code})`);
  }
  if (query.kinds?.length)
    matches.push(
      sql`u.kind IN (${sql.join(
        query.kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`,
    );

  const inForce = [sql`v.valid_from <= ${date} AND (v.valid_to IS NULL OR v.valid_to >= ${date})`];
  if (roots) inForce.push(sql`v.unit_id IN (${subtree(roots, date, 'now')})`);
  if (query.within) inForce.push(sql`v.unit_id IN (${subtree([query.within], date, 'now')})`);
  const alive = sql.join(inForce, sql` AND `);
  let when = sql`(${alive})`;
  if (query.includeEnded) {
    // An ended unit as it was on its last day, found where it ever was in the scope.
    const gone = [sql`u.valid_to < ${date} AND v.valid_to = u.valid_to`];
    if (roots) gone.push(sql`v.unit_id IN (${subtree(roots, date, 'ever')})`);
    if (query.within) gone.push(sql`v.unit_id IN (${subtree([query.within], date, 'ever')})`);
    when = sql`(${alive} OR (${sql.join(gone, sql` AND `)}))`;
  }

  const needle = words.join(' ');
  const rank = needle
    ? sql`CASE
        WHEN ${folded(sql`v.name`)} = f_unaccent(${needle}) OR ${folded(sql`v.full_name`)} = f_unaccent(${needle})
          OR v.code = ${code} THEN 0
        WHEN ${folded(sql`v.name`)} LIKE f_unaccent(${needle}) || '%'
          OR ${folded(sql`v.full_name`)} LIKE f_unaccent(${needle}) || '%' THEN 1
        WHEN ' ' || ${folded(sql`v.full_name`)} LIKE '% ' || f_unaccent(${needle}) || '%' THEN 2
        ELSE 3 END`
    : sql`0`;

  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const found = await rows<Row>(
    ctx.db,
    sql`SELECT ${OUT_COLUMNS} FROM (
          SELECT h.*, count(*) OVER () AS total FROM (
            SELECT v.unit_id AS id, v.code, v.name, v.full_name, u.kind, v.parent_id, u.valid_from, u.valid_to,
                   (u.valid_to IS NOT NULL AND u.valid_to < ${date}) AS ended, ${rank} AS rank,
                   GREATEST(v.valid_from, LEAST(${date}::date, COALESCE(v.valid_to, ${date}::date))) AS at,
                   f_unaccent(lower(v.name)) AS sort_name
              FROM unit_versions v JOIN units u ON u.id = v.unit_id
             WHERE ${sql.join([when, ...matches], sql` AND `)}) h
          ORDER BY h.rank, h.ended, ${KIND_ORDER}, h.sort_name, h.id
          LIMIT ${limit}) p
        ${WITH_PARENTS}`,
  );
  return {
    asOf: date,
    items: found.sort(byRank).map(present),
    total: found[0]?.total ?? 0,
  };
}
