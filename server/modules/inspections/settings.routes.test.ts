import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import type { templatesOut, rulesOut } from './inspections.schemas.js';
import type { TemplateVersionsOut } from './settings.schemas.js';
import type { z } from 'zod';

/**
 * What the inspections' settings page (`/inspections/settings`) needs of the API, on both engines: everyone in the
 * inspections section reads the checklist templates — every version of an area with its items — and the rules,
 * and the answers say who may change them (`abilities.manage`: the standing agency and administrators); an edit
 * that started from a version someone has since replaced is a 409, so the second editor reloads instead of
 * silently undoing the first's items; problems are named per item field in the reader's language; the section is
 * in the navigation of the roles that read it.
 */

let t: TestApp;
let officer: Caller;
let admin: Caller;
let inspector: Caller;
let member: Caller;
let focal: Caller;
let hotline: Caller;

type Templates = z.infer<typeof templatesOut>;
type Rules = z.infer<typeof rulesOut>;
type ErrorBody = {
  error: { code: string; message: string; details?: { field: string; message: string }[] };
};

const ok = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const fails = (res: { statusCode: number; body: string; json(): unknown }, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return (res.json() as ErrorBody).error;
};

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 100, lockMinutes: 1, ratePerMinute: 10_000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  admin = await t.login('admin@chidao.demo');
  inspector = await t.login('kiemtra@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  hotline = await t.login('duongdaynong@chidao.demo');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the settings page', () => {
  it('is in the navigation of everyone who reads the inspections, not of the hotline officer', async () => {
    const nav = async (c: Caller) =>
      ((await c.request('GET', '/api/auth/session')).json() as { navigation: string[] }).navigation;
    for (const c of [officer, admin, inspector, member, focal])
      expect(await nav(c)).toContain('inspections.settings');
    expect(await nav(hotline)).not.toContain('inspections.settings');
  });

  it('says who may change the templates and the rules', async () => {
    for (const [c, manage] of [
      [officer, true],
      [admin, true],
      [inspector, false],
      [member, false],
      [focal, false],
    ] as const) {
      expect(ok<Templates>(await c.request('GET', '/api/inspection-checklists')).abilities.manage).toBe(
        manage,
      );
      expect(ok<Rules>(await c.request('GET', '/api/inspection-rules')).abilities.manage).toBe(manage);
    }
    fails(await hotline.request('GET', '/api/inspection-checklists'), 403);
    fails(await hotline.request('GET', '/api/inspection-rules'), 403);
  });
});

