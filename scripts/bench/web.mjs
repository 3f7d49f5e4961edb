// `npm run bench -- web [--runs 5] [--slow-runs 3] [--pages a,b] [--check] [--no-build] [--web-dir DIR] [--verbose]`:
// what the web app costs a visit, in Debian's Chromium against the built server on an empty temporary data
// directory (the demo province). Prints one JSON object:
//   assets                 every JS and CSS file of the build: files, raw bytes, gzip and brotli (the .gz/.br
//                          files the build writes beside them; computed when missing)
//   pages.<page>.initial   the JS and CSS the page fetched before its first render (login: the sign-in form;
//                          landing: the home page of daumoi.tuphap@chidao.demo, its greeting; province: the
//                          committee head's province dashboard; portal: the public portal's home, signed out),
//                          the same sizes, and the body bytes actually transferred (whichever encoding the server
//                          chose)
//   pages.<page>.local     fcp_ms, lcp_ms, ready_ms (first render of the page): medians over --runs cold visits
//                          (a new browser context each, so an empty cache), no network emulation
//   pages.<page>.slow4g    the same over Chromium's network emulation (CDP Network.emulateNetworkConditions:
//                          1.6 Mbps down, 750 kbps up, 150 ms round trip), --slow-runs visits
//   pages.<page>.slow4g_repeat  a second visit in the same context on slow 4G: what the cache saves
//   budget                 each page's budget (initial JS gzip; and for the province dashboard and the public
//                          portal FCP ≤ 1 s and LCP ≤ 1,5 s on the local server — issue 18) and whether it is met;
//                          with --check the command exits 1 when one is not (CI runs it so)
// --web-dir measures another build of the web app (e.g. a copy of an older dist/web) with the same server.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { buildIfNeeded } from '../build-if-needed.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  allowNegative: true,
  options: {
    build: { type: 'boolean', default: true },
    runs: { type: 'string', default: '5' },
    'slow-runs': { type: 'string', default: '3' },
    'web-dir': { type: 'string' },
    pages: { type: 'string' },
    check: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const SLOW_RUNS = Number(values['slow-runs']);
const KB = 1024;
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const PASSWORD = 'chidao-demo';
/** Each page: where, its first-render marker, who is signed in, and its budget (initial JS gzip; paint times local). */
const ALL_PAGES = {
  login: { url: '/login', ready: '[data-testid="login-form"]', user: null, budget: { js_gzip: 300 * KB } },
  landing: {
    url: '/',
    ready: '[data-testid="welcome"]',
    user: 'daumoi.tuphap@chidao.demo',
    budget: { js_gzip: 300 * KB },
  },
  province: {
    url: '/province',
    ready: '[data-testid="province-dashboard"]',
    user: 'truongban@chidao.demo',
    budget: { js_gzip: 300 * KB, fcp_ms: 1000, lcp_ms: 1500 },
  },
  portal: {
    url: '/cong-khai',
    ready: '[data-testid="portal-home"]',
    user: null,
    budget: { js_gzip: 150 * KB, fcp_ms: 1000, lcp_ms: 1500 },
  },
};
const PAGES = values.pages
  ? Object.fromEntries(values.pages.split(',').map((name) => [name, ALL_PAGES[name]]))
  : ALL_PAGES;
for (const [name, page] of Object.entries(PAGES)) if (!page) throw new Error(`unknown page ${name}`);
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (values.build) buildIfNeeded();
const webDir = path.resolve(values['web-dir'] ?? path.join(root, 'dist/web'));

// ---- sizes of the files on disk ----------------------------------------------------------------------------

const sizeCache = new Map();
/** raw, gzip and brotli bytes of one built file (the precompressed siblings when the build wrote them). */
function sizes(file) {
  if (sizeCache.has(file)) return sizeCache.get(file);
  const data = fs.readFileSync(file);
  const sibling = (ext, make) =>
    fs.existsSync(file + ext) ? fs.statSync(file + ext).size : make(data).length;
  const s = {
    raw: data.length,
    gzip: sibling('.gz', (d) => zlib.gzipSync(d, { level: 9 })),
    brotli: sibling('.br', (d) =>
      zlib.brotliCompressSync(d, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    ),
  };
  sizeCache.set(file, s);
  return s;
}

function total(files) {
  const t = { files: files.length, raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const s = sizes(f);
    t.raw += s.raw;
    t.gzip += s.gzip;
    t.brotli += s.brotli;
  }
  return t;
}

function builtFiles(ext) {
  return fs
    .readdirSync(webDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(webDir, f));
}

// ---- the server --------------------------------------------------------------------------------------------

async function startServer(dataDir) {
  // The server serves `dist/web` of its working directory: another build runs from a directory linking to it.
  let cwd = root;
  if (values['web-dir']) {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-bench-web-cwd-'));
    fs.mkdirSync(path.join(cwd, 'dist'));
    fs.symlinkSync(webDir, path.join(cwd, 'dist/web'));
  }
  const child = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], {
    cwd,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CHIDAO_DATA_DIR: dataDir,
      CHIDAO_LOG_LEVEL: 'warn',
      // The demo's generated dossiers are imported in the background on a first start: not while measuring.
      CHIDAO_DEMO_DOSSIERS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const port = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      out += chunk;
      const m = out.match(/running: http:\/\/localhost:(\d+)/);
      if (m) resolve(Number(m[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => (out += c));
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out.slice(-2000)}`)));
  });
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    if (cwd !== root) fs.rmSync(cwd, { recursive: true, force: true });
  };
  return { base: `http://127.0.0.1:${port}`, stop };
}

// ---- one visit ---------------------------------------------------------------------------------------------

/** Records when the page's first-render marker appears and the largest contentful paint, from the start. */
function instrument({ selector }) {
  const bench = { ready: null, lcp: null };
  window.__bench = bench;
  const check = () => {
    if (bench.ready === null && document.querySelector(selector)) bench.ready = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

async function signIn(context, base, email) {
  const res = await context.request.post(`${base}/api/auth/login`, {
    data: { email, password: PASSWORD },
    headers: { origin: base },
  });
  if (res.status() !== 200) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
}

async function visit(context, base, page, throttle) {
  const tab = await context.newPage();
  await tab.addInitScript(instrument, { selector: page.ready });
  if (throttle) {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', throttle);
  }
  await tab.goto(base + page.url, { waitUntil: 'load', timeout: 120_000 });
  await tab.waitForSelector(page.ready, { timeout: 120_000 });
  await tab.waitForLoadState('networkidle', { timeout: 120_000 });
  const m = await tab.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const resources = performance
      .getEntriesByType('resource')
      .filter((r) => r.name.startsWith(location.origin))
      .map((r) => ({
        path: new URL(r.name).pathname,
        start: r.startTime,
        end: r.responseEnd,
        transfer: r.transferSize,
        encoded: r.encodedBodySize,
        decoded: r.decodedBodySize,
      }));
    return { fcp, lcp: window.__bench.lcp, ready: window.__bench.ready, resources };
  });
  await tab.close();
  return m;
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.floor((s.length - 1) / 2)]) : null;
};

function timings(visits) {
  return {
    runs: visits.length,
    fcp_ms: median(visits.map((v) => v.fcp)),
    lcp_ms: median(visits.map((v) => v.lcp)),
    ready_ms: median(visits.map((v) => v.ready)),
  };
}

/** JS and CSS fetched before the page's first render, with their sizes on disk and as transferred. */
function initial(visit) {
  const before = visit.resources.filter((r) => r.start <= visit.ready && /\.(js|css)$/.test(r.path));
  const of = (ext) => {
    const list = before.filter((r) => r.path.endsWith(ext));
    const t = total(list.map((r) => path.join(webDir, r.path)));
    return { ...t, transferred: list.reduce((n, r) => n + r.encoded, 0) };
  };
  return { js: of('.js'), css: of('.css') };
}

// ---- run ---------------------------------------------------------------------------------------------------

const result = {
  suite: 'web',
  node: process.version,
  cpus: os.cpus().length,
  web_dir: path.relative(root, webDir) || '.',
  assets: { js: total(builtFiles('.js')), css: total(builtFiles('.css')) },
  pages: {},
};
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-bench-web-'));
const server = await startServer(dataDir);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
result.chromium = browser.version();
try {
  for (const [name, page] of Object.entries(PAGES)) {
    const cold = async (throttle) => {
      const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 860 } });
      if (page.user) await signIn(context, server.base, page.user);
      const first = await visit(context, server.base, page, throttle);
      const repeat = throttle ? await visit(context, server.base, page, throttle) : null;
      await context.close();
      return { first, repeat };
    };
    await cold(null); // warms the server (and the operating system's file cache) up
    const local = [];
    for (let i = 0; i < RUNS; i++) local.push((await cold(null)).first);
    const slow = [];
    const slowRepeat = [];
    for (let i = 0; i < SLOW_RUNS; i++) {
      const { first, repeat } = await cold(SLOW_4G);
      slow.push(first);
      slowRepeat.push(repeat);
    }
    result.pages[name] = {
      url: page.url,
      initial: initial(local[0]),
      local: timings(local),
      slow4g: timings(slow),
      slow4g_repeat: {
        ...timings(slowRepeat),
        // bytes of JS and CSS that came over the network again (0: all from the cache)
        assets_transferred: (slowRepeat[0]?.resources ?? [])
          .filter((r) => /\.(js|css)$/.test(r.path))
          .reduce((n, r) => n + r.transfer, 0),
      },
    };
    if (values.verbose) {
      result.pages[name].resources = local[0].resources.map((r) => ({
        ...r,
        start: Math.round(r.start),
        end: Math.round(r.end),
        before_render: r.start <= local[0].ready,
      }));
    }
  }
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
/** Each page against its budget: the measured figure beside its limit (local paint times: medians). */
result.budget = Object.fromEntries(
  Object.entries(result.pages).map(([name, p]) => {
    const b = PAGES[name].budget;
    const checks = { js_gzip: [p.initial.js.gzip, b.js_gzip] };
    if (b.fcp_ms) checks.fcp_ms = [p.local.fcp_ms, b.fcp_ms];
    if (b.lcp_ms) checks.lcp_ms = [p.local.lcp_ms, b.lcp_ms];
    const rows = Object.fromEntries(
      Object.entries(checks).map(([k, [value, max]]) => [
        k,
        { value, max, ok: value !== null && value <= max },
      ]),
    );
    return [name, { ...rows, ok: Object.values(rows).every((r) => r.ok) }];
  }),
);
result.budget_ok = Object.values(result.budget).every((b) => b.ok);
console.log(JSON.stringify(result, null, 2));
if (values.check && !result.budget_ok) {
  console.error(
    'web budget exceeded: ' +
      Object.keys(result.budget)
        .filter((k) => !result.budget[k].ok)
        .join(', '),
  );
  process.exit(1);
}
