// What several benchmarks do the same way: write a generated dossier CSV to disk, and run one statement on the
// PostgreSQL server that holds their scratch databases.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `rows` generated dossiers (server/modules/dossiers/generator.ts, passed in because the benches load the
 * server's TypeScript through tsx) as the default import's CSV, streamed to `csvPath` in 1 MB pieces.
 */
export async function writeDossierCsv(csvPath, generator, options, rows) {
  const { generateDossiers, dossierCsvLine, CSV_HEADER } = generator;
  const out = fs.createWriteStream(csvPath);
  const write = (s) => (out.write(s) ? null : new Promise((r) => out.once('drain', r)));
  await write(CSV_HEADER.join(',') + '\n');
  let buf = '';
  for (const d of generateDossiers({ ...options, rows })) {
    buf += dossierCsvLine(d) + '\n';
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise((r) => out.end(r));
}

/** One statement (CREATE/DROP DATABASE) on the server at `url`, on a connection of its own. */
export async function adminQuery(url, text) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The PostgreSQL server that holds the benches' scratch databases. */
export const PG_BASE =
  process.env.CHIDAO_TEST_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Benches that import the server's TypeScript modules run themselves again under tsx (once: the child is marked
 * by CHIDAO_BENCH_CHILD) and exit with the child's status; in the child this returns and the bench goes on.
 */
export function rerunUnderTsx(filename, { nodeArgs = [], env = {} } = {}) {
  if (process.env.CHIDAO_BENCH_CHILD) return;
  const r = spawnSync(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', filename, ...process.argv.slice(2)],
    {
      cwd: path.resolve(import.meta.dirname, '../..'),
      stdio: 'inherit',
      env: { ...process.env, ...env, CHIDAO_BENCH_CHILD: '1' },
    },
  );
  process.exit(r.status ?? 1);
}
