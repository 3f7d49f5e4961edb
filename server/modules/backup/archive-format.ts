import { z } from 'zod';

/**
 * The chidao backup archive (pure definitions; decision 0005). A gzip'd tar holding, in this order:
 *
 * - `chidao-backup.json` — what the file is (format, version, when, from which engine);
 * - `db/<table>/<n>.jsonl` — each table's rows in dependency order, in chunks of a few MB; one JSON array
 *   per line, each column's PostgreSQL text form (or null), so every type round-trips exactly and the
 *   archive restores into either engine;
 * - `files/<sha256>` — the contents of the file store (content-addressed, so the name is the checksum);
 * - `manifest.json` — the migrations applied, every table's columns, row count and chunks with their
 *   SHA-256, the sequences, the stored files, and any file the database referred to that was gone.
 */

export const ARCHIVE_FORMAT = 'chidao-backup';
export const ARCHIVE_VERSION = 1;
export const HEADER_ENTRY = 'chidao-backup.json';
export const MANIFEST_ENTRY = 'manifest.json';

/** Rows per chunk, and bytes after which a chunk is closed early (large JSON values). */
export const CHUNK_ROWS = 5_000;
export const CHUNK_BYTES = 4 * 1024 * 1024;

export const chunkEntry = (table: string, n: number) => `db/${table}/${String(n).padStart(6, '0')}.jsonl`;
export const fileEntry = (key: string) => `files/${key}`;
export const FILE_KEY = /^[a-f0-9]{64}$/;

const sha256Hex = z.string().regex(FILE_KEY);

export const archiveHeader = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int(),
  chidaoVersion: z.string(),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
});
export type ArchiveHeader = z.infer<typeof archiveHeader>;

export const appliedMigration = z.object({
  /** The migration's journal timestamp (what Drizzle records as `created_at`). */
  when: z.number(),
  hash: z.string(),
  /** Its name in this chidao's journal (null: unknown to the version that made the backup). */
  tag: z.string().nullable(),
});
export type AppliedMigration = z.infer<typeof appliedMigration>;

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  chidaoVersion: z.string(),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  serverVersion: z.string(),
  migrations: z.array(appliedMigration),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      columns: z.array(z.object({ name: z.string().min(1), type: z.string() })).min(1),
      rows: z.number().int().min(0),
      chunks: z.array(
        z.object({
          entry: z.string(),
          rows: z.number().int().min(1),
          bytes: z.number().int().min(0),
          sha256: sha256Hex,
        }),
      ),
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
  files: z.array(z.object({ key: sha256Hex, size: z.number().int().min(0) })),
  /** Store keys the database referred to that were not in the store any more when it was copied. */
  missingFiles: z.array(z.string()),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type TableManifest = Manifest['tables'][number];

/** A quoted SQL identifier. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A PostgreSQL array literal of text elements (NULL for null), passed as one text parameter and cast —
 * the same on node-postgres and PGlite, whatever their own array handling.
 */
export function textArrayLiteral(values: readonly (string | null)[]): string {
  return `{${values
    .map((v) => (v === null ? 'NULL' : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`))
    .join(',')}}`;
}

/** One row of a chunk: its columns' text forms. */
export const encodeRow = (row: readonly (string | null)[]) => JSON.stringify(row);

/** The rows of a chunk; each must have `width` text-or-null cells. */
export function decodeChunk(text: string, width: number, entry: string): (string | null)[][] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, i) => {
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new Error(`${entry}: line ${i + 1} is not JSON`);
    }
    if (
      !Array.isArray(row) ||
      row.length !== width ||
      !row.every((cell) => cell === null || typeof cell === 'string')
    )
      throw new Error(`${entry}: line ${i + 1} does not have ${width} columns`);
    return row as (string | null)[];
  });
}

/**
 * Tables ordered so that each comes after the tables it refers to (foreign keys), ties by name; a
 * reference to itself is ignored, and tables left in a cycle come last by name (the restore adds the
 * foreign keys back only after loading, so the order matters for clarity and for nothing else).
 */
export function dependencyOrder(
  tables: readonly string[],
  references: readonly { table: string; references: string }[],
): string[] {
  const known = new Set(tables);
  const needs = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const r of references)
    if (r.table !== r.references && known.has(r.table) && known.has(r.references))
      needs.get(r.table)!.add(r.references);
  const order: string[] = [];
  const placed = new Set<string>();
  for (;;) {
    const ready = [...needs.keys()]
      .filter((t) => !placed.has(t) && [...needs.get(t)!].every((d) => placed.has(d)))
      .sort();
    if (!ready.length) break;
    for (const t of ready) {
      order.push(t);
      placed.add(t);
    }
  }
  return [...order, ...tables.filter((t) => !placed.has(t)).sort()];
}

export type MigrationPlan = { ok: true; count: number } | { ok: false; unknown: string };

/**
 * Whether this chidao can rebuild the database structure of a backup: the migrations it had applied must
 * be the first ones of this version's journal (then the restore migrates that far, loads the rows, and
 * applies this version's later migrations to them).
 */
export function migrationsToReplay(
  applied: readonly AppliedMigration[],
  journal: readonly { tag: string; when: number }[],
): MigrationPlan {
  for (const [i, m] of applied.entries()) {
    if (journal[i]?.when !== m.when)
      return { ok: false, unknown: m.tag ?? `#${i + 1} (${new Date(m.when).toISOString()})` };
  }
  return { ok: true, count: applied.length };
}

/** The default archive name: `chidao-backup-20250131-102030Z.tar.gz` (UTC). */
export function archiveName(at: Date): string {
  const iso = at.toISOString(); // 2025-01-31T10:20:30.123Z
  return `chidao-backup-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}Z.tar.gz`;
}
