import { expect, test, type Page } from '@playwright/test';
import { login, logout, shot } from './helpers.js';

/**
 * Around the plan's tasks: units' own yearly plans (coverage), sub-tasks and dependencies, the unit
 * leader's approval of staff updates, and a following member's direction. Uses the demo's 2024 plan.
 */
const PLAN_2024 = 'Kế hoạch công tác CCHC năm 2024 của Ban Chỉ đạo CCHC tỉnh';

async function openPlan2024(page: Page) {
  await page.getByTestId('nav-plans').click();
  await page.getByTestId('plans-year').click();
  await page.getByRole('option', { name: '2024', exact: true }).click();
  await page.getByTestId('plans-table').getByRole('link', { name: PLAN_2024 }).click();
  await expect(page.getByTestId('plan-title-heading')).toHaveText(PLAN_2024);
}

/** Opens the drawer of the first task led by Sở Tư pháp. */
async function openTuPhapTask(page: Page) {
  const row = page.getByTestId('task-row').filter({ hasText: 'Sở Tư pháp' }).first();
  const title = (await row.getByTestId('task-open').innerText()).trim();
  await row.getByTestId('task-open').click();
  await expect(page.getByTestId('drawer-title')).toHaveText(title);
  return title;
}

test("units' own plans: all departments and districts issued theirs in 2024", async ({ page }) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-plans').click();
  await page.getByTestId('plans-year').click();
  await page.getByRole('option', { name: '2024', exact: true }).click();
  await page.getByTestId('plans-tab-units').click();
  await expect(page.getByTestId('unit-plans-summary')).toContainText('(100,00%)');
  await shot(page, 'plans-unit-plans-2024');
  await page.getByTestId('plans-year').click();
  await page.getByRole('option', { name: '2025', exact: true }).click();
  await expect(page.getByTestId('unit-plans-summary')).not.toContainText('100,00%');
  await page.getByTestId('unit-plans-filter').getByText('Chưa ban hành').click();
  await expect(page.getByTestId('unit-plan-row').first()).toHaveAttribute('data-issued', 'no');
  await shot(page, 'plans-unit-plans-2025-missing');
});

test('a sub-task and a dependency are added from the task drawer', async ({ page }) => {
  await login(page, 'thuongtruc@chidao.demo');
  await openPlan2024(page);
  const title = await openTuPhapTask(page);
  await page.getByTestId('subtask-add').click();
  await expect(page.getByTestId('task-form-intro')).toContainText(title);
  await page.getByTestId('task-title').fill('Rà soát riêng lĩnh vực hộ tịch');
  const due = page.getByTestId('task-due');
  await due.fill('30/11/2024');
  await due.press('Tab');
  await page.getByTestId('task-submit').click();
  await expect(page.getByTestId('subtask')).toContainText('Rà soát riêng lĩnh vực hộ tịch');
  await expect(page.getByTestId('subtask-rollup')).toContainText('0/1');
  const picker = page.getByTestId('dependency-pick');
  await picker.click();
  await picker.fill('Số hóa');
  await page.getByRole('option', { name: 'Số hóa hồ sơ, kết quả giải quyết TTHC (Sở Nội vụ)' }).click();
  await page.getByTestId('dependency-add').click();
  await expect(page.getByTestId('dependency')).toHaveCount(1);
  await shot(page, 'plans-task-links', { fullPage: false });
});

test("the unit leader's approval: a focal point's update waits, the leader approves, the province sees it", async ({
  page,
}) => {
  // The leader of Sở Tư pháp switches approval on.
  await login(page, 'lanhdao.tuphap@chidao.demo');
  await page.getByTestId('nav-plans').click();
  const toggle = page.getByTestId('approval-switch');
  await expect(page.getByTestId('approval-card')).toBeVisible();
  await toggle.click();
  await expect(toggle).toBeChecked();
  await shot(page, 'plans-approval-switch');
  await logout(page);

  // The focal point posts an update: it waits.
  await login(page, 'daumoi.tuphap@chidao.demo');
  await openPlan2024(page);
  const title = await openTuPhapTask(page);
  await page.getByTestId('progress-note').fill('Đã rà soát 12/20 thủ tục');
  await page.getByTestId('progress-percent').fill('60');
  await page.getByTestId('progress-submit').click();
  await expect(page.getByTestId('progress-state').first()).toHaveText('Chờ lãnh đạo duyệt');
  await shot(page, 'plans-progress-pending', { fullPage: false });
  await page.keyboard.press('Escape');
  await logout(page);

  // The province does not see it yet.
  await login(page, 'thuongtruc@chidao.demo');
  await openPlan2024(page);
  await page.getByTestId('task-row').filter({ hasText: title }).first().getByTestId('task-open').click();
  await expect(page.getByTestId('drawer-title')).toHaveText(title);
  await expect(page.getByText('Đã rà soát 12/20 thủ tục')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await logout(page);

  // The leader approves it, then switches approval off again.
  await login(page, 'lanhdao.tuphap@chidao.demo');
  await openPlan2024(page);
  await page.getByTestId('task-row').filter({ hasText: title }).first().getByTestId('task-open').click();
  await page.getByTestId('review-approve').click();
  await expect(page.getByTestId('review-approve')).toHaveCount(0);
  await shot(page, 'plans-approval-approved', { fullPage: false });
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-plans').click();
  await page.getByTestId('approval-switch').click();
  await expect(page.getByTestId('approval-switch')).not.toBeChecked();
  await logout(page);

  // Now the standing officer sees the update.
  await login(page, 'thuongtruc@chidao.demo');
  await openPlan2024(page);
  await page.getByTestId('task-row').filter({ hasText: title }).first().getByTestId('task-open').click();
  await expect(page.getByText('Đã rà soát 12/20 thủ tục')).toBeVisible();
});

test('a member gives a direction on a task of a unit they follow', async ({ page }) => {
  await login(page, 'uyvien@chidao.demo');
  await openPlan2024(page);
  await openTuPhapTask(page);
  await page.getByTestId('direction-note').fill('Đề nghị Sở Tư pháp hoàn thành trước ngày 15/12');
  await page.getByTestId('direction-submit').click();
  await expect(page.locator('[data-action="direction"]')).toContainText('Đề nghị Sở Tư pháp hoàn thành');
  await shot(page, 'plans-direction', { fullPage: false });
});
