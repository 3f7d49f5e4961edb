import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.js';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('data directory lock (PGlite has none of its own)', () => {
  it('a second holder is refused while the first lives, with a message naming the directory and pid', async () => {
    const dir = tmp();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    await new Promise((r) => child.once('spawn', r));
    fs.writeFileSync(path.join(dir, 'chidao.lock'), `${child.pid}\n`);
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(
        new RegExp(`in use by another chidao process \\(pid ${child.pid}\\)`),
      );
    } finally {
      child.kill();
    }
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'chidao.lock'), '999999999\n');
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'chidao.lock'), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, 'chidao.lock'))).toBe(false);
  });
});
