// Builds the server (tsc) and the web UI (vite) when their output is missing or older than the sources.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function newest(dir, exts) {
  let latest = 0;
  if (!fs.existsSync(dir)) return latest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !exts.some((e) => entry.name.endsWith(e))) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    latest = Math.max(latest, fs.statSync(full).mtimeMs);
  }
  return latest;
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
    newest(path.join(root, 'web'), ['.ts', '.tsx', '.json', '.css', '.html']),
    mtime(path.join(root, 'vite.config.ts')),
  );
  if (fs.existsSync(path.join(root, 'web/index.html')) && mtime(webOut) < webSrc) run('web');
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded();
