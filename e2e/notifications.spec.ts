import { expect, test, type Page } from '@playwright/test';
import { login, shot } from './helpers.js';

/**
 * The demo's open tasks are all overdue: the worker's first pass at start-up puts an overdue reminder
 * in the inbox of each lead unit's focal point and leader (here Sở Tư pháp's).
 */
const bellCount = async (page: Page) =>
  Number(await page.getByTestId('notification-count').getAttribute('data-count'));

async function waitForReminders(page: Page) {
  // The first pass may finish just after the page asked for the count: reload until it shows.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('notification-bell')).toBeVisible();
    expect(await bellCount(page)).toBeGreaterThan(0);
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 5_000] });
}

test('a focal point sees the bell count, opens the inbox, marks read and chooses e-mail at once', async ({
  page,
}) => {
  await login(page, 'daumoi.tuphap@chidao.demo');
  await waitForReminders(page);
  const before = await bellCount(page);
  await expect(page.getByTestId('notification-bell')).toHaveAttribute(
    'aria-label',
    `Thông báo: ${before} chưa đọc`,
  );
  await shot(page, '90-notifications-bell');

  await page.getByTestId('notification-bell').click();
  await expect(page).toHaveURL(/\/notifications$/);
  const items = page.getByTestId('notification-item');
  await expect(items).toHaveCount(before);
  // Other specs may have left newer notifications (a verification from the landing page): take a reminder.
  const overdue = items.filter({ hasText: 'Quá hạn:' }).first();
  await expect(overdue).toContainText('ngày làm việc');
  await expect(overdue).toContainText('Đề nghị đơn vị khẩn trương hoàn thành');
  await shot(page, '91-notifications-inbox');

  // Mark one read: it leaves the unread list and the bell counts one less.
  await overdue.getByTestId('mark-read').click();
  await expect(items).toHaveCount(before - 1);
  await expect.poll(() => bellCount(page)).toBe(before - 1);
  await page.getByTestId('inbox-filter').getByText('Tất cả').click();
  await expect(page.locator('[data-testid="notification-item"][data-read="yes"]')).toHaveCount(1);
  await shot(page, '92-notifications-all');

  // In English, the same notifications read in English.
  await page.getByTestId('language-switch').selectOption('en');
  await expect(items.filter({ hasText: 'Overdue:' }).first()).toBeVisible();
  await page.getByTestId('language-switch').selectOption('vi');
  await expect(items.filter({ hasText: 'Quá hạn:' }).first()).toBeVisible();

  // Preferences: the default is the daily digest; choose e-mail at once.
  await page.getByTestId('tab-preferences').click();
  await expect(page.getByTestId('pref-digest')).toBeChecked();
  await expect(page.getByTestId('email-off-server')).toBeVisible(); // no SMTP in the demo
  await page.getByTestId('pref-immediate').check();
  await page.getByTestId('preferences-save').click();
  await expect(page.getByText('Đã lưu cách nhận thông báo.')).toBeVisible();
  await shot(page, '93-notifications-preferences');
  await page.reload();
  await page.getByTestId('tab-preferences').click();
  await expect(page.getByTestId('pref-immediate')).toBeChecked();

  // The reminder rule is shown; a focal point cannot change it.
  await page.getByTestId('tab-rule').click();
  await expect(page.getByTestId('rule-card')).toContainText('Nhắc trước hạn 5, 1 ngày làm việc');
  await expect(page.getByTestId('rule-card')).toContainText('mỗi 5 ngày làm việc');
  await expect(page.getByTestId('rule-form')).toHaveCount(0);

  // Mark all read: the bell's badge goes.
  await page.getByTestId('tab-inbox').click();
  await page.getByTestId('inbox-filter').getByText('Chưa đọc').click();
  await page.getByTestId('mark-all-read').click();
  await expect(page.getByTestId('inbox-empty')).toBeVisible();
  await expect.poll(() => bellCount(page)).toBe(0);
  await expect(page.getByTestId('notification-bell')).toHaveAttribute(
    'aria-label',
    'Thông báo: không có thông báo chưa đọc',
  );
});

test('an administrator changes the reminder rule (a new version)', async ({ page }) => {
  await login(page, 'admin@chidao.demo');
  await page.getByTestId('notification-bell').click();
  await page.getByTestId('tab-rule').click();
  await expect(page.getByTestId('rule-card')).toContainText('Mặc định');
  await page.getByTestId('rule-before').fill('7, 3, 1');
  await page.getByTestId('rule-save').click();
  await expect(page.getByText('Đã lưu quy tắc nhắc hạn.')).toBeVisible();
  await expect(page.getByTestId('rule-card')).toContainText('Phiên bản 1');
  await expect(page.getByTestId('rule-card')).toContainText('Nhắc trước hạn 7, 3, 1 ngày làm việc');
  await shot(page, '94-notifications-rule-admin');
});
