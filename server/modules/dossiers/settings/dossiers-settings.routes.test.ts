import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../db/client.js';
import { testApp, type Caller, type TestApp } from '../../../test/harness.js';
import { loadShippedSurvey } from '../../surveys/data/index.js';
import { flattenItems, scaleCells } from '../../surveys/rules/index.js';
import { DEFAULT_THRESHOLDS } from '../dossiers-query.rules.js';
import { qd766ConfigFor } from '../qd766.js';
import { dossierRulesFor, forgetDossierRules } from './dossiers-settings.service.js';

type Version = {
  id: string | null;
  version: number;
  effectiveFrom: string;
  isDefault: boolean;
  thresholds: { key: string; direction: string; green: number; amber: number; source: string | null }[];
  qd766: {
    version: string;
    groups: {
      key: string;
      max: number;
      confirmed: boolean;
      criteria: { key: string; weight: number; confirmed: boolean }[];
    }[];
  };
  note: string | null;
  legalBasis: string | null;
  createdBy: { id: string; name: string } | null;
};
type Settings = {
  current: Version;
  latestVersion: number;
  history: Version[];
  defaults: Version;
  criteria: { key: string; group: string; source: string; formulaConfirmed: boolean; shipped: boolean }[];
  abilities: { create: boolean };
};

let t: TestApp;
let admin: Caller;
let standing: Caller;
let member: Caller;
let focal: Caller;
let hotline: Caller;

/** The body of a new version built from one the API returned, with changes. */
function body(from: Version, version: number, over: Record<string, unknown> = {}) {
  return {
    version,
    effectiveFrom: '2026-01-01',
    note: 'Nâng ngưỡng đúng hạn theo kế hoạch CCHC năm 2026',
    legalBasis: null,
    thresholds: from.thresholds.map(({ key, green, amber, source }) => ({ key, green, amber, source })),
    qd766: {
      groups: from.qd766.groups.map((g) => ({
        key: g.key,
        max: g.max,
        criteria: g.criteria.map((c) => ({ key: c.key, weight: c.weight })),
      })),
    },
    ...over,
  };
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin@chidao.demo');
  standing = await t.login('thuongtruc@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  hotline = await t.login('duongdaynong@chidao.demo');
});
afterAll(async () => {
  await t.close();
});

