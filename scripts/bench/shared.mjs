// What several benchmarks do the same way: write a generated dossier CSV to disk, and run one statement on the
// PostgreSQL server that holds their scratch databases.
import fs from 'node:fs';

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
