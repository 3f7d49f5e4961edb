import { expect, test } from '@playwright/test';
import { login, shot } from './helpers.js';

const PLAN_2024 = 'Kế hoạch công tác CCHC năm 2024 của Ban Chỉ đạo CCHC tỉnh';

test('the standing officer traces the 2024 plan’s progress to its tasks, today and as of a past date', async ({
  page,
}) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-plans').click();
  await page.getByTestId('plans-year').click();
  await page.getByRole('option', { name: '2024', exact: true }).click();
  await page.getByTestId('plans-table').getByRole('link', { name: PLAN_2024 }).click();
  await page.getByTestId('plan-dashboard-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Theo dõi tiến độ');
  await expect(page.getByTestId('dash-method')).toContainText('đếm nhiệm vụ');

  // The completion rate, in Vietnamese format with two decimals, and its fraction.
  const completion = page.getByTestId('dash-kpi-completion-value');
  await expect(completion).toHaveText(/^\d{1,3},\d{2}%$/);
  const verified = Number(await page.getByTestId('dash-kpi-verified-value').textContent());
  expect(verified).toBeGreaterThan(0);
  await expect(page.getByTestId('chart-area')).toBeVisible();
  await shot(page, 'dashboard-today');

  // The verified count opens exactly the tasks behind it.
  await page.getByTestId('dash-kpi-verified').click();
  const drawer = page.getByTestId('drill-drawer');
  await expect(drawer.getByTestId('drill-title')).toContainText(`Đã xác nhận hoàn thành: ${verified}`);
  await expect(drawer.getByTestId('drill-row')).toHaveCount(verified);
  await expect(drawer.getByTestId('task-status').first()).toHaveText('Đã xác nhận hoàn thành');
  await shot(page, 'dashboard-drill-verified');
  await page.keyboard.press('Escape');
  await expect(drawer.getByTestId('drill-table')).toHaveCount(0);

  // As of 30/6/2024: fewer tasks verified then, rebuilt from the history.
  const asOf = page.getByTestId('dash-as-of');
  await asOf.fill('30/06/2024');
  await asOf.press('Tab');
  await expect(page.getByTestId('dash-as-of-shown')).toContainText('30/06/2024');
  await expect
    .poll(async () => Number(await page.getByTestId('dash-kpi-verified-value').textContent()))
    .toBeLessThan(verified);
  const then = Number(await page.getByTestId('dash-kpi-verified-value').textContent());
  await page.getByTestId('dash-kpi-verified').click();
  await expect(drawer.getByTestId('drill-row')).toHaveCount(then);
  await expect(drawer).toContainText('tình trạng tại ngày 30/06/2024');
  await page.keyboard.press('Escape');

  // The overdue count by lead unit: chart and table, each number opens its tasks.
  await page.getByTestId('dash-tab-unit').click();
  await expect(page.getByTestId('dash-unit-table')).toBeVisible();
  await shot(page, 'dashboard-as-of-units');

  // Restated onto today's units: the 2025 department mergers show their successors.
  await page.getByTestId('dash-restate').click();
  await expect(page.getByTestId('dash-unit-restated-from').first()).toBeVisible();
  await shot(page, 'dashboard-restated-units');

  // The trend over the year.
  await page.getByTestId('dash-tab-trend').click();
  await expect(page.getByTestId('chart-trend')).toBeVisible();
  await expect(page.getByTestId('dash-trend-table').locator('tbody tr')).toHaveCount(6);
  await shot(page, 'dashboard-trend');

  // The pilot units of 2024 (the pilots module's figures), each number opening its pilot tasks.
  await page.getByTestId('dash-tab-pilot').click();
  const pilots = page.getByTestId('dash-pilot-table').first();
  await expect(pilots).toBeVisible();
  const total = Number(await pilots.getByTestId('dash-pilot-table-total').first().textContent());
  await pilots.getByTestId('dash-pilot-table-total').first().click();
  await expect(drawer.getByTestId('drill-row')).toHaveCount(total);
  await shot(page, 'dashboard-pilots');
});
