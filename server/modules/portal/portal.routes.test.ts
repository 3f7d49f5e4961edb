import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { rows } from '../../db/client.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { freshDatabase, testApp, type Caller, type TestApp } from '../../test/harness.js';
import { mergedCommunes } from '../../test/merged-communes.js';
import { campaignResults } from '../parindex/results.service.js';
import { portalReader } from './portal.policy.js';
import type {
  DatapackageOut,
  DossiersOut,
  OpenDataCatalogueOut,
  OpenDataJsonOut,
  ParUnitOut,
  ParYearOut,
  ParYearsOut,
  PilotsPublicOut,
  PlanPublicOut,
  PortalHomeOut,
  PortalSettingsOut,
} from './portal.schemas.js';
import { OPEN_DATA_DEFINITIONS } from './open-data.definitions.js';

/**
 * The public portal end to end (issue 18, items 3–4) on the demo province (Nghệ An publishes everything it has):
 * the public API answers without a cookie, its figures are the modules' own, answers are cached (304 on a repeated
 * request), the open data's CSV has a BOM and the documented columns, no public answer carries a citizen's name,
 * phone or e-mail; the standing officer edits the settings (a stale version is 409, journalled), a unit role cannot,
 * the committee reads; with nothing published, nothing is public.
 */

let t: TestApp;
let officer: Caller;
let member: Caller;
let focal: Caller;

type Res = { statusCode: number; body: string; headers: Record<string, unknown>; json(): unknown };
const ok = <T>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

const PUBLIC_URLS = async () => {
  const home = ok<PortalHomeOut>(await get('/api/public/portal'));
  const par = ok<ParYearsOut>(await get('/api/public/portal/par'));
  const year = par.years[0]!.year;
  const ranking = ok<ParYearOut>(await get(`/api/public/portal/par/${year}`));
  const unitId = ranking.groups[0]!.rows[0]!.unitId;
  return [
    '/api/public/portal',
    '/api/public/portal/par',
    `/api/public/portal/par/${year}`,
    `/api/public/portal/par/${year}/units/${unitId}`,
    '/api/public/portal/dossiers',
    ...home.years.plan.map((y) => `/api/public/portal/plan/${y}`),
    ...home.years.pilots.map((y) => `/api/public/portal/pilots/${y}`),
    '/api/open-data',
    '/api/open-data/datapackage.json',
    ...OPEN_DATA_DEFINITIONS.flatMap((d) => [
      `/api/open-data/${d.name}.csv`,
      `/api/open-data/${d.name}.json`,
    ]),
  ];
};

/** A built web root: the staff app and the public entry (whose head the server writes for the portal's paths). */
const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-portal-web-'));
fs.mkdirSync(path.join(webRoot, 'public-site'));
fs.writeFileSync(path.join(webRoot, 'index.html'), '<html>staff</html>');
fs.writeFileSync(
  path.join(webRoot, 'public-site', 'index.html'),
  '<!doctype html><html lang="vi"><head><meta charset="UTF-8" /><meta name="description" content="Gửi phản ánh" /><title>Phản ánh</title></head><body><div id="root"></div></body></html>',
);

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 100, lockMinutes: 1, ratePerMinute: 10_000 }, webRoot });
  officer = await t.login('thuongtruc@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
}, 900_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

