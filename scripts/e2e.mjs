// `npm run test:e2e [-- --groups N | --serial] [-- <playwright args>]`: the end-to-end suite in Debian's Chromium,
// as N groups of spec files run at the same time, each by its own Playwright process against its own servers (its
// own data directory, ports and output folder), so that the suite takes about half the time on two cores
// (measured on this 2-core machine: 36 min in one process, about 20–25 min in two).
//
// The groups are contiguous runs of the spec files in name order — the order one process runs them in — so a spec
// still runs after every spec it has always followed within its group: the cut points are chosen so that the specs
// that build on an earlier one's records stay together (par-surveys → parindex). Only the group holding
// fresh-province.spec.ts starts the second, non-demo server (CHIDAO_E2E_FRESH=off for the others).
// Extra arguments go to every Playwright process (e.g. `--grep portal`); `--serial` runs one plain process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const take = (flag) => {
  const i = args.indexOf(flag);
  if (i < 0) return null;
  const [, value] = args.splice(i, 2);
  return value;
};
const serial = args.includes('--serial');
if (serial) args.splice(args.indexOf('--serial'), 1);
const groups = serial ? 1 : Number(take('--groups') ?? 2);

/** Where each group after the first starts (the first spec file of the group, in name order). */
const CUTS = ['par-surveys.spec.ts'];

const specs = fs
  .readdirSync(path.join(root, 'e2e'))
  .filter((f) => f.endsWith('.spec.ts'))
  .sort();

function split(n) {
  if (n <= 1) return [specs];
  const cuts = CUTS.slice(0, n - 1).map((c) => specs.indexOf(c));
  if (cuts.some((i) => i < 0)) throw new Error(`a cut point is not a spec file: ${CUTS.join(', ')}`);
  const out = [];
  let from = 0;
  for (const at of [...cuts, specs.length]) {
    out.push(specs.slice(from, at));
    from = at;
  }
  return out.filter((g) => g.length);
}

buildIfNeeded();
const started = Date.now();
const parts = split(groups);

function run(files, k) {
  const fresh = files.includes('fresh-province.spec.ts');
  const env = {
    ...process.env,
    // Each group its own ports (the defaults for the first) and output folder.
    CHIDAO_E2E_PORT: String(3457 + 100 * k),
    CHIDAO_E2E_FRESH_PORT: String(3458 + 100 * k),
    CHIDAO_E2E_SMTP_PORT: String(2526 + 100 * k),
    CHIDAO_E2E_OUTPUT: parts.length > 1 ? `test-results/group-${k + 1}` : 'test-results',
    CHIDAO_E2E_FRESH: fresh ? 'on' : 'off',
  };
  const list = parts.length > 1 ? files.map((f) => `e2e/${f}`) : [];
  const child = spawn('npx', ['playwright', 'test', ...list, ...args], { cwd: root, env, stdio: 'pipe' });
  const label = parts.length > 1 ? `[${k + 1}] ` : '';
  const relay = (stream, out) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) out.write(label + line + '\n');
    });
    stream.on('end', () => rest && out.write(label + rest + '\n'));
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

if (parts.length > 1)
  parts.forEach((files, k) => console.log(`[${k + 1}] ${files.length} spec files: ${files.join(' ')}`));
const codes = await Promise.all(parts.map(run));
const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`e2e: ${parts.length} group(s) in ${minutes} min; exit codes ${codes.join(', ')}`);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
