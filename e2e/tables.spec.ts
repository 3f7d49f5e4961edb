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

// Issue 12, point 16: the journal names operations, kinds of record, fields and the records they point to in
// words — no table or column name, no UUID, no English operation name on a Vietnamese page.
const UUID_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test('the audit journal reads in words after a few changes, on a desktop and a phone', async ({ page }) => {
  await login(page, 'admin@chidao.demo');
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const units = (await (await page.request.get('/api/units?kind=department&q=tu%20phap&limit=5')).json()) as {
    items: { id: string; name: string }[];
  };
  const created = await page.request.post('/api/documents', {
    headers,
    data: {
      numberSymbol: '12/KH-SNV',
      type: 'ke_hoach',
      issuer: 'Sở Nội vụ tỉnh Nghệ An',
      issuedOn: '2025-03-14',
      title: 'Kế hoạch kiểm tra công tác CCHC năm 2025',
      unitId: units.items[0]!.id,
      access: 'public',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const doc = (await created.json()) as { id: string; version: number };
  const edited = await page.request.patch(`/api/documents/${doc.id}`, {
    headers,
    data: {
      version: doc.version,
      issuedOn: '2025-03-17',
      title: 'Kế hoạch kiểm tra CCHC năm 2025 (sửa đổi)',
    },
  });
  expect(edited.status(), await edited.text()).toBe(200);

  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/audit');
  const table = page.getByTestId('audit-table');
  await expect(table).toBeVisible();
  const first = page.getByTestId('audit-row').first();
  await expect(first).toContainText('Cập nhật');
  await expect(first).toContainText('Văn bản');
  await expect(first).toContainText('12/KH-SNV — Kế hoạch kiểm tra CCHC năm 2025 (sửa đổi)');
  await expect(first).toContainText('Ngày ban hành: 14/03/2025 → 17/03/2025');
  const second = page.getByTestId('audit-row').nth(1);
  await expect(second).toContainText('Tạo mới');
  await expect(second).toContainText(`Đơn vị: ${units.items[0]!.name}`);
  await expect(second).toContainText('Mức độ truy cập: Công khai');
  const text = await table.innerText();
  expect(text).not.toMatch(UUID_TEXT);
  expect(text).not.toMatch(
    /\b(?:issuedOn|unitId|numberSymbol|dossier_|plan_task|lineage_event|create|update)\b/,
  );
  await shot(page, 'audit-journal-desktop');

  // A click on the record shows its journal only, with its name in the filter.
  await first.getByTestId('audit-record').click();
  await expect(page.getByTestId('audit-record-filter')).toContainText('12/KH-SNV');
  await expect(page.getByTestId('audit-row')).toHaveCount(2);

  await page.setViewportSize(PHONE);
  await settle(page);
  await expect(page.getByTestId('audit-table-scroll-hint')).toBeVisible();
  await shot(page, 'audit-journal-phone');
});

// Issue 12, point 18: every table at phone width says that it scrolls sideways (no column silently cut off).
test('tables on a phone show the sideways-scroll cue', async ({ page }) => {
  await login(page, 'admin@chidao.demo');
  await page.setViewportSize(PHONE);
  await page.goto('/calendar');
  await expect(page.getByTestId('calendar-days')).toBeVisible();
  await settle(page);
  await expect(page.getByTestId('calendar-days-scroll-hint')).toBeVisible();
  await expect(page.getByTestId('calendar-days-scroll-fade')).toHaveCSS('opacity', '1');
  await shot(page, 'tables-calendar-phone');

  const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { id: string } };
  await page.goto(`/users/${session.user.id}`);
  await expect(page.getByTestId('grants-table')).toBeVisible();
  await settle(page);
  await page.getByTestId('grants-table').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('grants-table-scroll-hint')).toBeVisible();
  await shot(page, 'tables-grants-phone');
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, 'the page itself does not overflow').toBeLessThanOrEqual(0);
});
