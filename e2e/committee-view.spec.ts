/**
 * The committee's view (issue 18): the committee head opens the 2021–2025 programme and sees each target's
 * progress, lands on the province overview, drills from an overdue count to the tasks behind it, and makes the
 * briefing pack of a meeting (its first pages looked at as images; the PDF checked for its pages and font).
 */
import { expect, test, type Page } from '@playwright/test';
import { login, shot } from './helpers.js';

const PROGRAMME_2021 = 'Chương trình CCHC tỉnh Nghệ An giai đoạn 2021–2025';
const HEAD = 'truongban@chidao.demo';

async function phone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
}
async function desktop(page: Page) {
  await page.setViewportSize({ width: 1366, height: 860 });
}

test("the committee head lands on the province's figures and opens the 2021–2025 programme's targets", async ({
  page,
}) => {
  await login(page, HEAD);
  // The landing page answers "how is the province doing": the quarter's key figures and where it is stuck.
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.getByText('Xem tổng quan tỉnh')).toBeVisible();
  await shot(page, '260-committee-head-landing');

  await page.getByTestId('nav-programmes').click();
  await expect(page.getByTestId('programmes-current')).toContainText('2026–2030');
  await page.getByRole('link', { name: PROGRAMME_2021 }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PROGRAMME_2021);
  // Eight targets, each with a verdict for every year of the period (or why there is none).
  const rows = page.getByTestId('target-row');
  await expect(rows).toHaveCount(8);
  const plans = rows.filter({ hasText: 'Hoàn thành nhiệm vụ Kế hoạch CCHC' });
  await expect(plans.getByTestId('year-chip')).toHaveCount(5);
  // 2025's plan completion read on 31/12/2025, against the 100% promised.
  await expect(plans).toContainText('2025: 74,67');
  await expect(plans).toContainText('Không đạt');
  // A target entered by hand says so; the bound ones name the figure they are computed from.
  await expect(rows.filter({ hasText: 'toàn trình' })).toContainText('Nhập tay');
  await expect(page.getByText('Kết quả các chỉ tiêu khi kết thúc giai đoạn (năm 2025)')).toBeVisible();
  await shot(page, '261-programme-2021-2025');
  // Opening a target shows each year's source and its chart.
  await plans.locator('button').first().click();
  await expect(page.getByTestId('target-details').first()).toBeVisible();
  await shot(page, '262-programme-target-details');
  await phone(page);
  await expect(page.getByTestId('target-card').first()).toBeVisible();
  await shot(page, '263-programme-phone');
  await desktop(page);
});

test('the committee head drills from an overdue count on the province overview to the tasks behind it', async ({
  page,
}) => {
  await login(page, HEAD);
  await page.getByTestId('nav-province').click();
  await expect(page.getByTestId('province-dashboard')).toBeVisible();
  await expect(page.getByTestId('province-window')).toContainText('/2026');
  await expect(page.getByTestId('figure-dossiers.onTime')).toBeVisible();
  await shot(page, '264-province-overview');

  // The unit with the most overdue items: its count opens the list of exactly those items.
  const first = page.getByTestId('stuck-unit').first();
  const unit = (await first.locator('p').first().innerText()).trim();
  const total = (await first.getByTestId('stuck-unit-total').innerText()).trim();
  await first.getByTestId('stuck-unit-total').click();
  await expect(page).toHaveURL(/\/province\/drill\?/);
  await expect(page.getByTestId('drill-count')).toContainText(total);
  await expect(page.getByRole('main')).toContainText(unit);
  await shot(page, '265-province-drill');
  // A plan task of the list opens on its plan.
  const task = page.locator('[data-testid="drill-link"][href^="/plans/"]');
  await task.first().click();
  await expect(page).toHaveURL(/\/plans\/[^/?]+\?task=/);
  await shot(page, '266-province-drill-task');

  // On a phone the overview stacks its cards.
  await phone(page);
  await page.goto('/province');
  await expect(page.getByTestId('province-dashboard')).toBeVisible();
  await shot(page, '267-province-overview-phone');
  await desktop(page);
});

test("the committee head makes a meeting's briefing pack: Word and PDF attached, the first pages read", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, HEAD);
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-row').first().getByTestId('meeting-open').click();
  await expect(page.getByTestId('meeting-title')).toBeVisible();
  await page.getByTestId('briefing-generate').click();
  const result = page.getByTestId('briefing-result');
  await expect(result).toBeVisible({ timeout: 90_000 });
  const links = result.getByRole('link');
  await expect(links).toHaveCount(2);
  await expect(links.nth(0)).toHaveText(/^Tài liệu phục vụ họp .+\.docx$/);
  await expect(links.nth(1)).toHaveText(/\.pdf$/);
  // Both are among the meeting's files.
  await expect(page.getByTestId('meeting-files')).toContainText('.pdf');
  await shot(page, '268-briefing-made');

  // The PDF: A4 pages, the shipped serif font embedded (Vietnamese never falls back to a standard PDF font).
  const pdfHref = await links.nth(1).getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const latin = bytes.toString('latin1');
  expect((latin.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
  expect(latin).toContain('LiberationSerif');
  expect(latin).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);

  // The Word file as Word shows it: the heading, the figures with their charts.
  await page.getByTestId('briefing-preview').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('.docx').first()).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText('BÁO CÁO');
  await expect(dialog).toContainText('I. MỘT SỐ CHỈ SỐ CHỦ YẾU');
  await expect(dialog.locator('img').first()).toBeVisible();
  await shot(page, '269-briefing-first-pages', { fullPage: false });
});
