/**
 * Accessibility of the pages the public and the committee's leaders open first (issue 18, item 5): axe-core
 * (its own script, injected into the page; no download) runs the WCAG 2.1 A/AA rules on each page at desktop and
 * phone width, and no violation of impact "serious" or "critical" is allowed. Every violation found (of any impact)
 * is written to accessibility.json in the run's output folder (test-results/…) for the closing note, with the rule, its impact and how many
 * elements it touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, login, shot } from './helpers.js';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const REPORT = path.resolve(process.env.CHIDAO_E2E_OUTPUT ?? 'test-results', 'accessibility.json');

type Violation = { id: string; impact: string | null; help: string; nodes: number; targets: string[] };
type PageReport = { page: string; width: number; violations: Violation[] };
const reports: PageReport[] = [];

// axe's script is injected inline: the pages' Content-Security-Policy (script-src 'self') would refuse it.
test.use({ bypassCSP: true });

/** The WCAG 2.1 A/AA violations of the page as it is now. */
async function axe(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    // (In the page: its window and document; the spec is compiled without the DOM's types.)
    const g = globalThis as unknown as {
      axe: { run: (context: unknown, options: object) => Promise<AxeResult> };
      document: unknown;
    };
    const result = await g.axe.run(g.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
}

async function check(page: Page, name: string, width: number) {
  const violations = await axe(page);
  reports.push({ page: name, width, violations });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${name} at ${width}px: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}

test.afterAll(() => {
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  const previous: PageReport[] = fs.existsSync(REPORT) ? JSON.parse(fs.readFileSync(REPORT, 'utf8')) : [];
  const keep = previous.filter((p) => !reports.some((r) => r.page === p.page && r.width === p.width));
  fs.writeFileSync(REPORT, JSON.stringify([...keep, ...reports], null, 2));
});

const PUBLIC_PAGES: [name: string, url: string, ready: string][] = [
  ['portal-home', '/cong-khai', '[data-testid="portal-home"]'],
  ['portal-par', '/cong-khai/chi-so-cchc', 'main h1'],
  ['portal-dossiers', '/cong-khai/ho-so', 'main h1'],
  ['portal-plan', '/cong-khai/ke-hoach', 'main h1'],
  ['portal-pilots', '/cong-khai/mo-hinh-diem', 'main h1'],
  ['portal-open-data', '/cong-khai/du-lieu-mo', 'main h1'],
  ['hotline-submit', '/phan-anh', 'main h1'],
  ['hotline-answers', '/phan-anh/da-tra-loi', 'main h1'],
];

for (const width of [1366, 390]) {
  test(`the public portal's pages have no serious accessibility violation at ${width}px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: width > 500 ? 860 : 844 });
    for (const [name, url, ready] of PUBLIC_PAGES) {
      await page.goto(url);
      await expect(page.locator(ready).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      await check(page, name, width);
    }
  });
}

test('the sign-in page, the landing page and the province dashboard have no serious accessibility violation', async ({
  page,
}) => {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width > 500 ? 860 : 844 });
    await page.context().clearCookies();
    await page.goto('/login');
    await expect(page.getByTestId('login-form')).toBeVisible();
    await check(page, 'login', width);
    if (width > 500) await login(page, 'truongban@chidao.demo');
    else {
      // (On a phone the account menu folds away: sign in directly, then open the landing page.)
      const res = await page.request.post('/api/auth/login', {
        data: { email: 'truongban@chidao.demo', password: DEMO_PASSWORD },
        headers: { origin: new URL(page.url()).origin },
      });
      expect(res.status()).toBe(200);
      await page.goto('/');
    }
    await expect(page.getByTestId('welcome')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await check(page, 'landing-committee-leader', width);
    await page.goto('/province');
    await expect(page.getByTestId('province-dashboard')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await check(page, 'province-dashboard', width);
    if (width === 390) await shot(page, '270-a11y-province-dashboard-phone');
  }
});
