// The second server of the end-to-end suite (e2e/fresh-province.spec.ts): a province that is not the demo, set
// up as the README tells a real one to start — `chidao admin create --unit 42` (Hà Tĩnh, imported from the GSO
// data on the empty registry) and `chidao units import-departments --province 42` — then started without the
// demo. Everything after that is done in the browser. Run after scripts/build-if-needed.mjs (the first server's
// command builds).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cli = (...args) =>
  execFileSync(process.execPath, [path.join(root, 'dist/server/cli.js'), ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: process.env,
  });

cli(
  'admin',
  'create',
  '--email',
  process.env.CHIDAO_E2E_FRESH_EMAIL ?? 'quantri@hatinh.gov.vn',
  '--name',
  'Nguyễn Văn Quản',
  '--password',
  process.env.CHIDAO_E2E_FRESH_PASSWORD ?? 'HaTinh-quan-tri-2026',
  '--unit',
  '42',
);
cli('units', 'import-departments', '--province', '42');
await import(path.join(root, 'dist/server/main.js'));
