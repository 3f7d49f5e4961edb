import { expect, test, type Page } from '@playwright/test';
import { login, shot } from './helpers.js';

// Long tables (issue 11): sortable by column, paged, and at phone width scrollable sideways with a visible cue.

const PHONE = { width: 390, height: 844 };

async function settle(page: Page) {
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  await page.waitForTimeout(250);
}

test('the users list sorts by a column and, on a phone, shows that it scrolls sideways', async ({ page }) => {
  await login(page, 'admin@chidao.demo');
  await page.goto('/users');
  const table = page.getByTestId('users-table');
  await expect(table).toBeVisible();
  const header = page.getByTestId('users-table-th-email');
  await page.getByTestId('users-table-sort-email').click();
  await expect(header).toHaveAttribute('aria-sort', /ascending|descending/);
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('user-row').first()).toBeVisible();
  // The e-mail column's cells (one per row), in the order shown.
  const emails = (
    await page
      .getByTestId('user-row')
      .locator('td', { hasText: /^[^\s]+@[^\s]+$/ })
      .allTextContents()
  ).map((text) => text.trim());
  const sorted = [...emails].sort((a, b) => a.localeCompare(b, 'vi'));
  expect(emails.length).toBeGreaterThan(3);
  expect([sorted, [...sorted].reverse()]).toContainEqual(emails);
  await page.setViewportSize(PHONE);
  await settle(page);
  await expect(page.getByTestId('users-table-scroll-hint')).toBeVisible();
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, 'the page itself does not overflow: the table scrolls in its box').toBeLessThanOrEqual(0);
  await shot(page, 'tables-users-phone');
});

test('the audit journal pages and sorts, and its cue goes once scrolled to the end on a phone', async ({
  page,
}) => {
  await login(page, 'admin@chidao.demo');
  await page.setViewportSize(PHONE);
  await page.goto('/audit');
  await expect(page.getByTestId('audit-table')).toBeVisible();
  await settle(page);
  const hint = page.getByTestId('audit-table-scroll-hint');
  await expect(hint).toBeVisible();
  await shot(page, 'tables-audit-phone');
  await page
    .getByTestId('audit-table-scroll')
    .getByRole('region')
    .evaluate((el: { scrollLeft: number; scrollWidth: number }) => {
      el.scrollLeft = el.scrollWidth;
    });
  await expect(hint).toHaveCSS('visibility', 'hidden');
});
