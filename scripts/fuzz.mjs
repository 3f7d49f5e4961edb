// `npm run fuzz [-- --requests N] [--seed S] [--engine pglite|postgres]`: the schema-driven fuzzer over every API
// route (server/test/fuzz/, server/core/fuzz.routes.test.ts) for as long as wanted; prints one JSON object:
// requests sent, routes, answers by status, failures (every answer ≥ 500 with the request that caused it),
// whether the server still answered afterwards, seconds. Exit status 1 when anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000_007) },
    engine: { type: 'string', default: 'pglite' },
  },
});
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-fuzz-')), 'report.json');
const run = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--project',
    values.engine,
    'server/core/fuzz.routes.test.ts',
  ],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      CHIDAO_FUZZ_REQUESTS: values.requests,
      CHIDAO_FUZZ_SEED: values.seed,
      CHIDAO_FUZZ_REPORT: report,
    },
  },
);
if (!fs.existsSync(report)) {
  console.error('fuzz: the run ended without a report (see the output above)');
  process.exit(run.status || 1);
}
const result = JSON.parse(fs.readFileSync(report, 'utf8'));
console.log(JSON.stringify({ engine: values.engine, ...result }, null, 2));
process.exit(result.failures.length || !result.aliveAfter ? 1 : 0);
