import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import type { HomeOut } from '../home/home.schemas.js';
import type { DashboardOut, DrillOut } from './dashboard.schemas.js';
import { FIGURE_KEYS } from './figure-keys.js';

/**
 * The province overview end to end on the demo province (issue 18, item 1): every module's figure for a reporting
 * window, computed as the module computes it; the drill-down lists exactly the records a count counts; as-of and
 * restated views differ across the 2025 reorganisation; a member's filter narrows to the units they follow; the
 * committee lands on the summary; unit roles are refused.
 */

let t: TestApp;
let leader: Caller;
let member: Caller;
let officer: Caller;
let focal: Caller;

type Res = { statusCode: number; body: string; json(): unknown };
const ok = <T>(res: Res): T => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const dashboard = async (caller: Caller, query = '') =>
  ok<DashboardOut>(await caller.request('GET', `/api/dashboard${query}`));
const drill = async (caller: Caller, query: string) =>
  ok<DrillOut>(await caller.request('GET', `/api/dashboard/drill?${query}`));
const figure = (d: DashboardOut, key: string) => d.figures.find((f) => f.def.key === key)!;
const values = (d: DashboardOut) =>
  d.figures.map((f) => [
    f.def.key,
    f.current.value,
    f.previous?.value ?? null,
    ...f.trend.map((p) => p.value),
  ]);

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 100, lockMinutes: 1, ratePerMinute: 10_000 } });
  leader = await t.login('truongban@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  officer = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
}, 900_000);
afterAll(() => t?.close());

