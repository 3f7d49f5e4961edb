import { expect, test, type Page } from '@playwright/test';
import { login, logout, shot } from './helpers.js';

// The PAR Index (issue 16) as its people use it, on the demo province: the standing officer copies the department
// framework forward to 2026 and publishes it; a department's focal point reads its 2025 assessment — its scores
// through the rounds and its rank; a committee member reads the 2025 ranking at desktop and phone width.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 860 };

type CampaignList = { campaigns: { id: string; year: number }[] };
type AssessmentList = { items: { id: string; unit: { name: string } }[] };

/** The id of the caller's 2025 campaign and of their own unit's assessment in it (through the API, as the page does). */
async function assessment2025(page: Page): Promise<string> {
  const campaigns = (await (await page.request.get('/api/par/campaigns')).json()) as CampaignList;
  const c = campaigns.campaigns.find((x) => x.year === 2025)!;
  const list = (await (
    await page.request.get(`/api/par/campaigns/${c.id}/assessments`)
  ).json()) as AssessmentList;
  return list.items[0]!.id;
}

test('the standing officer copies the department framework forward to 2026 and publishes it', async ({
  page,
}) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-parindex').click();
  await expect(page.getByTestId('campaign-header')).toContainText('2025');
  await shot(page, '160-par-campaign-office');
  await page.getByTestId('nav-parindex.frameworks').click();
  await expect(page.getByTestId('framework-missing-year')).toContainText('2026');
  await shot(page, '161-par-frameworks');
  await page.getByTestId('framework-copy-forward').first().click();
  await shot(page, '161b-par-framework-copy-dialog', { fullPage: false });
  await page.getByRole('dialog').getByRole('button', { name: 'Sao chép sang năm 2026' }).click();
  await expect(page).toHaveURL(/\/par\/frameworks\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('năm 2026');
  await expect(page.getByTestId('framework-counts')).toContainText('89');
  await shot(page, '162-par-framework-2026-draft');
  await page.getByTestId('framework-publish').click();
  await page.getByTestId('framework-publish-confirm').click();
  await expect(page.getByTestId('framework-publish')).toHaveCount(0);
  await expect(page.getByTestId('framework-status')).toContainText(/ban hành/i);
  await shot(page, '163-par-framework-2026-published');
  await logout(page);
});

test('a focal point reads its 2025 assessment: scores through the rounds, evidence, its result', async ({
  page,
}) => {
  await login(page, 'daumoi.tuphap@chidao.demo');
  await page.getByTestId('nav-parindex').click();
  await shot(page, '164-par-campaign-unit');
  const id = await assessment2025(page);
  await page.goto(`/par/assessments/${id}`);
  await expect(page.getByText('Sở Tư pháp').first()).toBeVisible();
  await expect(page.getByText('1.1.1').first()).toBeVisible();
  await shot(page, '165-par-assessment-unit', { fullPage: false });
  await page.setViewportSize(PHONE);
  await shot(page, '166-par-assessment-unit-phone', { fullPage: false });
  await page.setViewportSize(DESKTOP);
  await logout(page);
});

test('a committee member reads the 2025 ranking with grades, desktop and phone', async ({ page }) => {
  await login(page, 'uyvien@chidao.demo');
  await page.getByTestId('nav-parindex.results').click();
  await expect(page.getByText(/Tốt: \d+/).first()).toBeVisible();
  await expect(page.getByText('Sở Tài chính').first()).toBeVisible();
  await shot(page, '167-par-results');
  await page.setViewportSize(PHONE);
  await shot(page, '168-par-results-phone', { fullPage: false });
  await page.setViewportSize(DESKTOP);
  await logout(page);
});
