// Builds the server (tsc) and the web UI (vite) when their output is missing or older than the sources (a file
// added, changed, renamed or deleted: folders count with their own time), or when the web build lacks the
// compressed copies (.br/.gz) of its assets that the server sends.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function newest(dir, exts) {
  if (!fs.existsSync(dir)) return 0;
  let latest = fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const wanted = entry.isDirectory() || (entry.isFile() && exts.some((e) => entry.name.endsWith(e)));
    if (!wanted) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    latest = Math.max(latest, fs.statSync(full).mtimeMs);
  }
  return latest;
}

/** True when each script and stylesheet index.html loads has its .br and .gz beside it (vite.config.ts: ≥ 1 KB). */
function webCompressed(outDir) {
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) =>
    path.join(outDir, m[1]),
  );
  return assets.every(
    (file) => mtime(file) && (fs.statSync(file).size < 1024 || (mtime(`${file}.br`) && mtime(`${file}.gz`))),
  );
}

function mtime(file) {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}

function run(script) {
  // Progress goes to stderr so that a command's own output (e.g. --json) stays clean.
  console.error(`chidao: building (${script}) …`);
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/.bin', script === 'server' ? 'tsc' : 'vite'),
      ...(script === 'server' ? ['-p', 'tsconfig.server.json'] : ['build', '--logLevel', 'warn']),
    ],
    {
      cwd: root,
      stdio: ['ignore', 2, 2],
    },
  );
}

export function buildIfNeeded() {
  const serverOut = path.join(root, 'dist/server/main.js');
  const serverSrc = Math.max(
    newest(path.join(root, 'server'), ['.ts', '.sql', '.json']),
    mtime(path.join(root, 'package-lock.json')),
  );
  if (mtime(serverOut) < serverSrc) run('server');
  const webOut = path.join(root, 'dist/web/index.html');
  const webSrc = Math.max(
    newest(path.join(root, 'web'), ['.ts', '.tsx', '.json', '.css', '.html', '.svg']),
    mtime(path.join(root, 'vite.config.ts')),
    mtime(path.join(root, 'package-lock.json')),
  );
  if (
    fs.existsSync(path.join(root, 'web/index.html')) &&
    (mtime(webOut) < webSrc || !webCompressed(path.dirname(webOut)))
  ) {
    run('web');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded();
