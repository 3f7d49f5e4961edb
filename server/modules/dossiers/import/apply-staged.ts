/**
 * Staging and applying a file import set-wise: the staged rows are already the dossiers as they will be
 * stored (`prepareDossier` ran while staging), so the apply is a few kinds of statement whatever the file's
 * size — the changes for the audit journal, the rollup deltas (new contributions minus the old ones of changed
 * dossiers, at every grain), the upsert of the dossiers, and the clean-up. The rollups and the upsert take the
 * staged rows a range of file rows at a time (`StagedRange`): the deltas add up, so the caller's one
 * transaction gets the same result from bounded statements. It does what `upsertDossiers` does row by row (a
 * test keeps the two equal), inside the caller's transaction.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rows as sqlRows, type Db } from '../../../db/client.js';
import { COMPARED, type DossierValues } from '../dossiers.service.js';
import { dossiers } from '../dossiers.table.js';
import { ALL_PROCEDURES, COUNTER_CODE, COUNTERS } from '../rollup.js';
import { COLUMN } from '../rollup-sql.js';
import { STAGED, STORED, textArray, type EncodedRows } from './staged-rows.js';

const col = (k: keyof DossierValues) => dossiers[k].name;
const CONTRIBUTION = new Set<keyof DossierValues>(['contribDay', 'contribCounter', 'contribValue']);

/** The row `next` differs from the stored row `stored` in a compared column (SQL text). */
const changed = (stored: string, next: string) =>
  `(${COMPARED.map((k) => `${stored}.${col(k)}`).join(', ')}) IS DISTINCT FROM (${COMPARED.map((k) => `${next}.${col(k)}`).join(', ')})`;
const CHANGED = changed('d', 's');

/**
 * Writes checked rows (encoded by `encodeStagedRows`) into the staging table in one statement (each column
 * as one array parameter, unnested), skipping rows already staged; returns the row numbers written.
 */
export async function insertStagedRows(db: Db, jobId: string, rows: EncodedRows): Promise<Set<number>> {
  if (!rows.rowNos.length) return new Set();
  const names = STORED.map(col);
  const arrays = STORED.map((k, i) => sql`${rows.columns[i]!}::text::${sql.raw(STAGED[k].type)}[]`);
  const select = STORED.map((k, i) => `r.${names[i]}${STAGED[k].cast ? `::${STAGED[k].cast}` : ''}`);
  const found = await sqlRows<{ row_no: number }>(
    db,
    sql`INSERT INTO dossier_import_rows (job_id, row_no, ${sql.raw(names.join(', '))})
        SELECT ${jobId}::uuid, r.row_no, ${sql.raw(select.join(', '))}
          FROM unnest(${textArray(rows.rowNos)}::text::int[], ${sql.join(arrays, sql`, `)})
            AS r(row_no, ${sql.raw(names.join(', '))})
        ON CONFLICT DO NOTHING
        RETURNING row_no`,
  );
  return new Set(found.map((r) => Number(r.row_no)));
}

/**
 * The staged rows whose code an earlier row of the same file already has (all but the first of each code),
 * the first `limit` in file order, and how many there are.
 */
export async function duplicateStagedCodes(
  db: Db,
  jobId: string,
  limit: number,
): Promise<{ count: number; rows: { rowNo: number; code: string }[] }> {
  const found = await sqlRows<{ row_no: number; code: string; n: number }>(
    db,
    sql`SELECT row_no, code, count(*) OVER ()::int AS n
          FROM (SELECT row_no, code, row_number() OVER (PARTITION BY code ORDER BY row_no) AS k
                  FROM dossier_import_rows WHERE job_id = ${jobId}::uuid) AS s
         WHERE k > 1 ORDER BY row_no LIMIT ${limit}`,
  );
  return {
    count: Number(found[0]?.n ?? 0),
    rows: found.map((r) => ({ rowNo: Number(r.row_no), code: String(r.code) })),
  };
}

