/**
 * A multi-row INSERT as one array per column, unnested by the database: `INSERT INTO t (a, b) SELECT * FROM
 * unnest($1::text[], $2::uuid[])`. For statements that write many rows at once (the hotline's group commit writes
 * up to 200 cases, their history steps and their journal entries together), this is one parameter a column
 * instead of one a value: the statement stays small whatever the number of rows, and building it costs a few
 * parameters rather than thousands (Drizzle's `.values([...])` checks every value; measured under
 * `npm run bench -- hotline`).
 *
 * The columns written are the keys of the rows — every row must give the same ones (an array has no "left out"):
 * each is cast to the column's own SQL type; columns no row gives take their database default (`defaultNow()`,
 * `defaultRandom()`, serials). A Drizzle `$defaultFn` is not run — tables written this way must not rely on one.
 * Dates are sent as ISO instants, JSON columns as their text.
 */
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

type Row<T extends PgTable> = Partial<T['$inferInsert']>;

export function unnestInsert<T extends PgTable>(table: T, values: readonly Row<T>[]): SQL {
  if (!values.length) throw new RangeError(`unnestInsert into ${getTableName(table)}: no rows`);
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const given = (row: Row<T>) =>
    Object.keys(row)
      .filter((k) => (row as Record<string, unknown>)[k] !== undefined)
      .sort()
      .join();
  const keys = Object.keys(values[0]!).filter((k) => values[0]![k as keyof Row<T>] !== undefined);
  const unknown = keys.find((k) => !columns[k]);
  if (unknown) throw new RangeError(`unnestInsert into ${getTableName(table)}: no column ${unknown}`);
  const first = given(values[0]!);
  if (values.some((row) => given(row) !== first))
    throw new RangeError(`unnestInsert into ${getTableName(table)}: rows give different columns`);
  const arrays = keys.map((key) => {
    const column = columns[key]!;
    const type = column.getSQLType();
    const json = type === 'jsonb' || type === 'json';
    const list = values.map((row) => {
      const x = (row as Record<string, unknown>)[key];
      if (x === undefined || x === null) return null;
      if (x instanceof Date) return x.toISOString();
      return json ? JSON.stringify(x) : x;
    });
    return sql`${sql.param(list)}::${sql.raw(type)}[]`;
  });
  return sql`INSERT INTO ${table} (${sql.join(
    keys.map((k) => sql.identifier(columns[k]!.name)),
    sql`, `,
  )}) SELECT * FROM unnest(${sql.join(arrays, sql`, `)})`;
}

/**
 * `unnestInsert` with the inserted rows returned as Drizzle returns them (`.returning()`): every column, under its
 * key, decoded by the column (dates, timestamps, JSON), so callers cannot tell the two apart.
 */
export async function unnestInsertReturning<T extends PgTable>(
  db: { execute(query: SQL): PromiseLike<unknown> },
  table: T,
  values: readonly Row<T>[],
): Promise<T['$inferSelect'][]> {
  const result = (await db.execute(sql`${unnestInsert(table, values)} RETURNING *`)) as {
    rows: Record<string, unknown>[];
  };
  const columns = Object.entries(
    getTableColumns(table) as Record<string, { name: string; mapFromDriverValue(v: unknown): unknown }>,
  );
  return result.rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const raw = row[column.name];
      out[key] = raw === null || raw === undefined ? null : column.mapFromDriverValue(raw);
    }
    return out as T['$inferSelect'];
  });
}
