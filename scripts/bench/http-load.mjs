/**
 * What the public-form load benches share (./hotline-submissions.mjs, ./surveys-submissions.mjs): the server in a
 * child process on a free port, a keep-alive HTTP client that times each request, the captcha's proof of work,
 * and the CPU seconds of a process and of the machine (Linux /proc).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { PG_BASE } from './shared.mjs';

/** Clock ticks a second of /proc's CPU times (USER_HZ: 100 on Linux). */
export const CLK_TCK = 100;

/** Starts the server (`serverArgs`, run from `root`); resolves once it says where it listens. */
export function startServer(root, serverArgs, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, ...serverArgs], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/running: http:\/\/localhost:(\d+)/);
      if (m) resolve({ child, port: Number(m[1]), output: () => out });
    });
    child.stderr.on('data', (c) => (out += c));
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out.slice(-3000)}`)));
  });
}

export async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The client's target: set `port` and `agent` (one keep-alive connection per request in flight) once started. */
export const client = { port: 0, agent: undefined };

/** One request; resolves with the status, the body and the milliseconds to the body's end (0: no answer). */
export function send(method, urlPath, headers, body) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request(
      { host: '127.0.0.1', port: client.port, method, path: urlPath, headers, agent: client.agent },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, body: Buffer.concat(chunks), ms: performance.now() - t0 }),
        );
        res.on('error', () => resolve({ status: 0, body: null, ms: performance.now() - t0 }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: null, ms: performance.now() - t0 }));
    req.end(body);
  });
}

export async function waitReady() {
  for (;;) {
    const res = await send('GET', '/readyz', {});
    if (res.status === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The nonce: SHA-256(`salt:nonce`) with `difficulty` leading zero bits (about 2 tries at 1 bit). */
export function solve(salt, difficulty) {
  for (let n = 0; ; n++) {
    const h = createHash('sha256').update(`${salt}:${n}`).digest();
    let bits = 0;
    for (const byte of h) {
      if (byte === 0) {
        bits += 8;
        continue;
      }
      bits += Math.clz32(byte) - 24;
      break;
    }
    if (bits >= difficulty) return String(n);
  }
}

/** CPU seconds a process has used (user + system). */
export function procCpuS(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime + stime
}

/** CPU seconds the machine has been busy (all but idle and iowait). */
export function machineBusyS() {
  const [, ...f] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = f.map(Number);
  return (n.reduce((a, b) => a + b, 0) - n[3] - n[4]) / CLK_TCK;
}

/** The PostgreSQL backends serving database `name` (the server's pool), by pid. */
export async function backendPids(name) {
  const { default: pg } = await import('pg');
  const pgClient = new pg.Client({ connectionString: PG_BASE });
  await pgClient.connect();
  try {
    const r = await pgClient.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
    return r.rows.map((row) => row.pid);
  } finally {
    await pgClient.end();
  }
}

/** CPU seconds of these processes together (a backend that ended counts nothing). */
export const backendsCpuS = (pids) =>
  pids.reduce((sum, pid) => {
    try {
      return sum + procCpuS(pid);
    } catch {
      return sum;
    }
  }, 0);

/** CPU seconds of this process (the client). */
export const clientCpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