describe("an area's template versions", () => {
  it('are read with their items, the latest first, by everyone in the section', async () => {
    const before = ok<TemplateVersionsOut>(
      await focal.request('GET', '/api/inspection-checklists/procedures/versions'),
    );
    expect(before.area).toBe('procedures');
    expect(before.versions.length).toBeGreaterThanOrEqual(1);
    const current = before.versions[0]!;
    expect(current.items.length).toBeGreaterThan(0);
    expect(current.items[0]).toMatchObject({
      key: expect.any(String),
      text: { vi: expect.any(String), en: expect.any(String) },
    });

    // A new version (the first item reworded, one added, the last removed) keeps the earlier one readable.
    const items = [
      { ...current.items[0]!, text: { vi: 'Công khai đầy đủ TTHC', en: 'Publishes every procedure' } },
      ...current.items.slice(1, -1),
      {
        key: 'dvc_truc_tuyen_toan_trinh',
        text: { vi: 'Tỷ lệ dịch vụ công trực tuyến toàn trình', en: 'Share of full online public services' },
        guidance: { vi: 'Đối chiếu Cổng dịch vụ công', en: 'Check against the public-service portal' },
      },
    ];
    const added = ok<{ number: number }>(
      await officer.request('POST', '/api/inspection-checklists/procedures', {
        items,
        note: 'Cập nhật theo Chỉ số CCHC',
        basedOn: current.number,
      }),
      201,
    );
    expect(added.number).toBe(current.number + 1);

    const after = ok<TemplateVersionsOut>(
      await inspector.request('GET', '/api/inspection-checklists/procedures/versions'),
    );
    expect(after.versions.map((v) => v.number)).toEqual([
      current.number + 1,
      ...before.versions.map((v) => v.number),
    ]);
    expect(after.versions[0]).toMatchObject({ note: 'Cập nhật theo Chỉ số CCHC', shipped: false });
    expect(after.versions[0]!.items.map((i) => i.key)).toEqual(items.map((i) => i.key));
    expect(after.versions[0]!.items.at(-1)!.guidance.vi).toBe('Đối chiếu Cổng dịch vụ công');
    expect(after.versions[1]).toEqual(current);
    // The list's summary agrees.
    const list = ok<Templates>(await member.request('GET', '/api/inspection-checklists'));
    const area = list.areas.find((a) => a.area === 'procedures')!;
    expect(area.current.number).toBe(current.number + 1);
    expect(area.versions.map((v) => v.number)).toEqual(after.versions.map((v) => v.number));
  });

  it('refuse an unknown area, and callers outside the section', async () => {
    fails(await officer.request('GET', '/api/inspection-checklists/nope/versions'), 400);
    fails(await hotline.request('GET', '/api/inspection-checklists/direction/versions'), 403);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/api/inspection-checklists/direction/versions',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('a new template version', () => {
  it('started from a version someone has since replaced is a 409; without `basedOn` it is not checked', async () => {
    const { versions } = ok<TemplateVersionsOut>(
      await officer.request('GET', '/api/inspection-checklists/civil_service/versions'),
    );
    const current = versions[0]!;
    const first = ok<{ number: number }>(
      await officer.request('POST', '/api/inspection-checklists/civil_service', {
        items: current.items,
        basedOn: current.number,
      }),
      201,
    );
    expect(first.number).toBe(current.number + 1);
    // The admin edited the same version meanwhile: refused, naming the version now current.
    const stale = fails(
      await admin.request('POST', '/api/inspection-checklists/civil_service', {
        items: current.items.slice(1),
        basedOn: current.number,
      }),
      409,
    );
    expect(stale.code).toBe('STALE_VERSION');
    expect(stale.message).toContain(String(first.number));
    // After reloading, from the latest.
    ok(
      await admin.request('POST', '/api/inspection-checklists/civil_service', {
        items: current.items.slice(1),
        basedOn: first.number,
      }),
      201,
    );
    // Callers that send no `basedOn` (the earlier contract) still add a version.
    ok(
      await officer.request('POST', '/api/inspection-checklists/civil_service', { items: current.items }),
      201,
    );
    fails(
      await officer.request('POST', '/api/inspection-checklists/civil_service', {
        items: current.items,
        basedOn: -1,
      }),
      400,
    );
  });

  it("names each problem by its item's field, in the reader's language, and the inspector may not save", async () => {
    const { versions } = ok<TemplateVersionsOut>(
      await officer.request('GET', '/api/inspection-checklists/apparatus/versions'),
    );
    const current = versions[0]!;
    const items = [
      ...current.items,
      { key: 'moi', text: { vi: 'Nội dung mới', en: '' }, guidance: { vi: '', en: '' } },
    ];
    const body = { items, basedOn: current.number };
    fails(await inspector.request('POST', '/api/inspection-checklists/apparatus', body), 403);
    const vi = fails(await officer.request('POST', '/api/inspection-checklists/apparatus', body), 400);
    expect(vi.details).toEqual([
      {
        field: `items.${current.items.length}.text.en`,
        message: 'Cần nhập nội dung bằng tiếng Việt và tiếng Anh.',
      },
    ]);
    const en = fails(
      await officer.request('POST', '/api/inspection-checklists/apparatus', body, {
        'x-chidao-locale': 'en',
      }),
      400,
    );
    expect(en.details).toEqual([
      {
        field: `items.${current.items.length}.text.en`,
        message: 'Enter the text in Vietnamese and English.',
      },
    ]);
    // Nothing was stored.
    const still = ok<TemplateVersionsOut>(
      await officer.request('GET', '/api/inspection-checklists/apparatus/versions'),
    );
    expect(still.versions[0]!.number).toBe(current.number);
  });
});