describe('the public API on the demo province', () => {
  it('answers the home without a cookie, with every section the demo has', async () => {
    const res = await get('/api/public/portal');
    const home = ok<PortalHomeOut>(res);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(home.province.name).toMatch(/Nghệ An/);
    expect(home.sections).toEqual({
      par: true,
      dossiers: true,
      plan: true,
      pilots: true,
      feedback: true,
      openData: true,
    });
    expect(home.years.par.length).toBeGreaterThan(0);
    expect(home.figures.par?.groups[0]?.top.length).toBeGreaterThan(0);
    expect(home.figures.plan).not.toBeNull();
    expect(home.figures.feedback).not.toBeNull();
    expect(home.feedbackUrl).toBe('/phan-anh/da-tra-loi');
    expect(home.licence.name).toBe('CC BY 4.0');
  });

  it("ranks a published year as the PAR Index module's own results of the same campaign", async () => {
    const years = ok<ParYearsOut>(await get('/api/public/portal/par'));
    const year = years.years[0]!.year;
    const ranking = ok<ParYearOut>(await get(`/api/public/portal/par/${year}`));
    const [campaign] = await rows<{ id: string; province_id: string }>(
      t.database.db,
      sql`select id::text, province_id::text from par_campaigns where year = ${year} and stage = 'published'`,
    );
    const own = await campaignResults(
      { ...systemContext(t.database.db), actor: portalReader(campaign!.province_id) },
      campaign!.id,
    );
    for (const group of ranking.groups) {
      const first = own.rows.filter((r) => r.group === group.group).sort((a, b) => a.rank - b.rank)[0]!;
      expect(group.rows[0]!.unitId).toBe(first.unitId);
      expect(group.rows[0]!.unitName).toBe(first.unitName);
      expect(group.rows[0]!.percent).toBeCloseTo(first.percent, 2);
      expect(group.rows[0]!.rank).toBe(first.rank);
      expect(group.rows.length).toBe(own.rows.filter((r) => r.group === group.group).length);
      expect(group.fields.length).toBeGreaterThan(0);
    }
    const row = ranking.groups[0]!.rows[0]!;
    const unit = ok<ParUnitOut>(await get(`/api/public/portal/par/${year}/units/${row.unitId}`));
    expect(unit.percent).toBe(row.percent);
    expect(unit.fields.length).toBe(ranking.groups[0]!.fields.length);
    expect(unit.fields[0]!.criteria.length).toBeGreaterThan(0);
    // The criteria's totals add up to the field's points (no bonus or penalty inside a field).
    for (const f of unit.fields)
      expect(f.criteria.reduce((s, c) => s + c.points, 0)).toBeCloseTo(f.points, 1);
    // A unit not in the results, a year not published: 404 with a message.
    const none = await get(`/api/public/portal/par/${year}/units/00000000-0000-4000-8000-000000000000`);
    expect(none.statusCode).toBe(404);
    expect((none.json() as { error: { key: string } }).error.key).toBe('portal.unit_not_in_results');
    expect((await get('/api/public/portal/par/2001')).statusCode).toBe(404);
  });

  it('gives the dossier figures by unit for a published year and period', async () => {
    const d = ok<DossiersOut>(await get('/api/public/portal/dossiers'));
    expect(d.period).toBe('year');
    expect(d.periods[0]!.key).toBe('year');
    expect(d.from).toBe(`${d.year}-01-01`);
    const sum = d.units.reduce((s, u) => s + u.received, 0);
    expect(sum).toBeLessThanOrEqual(d.total.received + 1);
    const q1 = await get(`/api/public/portal/dossiers?year=${d.year}&period=q1`);
    expect(q1.statusCode).toBe(200);
    // Months are not published by the demo.
    expect((await get(`/api/public/portal/dossiers?year=${d.year}&period=m1`)).statusCode).toBe(404);
    expect((await get('/api/public/portal/dossiers?year=2001')).statusCode).toBe(404);
  });

  it("lists the committee's plan with public statuses and the plan module's completion", async () => {
    const home = ok<PortalHomeOut>(await get('/api/public/portal'));
    const year = home.years.plan[0]!;
    const plan = ok<PlanPublicOut>(await get(`/api/public/portal/plan/${year}`));
    expect(plan.tasks.length).toBeGreaterThan(0);
    expect(plan.figures.total).toBe(plan.tasks.length);
    expect(plan.figures.done).toBe(plan.tasks.filter((x) => x.status === 'done').length);
    expect(new Set(plan.tasks.map((x) => x.status)).size).toBeGreaterThan(1);
    expect(home.figures.plan?.completionPercent).toBe(plan.figures.completionPercent);
    // The plan module's own figure for the same plan.
    const plans = ok<{ items: { id: string; year: number; ownerKind: string; ownerUnitId: string }[] }>(
      await officer.request('GET', `/api/plans?year=${year}`),
    );
    const committee = plans.items.find(
      (p) => p.ownerKind === 'committee' && p.ownerUnitId === home.province.id,
    )!;
    const kpis = ok<{ overall: { completionPct: { value: number | null } } }>(
      await officer.request('GET', `/api/plans/${committee.id}/kpis`),
    );
    expect(plan.figures.completionPercent).toBeCloseTo(kpis.overall.completionPct.value ?? 0, 2);
  });

  it('lists the pilot units of a published year with their items', async () => {
    const home = ok<PortalHomeOut>(await get('/api/public/portal'));
    expect(home.years.pilots.length).toBeGreaterThan(0);
    const pilots = ok<PilotsPublicOut>(await get(`/api/public/portal/pilots/${home.years.pilots[0]}`));
    expect(pilots.units.length).toBeGreaterThan(0);
    expect(pilots.figures.total).toBe(pilots.units.reduce((s, u) => s + u.items.length, 0));
  });

  it('answers 304 to a repeated request with its ETag or date, and caches for five minutes', async () => {
    for (const url of ['/api/public/portal', '/api/open-data/plan-tasks.csv', '/api/public/portal/og.png']) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      expect(first.headers['cache-control']).toBe('public, max-age=300');
      expect(first.headers['access-control-allow-origin']).toBe('*');
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      expect(String(first.headers['last-modified'])).toMatch(/GMT$/);
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      const since = await get(url, { 'if-modified-since': String(first.headers['last-modified']) });
      expect(since.statusCode, url).toBe(304);
      expect((await get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
    }
  });

  it('draws the social card as a 1200×630 PNG', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/portal/og.png' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const png = res.rawPayload;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  });

  it('offers the open data: catalogue, data package, CSV with BOM and the documented columns, JSON', async () => {
    const cat = ok<OpenDataCatalogueOut>(await get('/api/open-data'));
    expect(cat.datasets.map((d) => d.name).sort()).toEqual(OPEN_DATA_DEFINITIONS.map((d) => d.name).sort());
    expect(cat.csv).toMatchObject({ bom: true, delimiter: ';', decimalChar: '.' });
    const pkg = ok<DatapackageOut>(await get('/api/open-data/datapackage.json'));
    expect(pkg.resources.length).toBe(OPEN_DATA_DEFINITIONS.length);
    expect(pkg.licenses[0]!.name).toBe('CC BY 4.0');
    for (const d of OPEN_DATA_DEFINITIONS) {
      const csv = await get(`/api/open-data/${d.name}.csv`);
      expect(csv.statusCode, d.name).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const raw = (csv as unknown as { rawPayload: Buffer }).rawPayload;
      expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const header = raw.subarray(3).toString('utf8').split('\r\n')[0]!;
      expect(header.split(';')).toEqual(d.columns.map((c) => c.name));
      const json = ok<OpenDataJsonOut>(await get(`/api/open-data/${d.name}.json`));
      expect(json.columns.map((c) => c.name)).toEqual(d.columns.map((c) => c.name));
      expect(cat.datasets.find((x) => x.name === d.name)!.rows).toBe(json.rows.length);
      const lines = raw.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
      expect(lines.length - 1, d.name).toBe(json.rows.length);
    }
    const par = ok<OpenDataJsonOut>(await get('/api/open-data/par-results.json'));
    expect(par.rows.length).toBeGreaterThan(0);
    expect((await get('/api/open-data/nothing.csv')).statusCode).toBe(404);
  });

  it('never shows a citizen’s name, phone or e-mail', async () => {
    const people = await rows<{ submitter_name: string; submitter_phone: string; submitter_email: string }>(
      t.database.db,
      sql`select submitter_name, submitter_phone, submitter_email from feedback_cases`,
    );
    const needles = [
      ...new Set(
        people
          .flatMap((p) => [p.submitter_name, p.submitter_phone, p.submitter_email])
          .filter((x) => x.length > 3),
      ),
    ];
    expect(needles.length).toBeGreaterThan(3);
    for (const url of await PUBLIC_URLS()) {
      const body = (await get(url)).body;
      for (const n of needles) expect(body.includes(n), `${url} shows ${n}`).toBe(false);
      expect(body, url).not.toMatch(/@chidao\.demo(?!")|thuongtruc|daumoi/);
    }
  });
});

describe('the public pages’ heads', () => {
  it('writes each path’s title, description and social tags from what is published', async () => {
    const par = ok<ParYearsOut>(await get('/api/public/portal/par'));
    const year = par.years[0]!.year;
    const ranking = ok<ParYearOut>(await get(`/api/public/portal/par/${year}`));
    const row = ranking.groups[0]!.rows[0]!;
    const unit = await get(`/cong-khai/chi-so-cchc/${year}/${row.unitId}`);
    expect(unit.statusCode).toBe(200);
    expect(unit.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(unit.body).toContain(`<title>${row.unitName} — Chỉ số CCHC năm ${year}</title>`);
    expect(unit.body).toContain('property="og:image" content="/api/public/portal/og.png"');
    expect(unit.body).toContain('name="twitter:card" content="summary_large_image"');
    expect(unit.body).not.toContain('Gửi phản ánh');
    expect(unit.body).toContain('<div id="root"></div>');
    const home = await get('/cong-khai');
    expect(home.body).toMatch(/<title>Công khai CCHC — .*Nghệ An<\/title>/);
    // A unit not in the results: the year's head, nothing about the unit.
    const other = await get(`/cong-khai/chi-so-cchc/${year}/00000000-0000-4000-8000-000000000000`);
    expect(other.body).toContain(`<title>Chỉ số CCHC năm ${year} — `);
    expect((await get('/phan-anh')).body).toContain('Gửi phản ánh');
  });
});

describe('the settings', () => {
  it('shows the standing officer what is published, with previews and choices', async () => {
    const s = ok<PortalSettingsOut>(await officer.request('GET', '/api/portal/settings'));
    expect(s.abilities).toEqual({ read: true, update: true });
    expect(s.par.published).toBe(true);
    expect(s.preview.par.units).toBeGreaterThan(0);
    expect(s.preview.plan.tasks).toBeGreaterThan(0);
    expect(s.preview.openData.datasets).toBe(5);
    expect(s.options.parCampaigns.length).toBe(s.par.campaignIds.length);
    expect(s.publicUrl).toBe('/cong-khai');
    const read = ok<PortalSettingsOut>(await member.request('GET', '/api/portal/settings'));
    expect(read.abilities).toEqual({ read: true, update: false });
  });

  it('lets the standing officer change them (journalled, a stale version is 409); a unit role cannot', async () => {
    const s = ok<PortalSettingsOut>(await officer.request('GET', '/api/portal/settings'));
    const body = {
      version: s.version,
      par: s.par,
      dossiers: s.dossiers,
      plan: { ...s.plan, published: false },
      pilots: s.pilots,
      feedback: s.feedback,
      openData: s.openData,
      licence: s.licence,
      publisher: s.publisher,
    };
    expect((await focal.request('PUT', '/api/portal/settings', body)).statusCode).toBe(403);
    expect((await member.request('PUT', '/api/portal/settings', body)).statusCode).toBe(403);
    // A campaign that is not published cannot be chosen.
    const bad = await officer.request('PUT', '/api/portal/settings', {
      ...body,
      par: { published: true, campaignIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(bad.statusCode).toBe(400);
    const saved = ok<PortalSettingsOut>(await officer.request('PUT', '/api/portal/settings', body));
    expect(saved.version).toBe(s.version + 1);
    expect(saved.plan.published).toBe(false);
    expect((await officer.request('PUT', '/api/portal/settings', body)).statusCode).toBe(409);
    const journal = await rows<{ action: string }>(
      t.database.db,
      sql`select action from audit_journal where entity = 'portal_settings' order by at`,
    );
    expect(journal.map((j) => j.action)).toContain('update');
    // The plan is no longer public: 404 with the message, and the home says so.
    const year = s.plan.years[0]!;
    const hidden = await get(`/api/public/portal/plan/${year}`, { 'accept-language': 'en' });
    expect(hidden.statusCode).toBe(404);
    expect((hidden.json() as { error: { key: string } }).error.key).toBe('portal.not_published');
    const home = ok<PortalHomeOut>(await get('/api/public/portal'));
    expect(home.sections.plan).toBe(false);
    expect(home.figures.plan).toBeNull();
    expect(home.years.plan).toEqual([]);
    // Put back.
    ok(
      await officer.request('PUT', '/api/portal/settings', { ...body, version: saved.version, plan: s.plan }),
    );
  });
});

describe('a province that publishes nothing', () => {
  it('shows nothing public (the defaults of a fresh install)', async () => {
    await t.database.db.execute(sql`delete from portal_settings`);
    const home = ok<PortalHomeOut>(await get('/api/public/portal'));
    expect(Object.values(home.sections).every((v) => v === false)).toBe(true);
    expect(home.figures).toEqual({ plan: null, dossiers: null, feedback: null, par: null });
    for (const url of [
      '/api/public/portal/par',
      '/api/public/portal/par/2025',
      '/api/public/portal/dossiers',
      `/api/public/portal/plan/${new Date().getFullYear()}`,
      `/api/public/portal/pilots/${new Date().getFullYear()}`,
      '/api/open-data',
      '/api/open-data/datapackage.json',
      '/api/open-data/par-results.csv',
      '/api/open-data/feedback-answered.json',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toMatch(/rows|tasks|units/);
    }
    const page = await get(`/cong-khai/ke-hoach/${new Date().getFullYear()}`);
    expect(page.body).toMatch(/<title>Công khai CCHC — .*Nghệ An<\/title>/);
    const s = ok<PortalSettingsOut>(await officer.request('GET', '/api/portal/settings'));
    expect(s.updatedAt).toBeNull();
    expect(s.version).toBe(1);
    expect(s.preview.par.units).toBe(0);
    expect(s.par.published).toBe(false);
  });
});

describe('a fresh install (no demo)', () => {
  it('publishes nothing: the home lists no section, every dataset is 404; without a province, the home says so', async () => {
    const { database, drop } = await freshDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-portal-fresh-'));
    const config = loadConfig(
      { CHIDAO_DATA_DIR: dataDir, CHIDAO_LOG_LEVEL: 'silent' },
      { webRoot: path.join(dataDir, 'no-web') },
    );
    const app = await buildApp({ config, database, logger: false });
    try {
      await app.ready();
      const empty = await app.inject({ url: '/api/public/portal' });
      expect(empty.statusCode).toBe(404);
      expect((empty.json() as { error: { key: string } }).error.key).toBe('portal.no_province');
      await mergedCommunes(systemContext(database.db));
      const home = await app.inject({ url: '/api/public/portal' });
      expect(home.statusCode, home.body).toBe(200);
      const body = home.json() as PortalHomeOut;
      expect(body.province.name).toBe('Tỉnh Thử');
      expect(Object.values(body.sections).every((v) => v === false)).toBe(true);
      expect(body.licence.name).toBe('CC BY 4.0');
      for (const url of [
        '/api/public/portal/par',
        '/api/public/portal/dossiers',
        '/api/public/portal/plan/2026',
        '/api/public/portal/pilots/2026',
        '/api/open-data',
        '/api/open-data/plan-tasks.csv',
      ])
        expect((await app.inject({ url })).statusCode, url).toBe(404);
    } finally {
      await app.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