describe('dossier rule settings', () => {
  it('start from the code’s defaults, readable by every reader of dossier figures', async () => {
    const res = await member.request('GET', '/api/dossiers/settings?asOf=2025-06-30');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as Settings;
    expect(s.latestVersion).toBe(0);
    expect(s.history).toEqual([]);
    expect(s.current.isDefault).toBe(true);
    expect(s.current.version).toBe(0);
    expect(s.current.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(s.current.qd766.version).toBe(qd766ConfigFor('2025-06-30').version);
    expect(s.abilities.create).toBe(false);
    expect((await focal.request('GET', '/api/dossiers/settings')).statusCode).toBe(200);
    expect((await hotline.request('GET', '/api/dossiers/settings')).statusCode).toBe(403);
    const standingView = (await standing.request('GET', '/api/dossiers/settings')).json() as Settings;
    expect(standingView.abilities.create).toBe(true);
  });

  it('only administrators and the standing agency add versions', async () => {
    const s = (await member.request('GET', '/api/dossiers/settings')).json() as Settings;
    for (const caller of [member, focal, hotline]) {
      const res = await caller.request('POST', '/api/dossiers/settings', body(s.current, 0));
      expect(res.statusCode, res.body).toBe(403);
    }
  });

  it('a new version takes effect from its date, is journalled, and refuses an old version number', async () => {
    const db = t.database.db;
    forgetDossierRules();
    // Read (and cache) the rules before the change.
    expect((await dossierRulesFor(db, '2026-03-01')).thresholds).toEqual(DEFAULT_THRESHOLDS);

    const s = (await standing.request('GET', '/api/dossiers/settings')).json() as Settings;
    const draft = body(s.current, 0);
    draft.thresholds = draft.thresholds.map((th) =>
      th.key === 'onTimeRate' ? { ...th, green: 0.99, amber: 0.97 } : th,
    );
    const res = await standing.request('POST', '/api/dossiers/settings', draft);
    expect(res.statusCode, res.body).toBe(201);
    const v1 = res.json() as Version;
    expect(v1).toMatchObject({ version: 1, effectiveFrom: '2026-01-01', isDefault: false });
    expect(v1.createdBy?.name).toBeTruthy();
    expect(v1.thresholds.find((th) => th.key === 'onTimeRate')).toMatchObject({
      direction: 'higher',
      green: 0.99,
      amber: 0.97,
    });

    // The cache was dropped by the write: the new version is in force from its date, not before.
    const after = await dossierRulesFor(db, '2026-03-01');
    expect(after.thresholds.find((th) => th.key === 'onTimeRate')!.green).toBe(0.99);
    expect(after.qd766.version).toBe('dossier-rules-1');
    expect(Object.isFrozen(after.thresholds)).toBe(true);
    expect((await dossierRulesFor(db, '2025-12-31')).thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect((await dossierRulesFor(db, '2025-12-31')).qd766).toEqual(qd766ConfigFor('2025-12-31'));

    // The dashboard's traffic lights follow the version in force on the period's last day.
    const onTime = async (from: string, to: string) => {
      const r = await member.request('GET', `/api/dossiers/breakdown?from=${from}&to=${to}&groupBy=total`);
      expect(r.statusCode, r.body).toBe(200);
      return (r.json() as { thresholds: { key: string; green: number }[] }).thresholds.find(
        (th) => th.key === 'onTimeRate',
      )!.green;
    };
    expect(await onTime('2026-01-01', '2026-03-31')).toBe(0.99);
    expect(await onTime('2025-01-01', '2025-12-31')).toBe(0.98);

    // Someone else saved meanwhile: the editor still holds version 0.
    const stale = await admin.request('POST', '/api/dossiers/settings', draft);
    expect(stale.statusCode, stale.body).toBe(409);
    expect((stale.json() as { error: { code: string } }).error.code).toBe('STALE_VERSION');

    const journal = await admin.request('GET', `/api/audit?entity=dossier_rules&entityId=${v1.id}`);
    expect(journal.statusCode, journal.body).toBe(200);
    const entries = (journal.json() as { items: { action: string; after: { version: number } }[] }).items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'create', after: { version: 1 } });

    const read = (await member.request('GET', '/api/dossiers/settings?asOf=2026-02-01')).json() as Settings;
    expect(read.latestVersion).toBe(1);
    expect(read.current.version).toBe(1);
    expect(read.history.map((h) => h.version)).toEqual([1]);
    const before = (await member.request('GET', '/api/dossiers/settings?asOf=2025-02-01')).json() as Settings;
    expect(before.current.isDefault).toBe(true);
  });

  it('refuses thresholds out of order and unconfirmed weights passed off as confirmed, field by field', async () => {
    const s = (await admin.request('GET', '/api/dossiers/settings')).json() as Settings;
    const draft = body(s.defaults, s.latestVersion);
    draft.thresholds = draft.thresholds.map((th) => (th.key === 'lateRate' ? { ...th, amber: 0.01 } : th));
    draft.qd766.groups = draft.qd766.groups.map((g) =>
      g.key === 'online' ? { ...g, criteria: g.criteria.map((c) => ({ ...c, confirmed: true })) } : g,
    );
    const res = await admin.request('POST', '/api/dossiers/settings', draft);
    expect(res.statusCode, res.body).toBe(400);
    const err = (
      res.json() as {
        error: { code: string; message: string; details: { field: string; message: string }[] };
      }
    ).error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toContain('Tỷ lệ trễ hạn');
    expect(err.details.map((d) => d.field)).toEqual([
      'thresholds.1.amber',
      'qd766.groups.3.criteria.0.confirmed',
      'qd766.groups.3.criteria.1.confirmed',
    ]);
    const en = await admin.request('POST', '/api/dossiers/settings', draft, { 'accept-language': 'en' });
    expect((en.json() as { error: { message: string } }).error.message).toContain('Late rate');
    // Maxima that do not make 100 are refused.
    const over = body(s.defaults, s.latestVersion);
    over.qd766.groups.find((g) => g.key === 'online')!.max = 30;
    const sum = await admin.request('POST', '/api/dossiers/settings', over);
    expect(sum.statusCode).toBe(400);
    expect((sum.json() as { error: { key: string } }).error.key).toBe('dossierSettings.max_sum');
  });

  it('with a legal basis a weight becomes confirmed; the later effective date governs later days', async () => {
    const s = (await admin.request('GET', '/api/dossiers/settings?asOf=2025-06-01')).json() as Settings;
    expect(s.current.isDefault).toBe(true);
    const draft = body(s.current, s.latestVersion, {
      effectiveFrom: '2025-01-01',
      legalBasis: 'Văn bản hướng dẫn của Văn phòng Chính phủ (giả định cho kiểm thử)',
      note: 'Xác nhận trọng số nhóm trực tuyến',
    });
    draft.qd766.groups = draft.qd766.groups.map((g) =>
      g.key === 'online'
        ? { ...g, criteria: g.criteria.map((c, i) => ({ ...c, weight: i === 0 ? 2 : 1, confirmed: true })) }
        : g,
    );
    const res = await admin.request('POST', '/api/dossiers/settings', draft);
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json() as Version;
    expect(v2.version).toBe(2);
    const online = v2.qd766.groups.find((g) => g.key === 'online')!;
    expect(online.criteria.map((c) => [c.weight, c.confirmed])).toEqual([
      [2, true],
      [1, true],
    ]);
    expect(online.confirmed).toBe(false); // the group maximum was not confirmed

    const db = t.database.db;
    expect((await dossierRulesFor(db, '2025-06-01')).qd766.version).toBe('dossier-rules-2');
    expect((await dossierRulesFor(db, '2026-06-01')).qd766.version).toBe('dossier-rules-1');
    expect((await dossierRulesFor(db, '2024-12-31')).qd766.version).toBe(
      qd766ConfigFor('2024-12-31').version,
    );

    const read = (await admin.request('GET', '/api/dossiers/settings')).json() as Settings;
    expect(read.history.map((h) => h.version)).toEqual([2, 1]);
    expect(read.history[0]!.legalBasis).toContain('Văn phòng Chính phủ');
  });

  it('the survey satisfaction, added to the satisfaction group by a version, scores it from the surveys', async () => {
    const db = t.database.db;
    // A SIPAS survey answered in March 2024 at one department: 6 × "hài lòng", 2 × "không hài lòng" → 0,75.
    const [province] = await rows<{ id: string }>(
      db,
      sql`SELECT id FROM units WHERE kind = 'province' AND valid_to IS NULL ORDER BY code LIMIT 1`,
    );
    const [department] = await rows<{ id: string }>(
      db,
      sql`SELECT id FROM units WHERE parent_id = ${province!.id}::uuid AND kind = 'department' AND valid_to IS NULL
           ORDER BY code LIMIT 1`,
    );
    const sipas = loadShippedSurvey('sipas');
    const level = (n: number) => {
      const out: Record<string, number | Record<string, number>> = {};
      for (const c of flattenItems(sipas.definition).flatMap(({ item }) => scaleCells(item)))
        if (c.element)
          out[c.item] =
            c.row === null ? n : { ...((out[c.item] as Record<string, number>) ?? {}), [c.row]: n };
      return JSON.stringify(out);
    };
    const [survey] = await rows<{ id: string }>(
      db,
      sql`INSERT INTO surveys (province_id, kind, year, title, status)
          VALUES (${province!.id}::uuid, 'satisfaction', 2024, 'Khảo sát SIPAS 2024', 'closed') RETURNING id`,
    );
    const [version] = await rows<{ id: string }>(
      db,
      sql`INSERT INTO survey_versions (survey_id, number, definition, indices, definition_hash, published_at)
          VALUES (${survey!.id}::uuid, 1, ${JSON.stringify(sipas.definition)}::jsonb,
                  ${JSON.stringify(sipas.indices)}::jsonb, 'test', now()) RETURNING id`,
    );
    const [target] = await rows<{ id: string }>(
      db,
      sql`INSERT INTO survey_targets (survey_id, unit_id, target_group, quota, public_code)
          VALUES (${survey!.id}::uuid, ${department!.id}::uuid, 'citizen', 10, 'QD766T01') RETURNING id`,
    );
    for (const [i, n] of [4, 4, 4, 4, 4, 4, 2, 2].entries())
      await rows(
        db,
        sql`INSERT INTO survey_responses (survey_id, version_id, target_id, channel, submitted_on, answers, client_key)
            VALUES (${survey!.id}::uuid, ${version!.id}::uuid, ${target!.id}::uuid, 'qr', '2024-03-15',
                    ${level(n)}::jsonb, ${`qd766-route-${i}`})`,
      );

    // The editor is offered every criterion, each in its group; the survey one is not shipped.
    const s = (await admin.request('GET', '/api/dossiers/settings?asOf=2024-01-01')).json() as Settings;
    expect(s.current.isDefault).toBe(true);
    expect(s.criteria.find((c) => c.key === 'survey_satisfaction')).toEqual({
      key: 'survey_satisfaction',
      group: 'satisfaction',
      source: 'external',
      formulaConfirmed: false,
      shipped: false,
    });
    const draft = body(s.current, s.latestVersion, {
      effectiveFrom: '2024-03-01',
      note: 'Tính thêm mức độ hài lòng qua khảo sát SIPAS',
    });
    draft.qd766.groups
      .find((g) => g.key === 'satisfaction')!
      .criteria.push({ key: 'survey_satisfaction', weight: 1 });
    const res = await admin.request('POST', '/api/dossiers/settings', draft);
    expect(res.statusCode, res.body).toBe(201);

    type Group = { key: string; score: number | null; criteria: { key: string; value: number | null }[] };
    const satisfaction = async (from: string, to: string) => {
      const r = await member.request('GET', `/api/dossiers/breakdown?from=${from}&to=${to}&groupBy=total`);
      expect(r.statusCode, r.body).toBe(200);
      return (r.json() as { total: { qd766: { groups: Group[] } } }).total.qd766.groups.find(
        (g) => g.key === 'satisfaction',
      )!;
    };
    const march = await satisfaction('2024-03-01', '2024-03-31');
    expect(march.criteria.find((c) => c.key === 'survey_satisfaction')!.value).toBeCloseTo(0.75, 12);
    const known = march.criteria.filter((c) => c.value !== null);
    expect(march.score).toBeCloseTo((18 * known.reduce((n, c) => n + c.value!, 0)) / known.length, 9);
    // Before the version, the shipped configuration: no survey criterion, whatever the surveys say.
    const february = await satisfaction('2024-02-01', '2024-02-29');
    expect(february.criteria.map((c) => c.key)).not.toContain('survey_satisfaction');

    // The trend scores each month with the version in force on its last day.
    const trend = await member.request('GET', '/api/dossiers/trend?from=2024-02-01&to=2024-04-30');
    expect(trend.statusCode, trend.body).toBe(200);
    const months = (trend.json() as { months: { qd766: { groups: Group[] } }[] }).months.map(
      (m) =>
        m.qd766.groups
          .find((g) => g.key === 'satisfaction')!
          .criteria.find((c) => c.key === 'survey_satisfaction')?.value,
    );
    expect(months[0]).toBeUndefined();
    expect(months[1]).toBeCloseTo(0.75, 12);
    expect(months[2]).toBeNull();
  });
});