export type ChangedDossier = {
  code: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

/**
 * The staged dossiers that will change a stored one, with the values that differ (contributions left
 * out: they follow from the rest and the calendar), `pageSize` at a time in file order — for the audit
 * journal, read before anything is written.
 */
export async function* changedDossiers(
  db: Db,
  jobId: string,
  pageSize = 2000,
): AsyncGenerator<ChangedDossier[]> {
  const shown = COMPARED.filter((k) => !CONTRIBUTION.has(k));
  let after = 0;
  for (;;) {
    const page = await sqlRows<Record<string, unknown>>(
      db,
      sql`SELECT s.row_no, s.code,
                 jsonb_build_object(${sql.raw(shown.map((k) => `'${k}', d.${col(k)}`).join(', '))}) AS before,
                 jsonb_build_object(${sql.raw(shown.map((k) => `'${k}', s.${col(k)}`).join(', '))}) AS after
            FROM dossier_import_rows s JOIN dossiers d ON d.code = s.code
           WHERE s.job_id = ${jobId}::uuid AND s.row_no > ${after} AND ${sql.raw(CHANGED)}
           ORDER BY s.row_no LIMIT ${pageSize}`,
    );
    if (!page.length) return;
    after = Number(page[page.length - 1]!.row_no);
    yield page.map((r) => {
      const before = r.before as Record<string, unknown>;
      const next = r.after as Record<string, unknown>;
      const keys = shown.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
      return {
        code: String(r.code),
        before: Object.fromEntries(keys.map((k) => [k, before[k]])),
        after: Object.fromEntries(keys.map((k) => [k, next[k]])),
      };
    });
  }
}

/** Each counter's day deltas summed from the unnested contribution entries `e(day, counter, value)`. */
const counterSums = COUNTERS.map(
  // int, not the bigint SUM gives: the next SUM of a bigint would be numeric, ten times slower.
  (c) => `SUM(CASE WHEN counter = ${COUNTER_CODE[c]} THEN value ELSE 0 END)::int AS ${COLUMN[c]}`,
).join(', ');

/** Staged rows of file rows `from`..`to` (inclusive). */
export type StagedRange = { from: number; to: number };
const inRange = (r: StagedRange) => sql`s.row_no BETWEEN ${r.from} AND ${r.to}`;

/**
 * Adds to the rollups what the staged rows of a range change: the contributions of new and changed dossiers, minus
 * the stored contributions of the changed ones (on their old unit and procedure), at every grain and for
 * all procedures too (`expandGrains` in SQL).
 */
export async function applyStagedRollups(db: Db, jobId: string, range: StagedRange): Promise<void> {
  const cols = COUNTERS.map((c) => COLUMN[c]);
  const colList = cols.join(', ');
  const sums = cols.map((c) => `SUM(${c})::int AS ${c}`).join(', ');
  const query: SQL = sql`
    WITH entries AS (
      SELECT s.unit_id, s.procedure_id, e.day, e.counter, e.value
        FROM dossier_import_rows s
        LEFT JOIN dossiers d ON d.code = s.code
       CROSS JOIN LATERAL unnest(s.contrib_day, s.contrib_counter, s.contrib_value) AS e(day, counter, value)
       WHERE s.job_id = ${jobId}::uuid AND ${inRange(range)} AND (d.id IS NULL OR ${sql.raw(CHANGED)})
      UNION ALL
      SELECT d.unit_id, d.procedure_id, e.day, e.counter, -e.value
        FROM dossier_import_rows s
        JOIN dossiers d ON d.code = s.code
       CROSS JOIN LATERAL unnest(d.contrib_day, d.contrib_counter, d.contrib_value) AS e(day, counter, value)
       WHERE s.job_id = ${jobId}::uuid AND ${inRange(range)} AND ${sql.raw(CHANGED)}
    ), d AS (
      SELECT unit_id, procedure_id, day, ${sql.raw(counterSums)} FROM entries GROUP BY 1, 2, 3
    ), m AS (
      SELECT unit_id, procedure_id, date_trunc('month', day)::date AS day, ${sql.raw(sums)} FROM d GROUP BY 1, 2, 3
    ), y AS (
      SELECT unit_id, procedure_id, date_trunc('year', day)::date AS day, ${sql.raw(sums)} FROM m GROUP BY 1, 2, 3
    ), buckets AS (
      -- Each grain from the one below it, and all procedures from the procedures' buckets.
      SELECT 'd' AS grain, unit_id, procedure_id, day, ${sql.raw(colList)} FROM d
      UNION ALL SELECT 'm', unit_id, procedure_id, day, ${sql.raw(colList)} FROM m
      UNION ALL SELECT 'y', unit_id, procedure_id, day, ${sql.raw(colList)} FROM y
      UNION ALL SELECT 'd', unit_id, ${ALL_PROCEDURES}::uuid, day, ${sql.raw(sums)} FROM d GROUP BY unit_id, day
      UNION ALL SELECT 'm', unit_id, ${ALL_PROCEDURES}::uuid, day, ${sql.raw(sums)} FROM m GROUP BY unit_id, day
      UNION ALL SELECT 'y', unit_id, ${ALL_PROCEDURES}::uuid, day, ${sql.raw(sums)} FROM y GROUP BY unit_id, day
    )
    INSERT INTO dossier_rollups (grain, unit_id, procedure_id, day, ${sql.raw(cols.join(', '))})
    SELECT grain, unit_id, procedure_id, day, ${sql.raw(cols.join(', '))} FROM buckets
     WHERE ${sql.raw(cols.map((c) => `${c} <> 0`).join(' OR '))}
    ON CONFLICT (procedure_id, grain, day, unit_id) DO UPDATE SET
      ${sql.raw(cols.map((c) => `${c} = dossier_rollups.${c} + excluded.${c}`).join(', '))}`;
  await db.execute(query);
}

/** Inserts the new dossiers and updates the changed ones from the staged rows of a range; returns the counts. */
export async function upsertStagedDossiers(
  db: Db,
  jobId: string,
  range: StagedRange,
): Promise<{ created: number; updated: number }> {
  const names = STORED.map(col);
  const [counts] = await sqlRows<{ created: number; updated: number }>(
    db,
    sql`WITH up AS (
          INSERT INTO dossiers (${sql.raw(names.join(', '))})
          SELECT ${sql.raw(names.map((n) => `s.${n}`).join(', '))}
            FROM dossier_import_rows s WHERE s.job_id = ${jobId}::uuid AND ${inRange(range)} ORDER BY s.row_no
          ON CONFLICT (code) DO UPDATE SET
            ${sql.raw(COMPARED.map((k) => `${col(k)} = excluded.${col(k)}`).join(', '))},
            version = dossiers.version + 1, updated_at = now()
          WHERE ${sql.raw(changed('dossiers', 'excluded'))}
          RETURNING (xmax = 0) AS inserted)
        SELECT (count(*) FILTER (WHERE inserted))::int AS created,
               (count(*) FILTER (WHERE NOT inserted))::int AS updated
          FROM up`,
  );
  return { created: Number(counts?.created ?? 0), updated: Number(counts?.updated ?? 0) };
}
