import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../core/dates.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/**
 * The hotline's configuration (issue 14, points 3–4): categories, the category × area routing table that
 * suggests the handling unit, and the deadline rules as versioned data — kept by the standing agency over the
 * province; a new version applies to cases received from its date, never moving an existing deadline.
 */

let t: TestApp;
let officer: Caller;
let hotline: Caller;
let focal: Caller;

type Settings = {
  categories: { id: string; key: string; name: { vi: string }; active: boolean; version: number }[];
  routes: { id: string; categoryId: string; area: { name: string } | null; handlingUnit: { name: string } }[];
  rules: { currentId: string; versions: { id: string; validFrom: string; rules: Record<string, unknown> }[] };
  abilities: { manage: boolean };
};

const ok = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  hotline = await t.login('duongdaynong@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
});
afterAll(() => t.close());

describe('categories and the routing table', () => {
  it('the shipped categories and the demo routes; only the standing agency changes them', async () => {
    const s = ok<Settings>(await hotline.request('GET', '/api/hotline/settings'));
    expect(s.abilities.manage).toBe(false);
    expect(s.categories.map((c) => c.key)).toContain('thai_do_can_bo');
    expect(s.routes.length).toBeGreaterThanOrEqual(10);
    expect(ok<Settings>(await officer.request('GET', '/api/hotline/settings')).abilities.manage).toBe(true);
    const body = { key: 'an_ninh_trat_tu', nameVi: 'An ninh, trật tự', nameEn: 'Public order' };
    expect((await hotline.request('POST', '/api/hotline/categories', body)).statusCode).toBe(403);
    expect((await focal.request('POST', '/api/hotline/categories', body)).statusCode).toBe(403);
    const created = ok<{ id: string; key: string; version: number }>(
      await officer.request('POST', '/api/hotline/categories', body),
      201,
    );
    expect((await officer.request('POST', '/api/hotline/categories', body)).statusCode).toBe(409);
    expect(
      (await officer.request('POST', '/api/hotline/categories', { ...body, key: 'An Ninh' })).statusCode,
    ).toBe(400);
    const renamed = ok<{ name: { vi: string }; version: number }>(
      await officer.request('PATCH', `/api/hotline/categories/${created.id}`, {
        version: created.version,
        nameVi: 'An ninh, trật tự công cộng',
      }),
    );
    expect(renamed.name.vi).toBe('An ninh, trật tự công cộng');
    const stale = await officer.request('PATCH', `/api/hotline/categories/${created.id}`, {
      version: created.version,
      active: false,
    });
    expect(stale.statusCode).toBe(409);

    // Intake keeps the categories it read for a second; a change made here is seen by the very next case.
    const entered = (categoryId: string) =>
      hotline.request('POST', '/api/hotline/cases', {
        channel: 'phone',
        categoryId,
        title: 'Gây mất trật tự ban đêm',
        description: 'Người dân phản ánh tiếng ồn kéo dài sau 23 giờ.',
      });
    expect((await entered(created.id)).statusCode).toBe(201);
    ok(
      await officer.request('PATCH', `/api/hotline/categories/${created.id}`, {
        version: renamed.version,
        active: false,
      }),
    );
    const refused = await entered(created.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe('categoryId');
  });

  it('a route for an area wins over the route for anywhere when the officer triages', async () => {
    const s = ok<Settings>(await officer.request('GET', '/api/hotline/settings'));
    const land = s.categories.find((c) => c.key === 'dat_dai')!;
    const ward = ok<{ items: { id: string; name: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/public/hotline/units?q=phuong%20vinh%20hung' }),
    ).items.find((u) => u.name === 'Phường Vinh Hưng')!.id;
    ok(
      await officer.request('POST', '/api/hotline/routes', {
        categoryId: land.id,
        areaUnitId: ward,
        handlingUnitId: ward,
        note: 'Đất đai trên địa bàn phường: phường xử lý trước',
      }),
      201,
    );
    const intake = (subjectUnitId: string | null) =>
      hotline.request('POST', '/api/hotline/cases', {
        channel: 'phone',
        categoryId: land.id,
        subjectUnitId,
        title: 'Lấn chiếm đất công',
        description: 'Người dân phản ánh việc lấn chiếm đất công.',
      });
    const inWard = ok<{ suggestion: { unit: { name: string } | null } }>(await intake(ward), 201);
    expect(inWard.suggestion?.unit?.name).toBe('Phường Vinh Hưng');
    const elsewhere = ok<{ suggestion: { unit: { name: string } | null } }>(await intake(null), 201);
    expect(elsewhere.suggestion?.unit?.name).toBe('Sở Nông nghiệp và Môi trường');
  });
});

describe('the deadline rules as versioned data', () => {
  it('refuses a version in the past and rules that break the law, naming each problem', async () => {
    const s = ok<Settings>(await officer.request('GET', '/api/hotline/settings'));
    const rules = s.rules.versions.find((v) => v.id === s.rules.currentId)!.rules;
    expect(
      (await officer.request('POST', '/api/hotline/rules', { validFrom: '2020-01-01', rules })).statusCode,
    ).toBe(400);
    const illegal = await officer.request('POST', '/api/hotline/rules', {
      validFrom: todayInVietnam(),
      rules: { ...rules, forwardWithinWorkingDays: 7 },
    });
    expect(illegal.statusCode).toBe(400);
    // Each problem under the path of its value, in the reader's words (no internal names in the text).
    expect(illegal.json().error).toMatchObject({
      code: 'RULES_INVALID',
      details: [
        {
          field: 'rules.forwardWithinWorkingDays',
          message:
            'Nhập số nguyên từ 1 đến 5: luật định chuyển trong 5 ngày làm việc (Nghị định 20/2008/NĐ-CP).',
        },
      ],
    });
  });

  it('a new version from today gives new cases its deadline; a case received before keeps its own', async () => {
    const land = ok<Settings>(await officer.request('GET', '/api/hotline/settings')).categories.find(
      (c) => c.key === 'ho_tich',
    )!;
    const intake = () =>
      hotline.request('POST', '/api/hotline/cases', {
        channel: 'visit',
        categoryId: land.id,
        title: 'Hướng dẫn đăng ký kết hôn',
        description: 'Công dân hỏi thủ tục đăng ký kết hôn có yếu tố nước ngoài.',
      });
    const before = ok<{ triageDueDate: string }>(await intake(), 201);
    const s = ok<Settings>(await officer.request('GET', '/api/hotline/settings'));
    const rules = s.rules.versions.find((v) => v.id === s.rules.currentId)!.rules;
    ok(
      await officer.request('POST', '/api/hotline/rules', {
        validFrom: todayInVietnam(),
        rules: { ...rules, version: 'nghe-an-2026', triageWithinWorkingDays: 1 },
        note: 'Quy chế tiếp nhận phản ánh của tỉnh',
      }),
      201,
    );
    const after = ok<{ triageDueDate: string }>(await intake(), 201);
    expect(after.triageDueDate < before.triageDueDate).toBe(true);
    expect(
      (await hotline.request('POST', '/api/hotline/rules', { validFrom: todayInVietnam(), rules }))
        .statusCode,
    ).toBe(403);
  });
});
