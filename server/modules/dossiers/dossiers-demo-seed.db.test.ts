import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { seedDemoDossiers } from './dossiers-seed.service.js';

let t: TestApp;
let standing: Caller;

beforeAll(async () => {
  t = await testApp();
  standing = await t.login('thuongtruc@chidao.demo');
}, 120_000);
afterAll(() => t?.close());

it('the first start of the demo imports generated dossiers through the file import, once', async () => {
  const deps = { db: t.database.db, store: t.app.fileStore };
  const jobId = await seedDemoDossiers(deps, {
    rows: 800,
    officerEmail: 'thuongtruc@chidao.demo',
    maxBytes: t.app.config.dossierImportMaxBytes,
  });
  expect(jobId).toBeTruthy();
  const job = await standing.request('GET', `/api/dossiers/imports/${jobId}`);
  expect(job.statusCode, job.body).toBe(200);
  expect(job.json()).toMatchObject({
    status: 'done',
    created: 800,
    errorCount: 0,
    fileName: 'ho-so-tthc-mau-nghe-an.csv',
  });
  // The dashboard has figures for the demo province, from 2023 to today.
  const res = await standing.request('GET', '/api/dossiers/indicators?from=2023-01-01&to=2030-12-31');
  expect((res.json() as { total: { totals: { received: number } } }).total.totals.received).toBe(800);
  // A second start finds dossiers and does nothing.
  expect(
    await seedDemoDossiers(deps, {
      rows: 800,
      officerEmail: 'thuongtruc@chidao.demo',
      maxBytes: t.app.config.dossierImportMaxBytes,
    }),
  ).toBeNull();
}, 300_000);
