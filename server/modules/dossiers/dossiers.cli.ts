import { parseArgs } from 'node:util';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { seedDossiers } from './dossiers-seed.service.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const DOSSIERS_HELP = `  chidao seed dossiers [--rows N] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--seed S]
                                      generated dossiers of the demo province (default 20000 rows, 2023-01-01
                                      to today) through the ingest path with rollups; same options = no change`;

/** `chidao seed dossiers …`. Returns the exit code. */
export async function seedDossiersCommand(args: string[], ctx: RequestContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string', default: '20000' },
      from: { type: 'string', default: '2023-01-01' },
      to: { type: 'string', default: todayInVietnam() },
      seed: { type: 'string', default: '2025' },
    },
  });
  const rows = Number(values.rows);
  const seed = Number(values.seed);
  if (!Number.isInteger(rows) || rows < 1)
    return fail(`--rows must be a positive integer (got ${values.rows}).`);
  if (!Number.isInteger(seed)) return fail(`--seed must be an integer (got ${values.seed}).`);
  if (!DATE.test(values.from) || !DATE.test(values.to) || values.from > values.to)
    return fail(`--from and --to must be YYYY-MM-DD, from before to (got ${values.from} … ${values.to}).`);
  const started = performance.now();
  let last = 0;
  const result = await seedDossiers(ctx, {
    rows,
    from: values.from,
    to: values.to,
    seed,
    onProgress: (done) => {
      if (done - last >= 20_000 || done === rows) {
        last = done;
        process.stderr.write(`  ${done} / ${rows}\n`);
      }
    },
  });
  console.log(
    `${result.procedures} procedures added; dossiers: ${result.created} created, ${result.updated} updated, ` +
      `${result.unchanged} unchanged (${((performance.now() - started) / 1000).toFixed(1)} s).`,
  );
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 64;
}
