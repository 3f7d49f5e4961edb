import fs from 'node:fs';
import path from 'node:path';

/** The package root (the folder holding package.json), whether running from `server/` or `dist/server/`. */
function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${start}`);
    dir = up;
  }
  return dir;
}

export const packageRoot = findRoot(import.meta.dirname);
export const migrationsFolder = path.join(packageRoot, 'server/db/migrations');
export const webDistFolder = path.join(packageRoot, 'dist/web');
export const seedDataFolder = path.join(packageRoot, 'server/data');
