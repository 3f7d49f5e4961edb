/**
 * The schema-driven fuzz test (issue 11): every API route, requests built from its own schemas and bent one
 * place at a time (server/test/fuzz/), as anonymous and as several demo roles. No answer may be ≥ 500 and
 * the server must still answer afterwards. CI runs a bounded number of requests; `npm run fuzz -- --requests
 * N` runs as many as wanted (CHIDAO_FUZZ_REQUESTS, CHIDAO_FUZZ_SEED, CHIDAO_FUZZ_REPORT: where to write the
 * JSON report).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../test/harness.js';
import { fuzz } from '../test/fuzz/fuzz.js';

const REQUESTS = Number(process.env.CHIDAO_FUZZ_REQUESTS ?? 3_000);
const SEED = Number(process.env.CHIDAO_FUZZ_SEED ?? 20261206);

const ACCOUNTS = {
  admin: 'admin@chidao.demo',
  standing_officer: 'thuongtruc@chidao.demo',
  committee_member: 'uyvien@chidao.demo',
  focal_point: 'daumoi.tuphap@chidao.demo',
  unit_leader: 'lanhdao.tuphap@chidao.demo',
};

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 1_000_000, lockMinutes: 1, ratePerMinute: 1_000_000 } });
}, 300_000);
afterAll(() => t?.close());

it(
  `${REQUESTS} schema-driven hostile requests over every route: no answer ≥ 500, the server still answers`,
  async () => {
    const login = async () => {
      const out: Record<string, Caller> = {};
      for (const [role, email] of Object.entries(ACCOUNTS)) out[role] = await t.login(email);
      return out;
    };
    const report = await fuzz(t, login, {
      requests: REQUESTS,
      seed: SEED,
      onProgress: (n) => {
        if (REQUESTS > 10_000) process.stderr.write(`fuzz: ${n} / ${REQUESTS}\n`);
      },
    });
    if (process.env.CHIDAO_FUZZ_REPORT)
      fs.writeFileSync(process.env.CHIDAO_FUZZ_REPORT, JSON.stringify(report, null, 2));
    expect(report.failures).toEqual([]);
    expect(report.aliveAfter).toBe(true);
    expect(report.requests).toBe(REQUESTS);
    expect(report.routes).toBeGreaterThan(150);
  },
  Math.max(600_000, REQUESTS * 200),
);