describe('the province overview', () => {
  it('gives every figure of the catalogue for the window, with the previous window, change and trend', async () => {
    const d = await dashboard(leader, '?period=2025-Y');
    expect(d.period).toEqual({
      key: '2025-Y',
      label: { vi: 'Năm 2025', en: 'Year 2025' },
      from: '2024-12-15',
      to: '2025-12-14',
    });
    expect(d.previousPeriod.key).toBe('2024-Y');
    expect(d.asOf).toBe('2025-12-14');
    expect(d.figures.map((f) => f.def.key)).toEqual([...FIGURE_KEYS]);
    for (const f of d.figures) {
      expect(f.trend.map((p) => p.period.key)).toEqual(['2022-Y', '2023-Y', '2024-Y', '2025-Y']);
      expect(f.trend.at(-1)!.value).toBe(f.current.value);
      expect(f.trend.at(-2)!.value).toBe(f.previous!.value);
      if (f.current.value === null || f.previous!.value === null) expect(f.change).toBeNull();
      else expect(f.change).toBeCloseTo(f.current.value - f.previous!.value, 9);
      // A count of records never stands in for "no data".
      if (f.current.value === null) expect(f.current.numerator).toBeNull();
    }
    expect(d.periods.map((p) => p.key)).toContain('2025-Q4');
    expect(d.members.length).toBeGreaterThan(0);
  });

  it('shows the national PAR Index, published the next year, as the latest result with the year it is of', async () => {
    const d = await dashboard(leader, '?period=2025-Y');
    const par = d.figures.find((f) => f.def.key === 'standings.parIndex')!;
    // The demo's latest published result is 2024's (87,91): its window says 2024, not the year asked for.
    expect(par.current.value).toBe(87.91);
    expect(par.current.from).toBe('2024-01-01');
    expect(par.current.to).toBe('2024-12-31');
  });

  it("reads the committee plan's completion as the plan's own dashboard does on the window's last day", async () => {
    const d = await dashboard(leader, '?period=2025-Y');
    const completion = figure(d, 'plan.completion').current;
    const planId = completion.link!.split('/')[2]!;
    const own = ok<{
      overall: {
        completionPct: { value: number; numerator: number; denominator: number };
        overdue: { value: number };
      };
    }>(await leader.request('GET', `/api/plans/${planId}/dashboard?asOf=2025-12-14`));
    expect(completion.value).toBeCloseTo(own.overall.completionPct.value, 9);
    expect(completion.numerator).toBe(own.overall.completionPct.numerator);
    expect(completion.denominator).toBe(own.overall.completionPct.denominator);
    expect(figure(d, 'plan.overdue').current.value).toBe(own.overall.overdue.value);
  });

  it("reads the dossiers' and the hotline's rates as their modules do for the same window", async () => {
    const d = await dashboard(officer, '?period=2026-YTD');
    const { from, to } = { from: d.period.from, to: d.asOf };
    const dossiers = ok<{
      total: { indicators: { onTimeRate: { value: number | null; numerator: number } } };
    }>(await officer.request('GET', `/api/dossiers/indicators?from=${from}&to=${to}`));
    const own = dossiers.total.indicators.onTimeRate;
    expect(figure(d, 'dossiers.onTime').current.value).toBe(own.value === null ? null : own.value * 100);
    const stats = ok<{
      total: { onTimeRate: { value: number | null; numerator: number; denominator: number } };
    }>(await officer.request('GET', `/api/hotline/stats?from=${from}&to=${to}&groupBy=unit`));
    const hotline = figure(d, 'hotline.onTime').current;
    expect(hotline.numerator).toBe(
      stats.total.onTimeRate.denominator ? stats.total.onTimeRate.numerator : null,
    );
    expect(hotline.denominator).toBe(stats.total.onTimeRate.denominator || null);
  });

  it('lists behind each count exactly the records it counts, each with its own page', async () => {
    const d = await dashboard(leader, '?period=2026-Q4');
    expect(d.stuck.overdueTotal).toBeGreaterThan(0);
    const all = await drill(leader, 'what=overdue&period=2026-Q4');
    expect(all.count).toBe(d.stuck.overdueTotal);
    expect(new Set(all.items.map((i) => i.unit.id)).size).toBe(d.stuck.unitCount);
    const top = d.stuck.units[0]!;
    expect(top.total).toBe(top.byKind.reduce((n, k) => n + k.count, 0));
    const ofUnit = await drill(leader, `what=overdue&period=2026-Q4&unit=${top.unit.id}`);
    expect(ofUnit.count).toBe(top.total);
    expect(ofUnit.unit).toEqual(top.unit);
    for (const k of top.byKind) {
      const ofKind = await drill(leader, `what=overdue&period=2026-Q4&unit=${top.unit.id}&kind=${k.kind}`);
      expect(ofKind.count).toBe(k.count);
      expect(ofKind.items.every((i) => i.kind === k.kind && i.link.startsWith('/'))).toBe(true);
    }
    // Tasks open on the plans feature's task page.
    const task = all.items.find((i) => i.kind === 'plan_task');
    expect(task?.link).toMatch(/^\/plans\//);
    const recs = await drill(leader, 'what=recommendations&period=2026-Q4');
    expect(recs.count).toBe(d.stuck.recommendationsTotal);
    expect(recs.count).toBe(figure(d, 'inspections.recommendationsOverdue').current.value);
    expect(recs.items.every((i) => i.link.startsWith('/inspections/'))).toBe(true);
  });

  it('reads a past day as it stood, and restates the units across the 2025 reorganisation', async () => {
    // 2025-H1 closes on 14/06/2025, before the two-level local government (01/07/2025).
    const asWas = await dashboard(leader, '?period=2025-H1&unitType=commune');
    const restated = await dashboard(leader, '?period=2025-H1&unitType=commune&restate=true');
    expect(asWas.restate).toBe(false);
    expect(restated.restate).toBe(true);
    // The districts and communes of then, against today's communes.
    expect(asWas.filters.units).not.toBe(restated.filters.units);
    expect(values(asWas)).not.toEqual(values(restated));
    const now = await dashboard(leader, '?period=2026-YTD');
    const before = await dashboard(leader, '?period=2026-YTD&asOf=2026-03-01');
    expect(before.asOf).toBe('2026-03-01');
    expect(values(before)).not.toEqual(values(now));
  });

  it('narrows to the units a committee member follows', async () => {
    const all = await dashboard(leader, '?period=2026-Q4');
    const chosen = [...all.members].sort((a, b) => b.units - a.units)[0]!;
    expect(chosen.units).toBeGreaterThan(0);
    const theirs = await dashboard(leader, `?period=2026-Q4&member=${chosen.id}`);
    expect(theirs.filters.member).toEqual({ id: chosen.id, name: chosen.name });
    expect(theirs.filters.units).toBe(chosen.units);
    expect(theirs.stuck.overdueTotal).toBeLessThan(all.stuck.overdueTotal);
    expect(theirs.stuck.unitCount).toBeLessThanOrEqual(chosen.units);
    const listed = await drill(leader, `what=overdue&period=2026-Q4&member=${chosen.id}`);
    expect(listed.count).toBe(theirs.stuck.overdueTotal);
    expect(figure(theirs, 'standings.parIndex').current.value).toBeNull();
    expect(figure(theirs, 'standings.parIndex').narrowed).toBe(false);
    expect(figure(theirs, 'plan.overdue').narrowed).toBe(true);
    // A reform area narrows the plan's figures only.
    const area = await dashboard(leader, '?period=2025-Y&area=procedures');
    const whole = await dashboard(leader, '?period=2025-Y');
    expect(figure(area, 'plan.completion').narrowed).toBe(true);
    expect(figure(area, 'dossiers.onTime').narrowed).toBe(false);
    expect(figure(area, 'plan.completion').current.denominator!).toBeLessThan(
      figure(whole, 'plan.completion').current.denominator!,
    );
  });

  it('refuses what it cannot answer', async () => {
    expect((await leader.request('GET', '/api/dashboard?period=2026-M03')).statusCode).toBe(400);
    expect((await leader.request('GET', '/api/dashboard?asOf=2199-01-01')).statusCode).toBe(400);
    const stranger = '00000000-0000-4000-8000-000000000000';
    expect((await leader.request('GET', `/api/dashboard?member=${stranger}`)).statusCode).toBe(400);
  });

  it('is refused to unit roles', async () => {
    for (const path of ['/api/dashboard', '/api/dashboard/drill?what=overdue', '/api/dashboard/figures'])
      expect((await focal.request('GET', path)).statusCode, path).toBe(403);
    const catalogue = ok<{ items: { key: string }[] }>(await member.request('GET', '/api/dashboard/figures'));
    expect(catalogue.items.map((i) => i.key)).toEqual([...FIGURE_KEYS]);
  });

  it("is the committee's landing page summary, with the way to the overview", async () => {
    const home = ok<HomeOut>(await leader.request('GET', '/api/home'));
    expect(home.panels[0]).toBe('province');
    expect(home.overview!.link).toBe('/province');
    expect(home.overview!.figures.map((f) => f.def.key)).toContain('plan.completion');
    const d = await dashboard(leader);
    expect(home.overview!.period.key).toBe(d.period.key);
    expect(home.overview!.stuck.overdueTotal).toBe(d.stuck.overdueTotal);
    expect(ok<HomeOut>(await focal.request('GET', '/api/home')).overview).toBeNull();
  });
});
