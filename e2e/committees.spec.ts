import { expect, request as playwrightRequest, test } from '@playwright/test';
import { DEMO_PASSWORD, login, logout, shot } from './helpers.js';

/** An account of its own for the member linked below (a demo account would change another spec's landing page). */
const LINKED = { email: 'to.giup.viec@chidao.demo', fullName: 'Bùi Thị Tổ Giúp Việc' };
const LINKED_PASSWORD = 'mat-khau-to-giup-viec-2026';

async function createLinkedAccount(baseURL: string) {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const signIn = await api.post('/api/auth/login', {
    data: { email: 'admin@chidao.demo', password: DEMO_PASSWORD },
  });
  expect(signIn.ok(), await signIn.text()).toBe(true);
  const { csrfToken } = (await (await api.get('/api/auth/session')).json()) as { csrfToken: string };
  const res = await api.post('/api/users', {
    data: { ...LINKED, position: 'Chuyên viên Sở Nội vụ', password: LINKED_PASSWORD },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect([201, 409], await res.text()).toContain(res.status());
  await api.dispose();
}

test('the provincial committee: the Trưởng ban heads its composition, and it changes with the date', async ({
  page,
}) => {
  await login(page, 'truongban@chidao.demo');
  await page.getByTestId('nav-committees').click();
  await expect(page.getByTestId('committee-name')).toContainText(
    'Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An',
  );
  const first = page.getByTestId('member-row').first();
  await expect(first).toHaveAttribute('data-position', 'truong_ban');
  await expect(first).toContainText('Trưởng ban');
  await expect(first).toContainText('Trần Văn Chỉ Đạo');
  await expect(first).toContainText('Bí thư Tỉnh ủy');
  await expect(first).toContainText('1830-QĐ/TU');
  // A committee leader reads; only the administrator and the standing agency keep it.
  await expect(page.getByTestId('member-add')).toHaveCount(0);
  await expect(page.getByTestId('composition-table')).toContainText('Võ Văn Giang');
  // (A pilot unit she is responsible for adds an assignment of its own: the same unit may appear twice.)
  const follows = page
    .getByTestId('member-row')
    .filter({ hasText: 'Phạm Thị Ủy Viên' })
    .getByTestId('member-follows');
  await expect(follows.filter({ hasText: 'Sở Tư pháp' }).first()).toBeVisible();
  await expect(follows.filter({ hasText: 'Sở Xây dựng' }).first()).toBeVisible();
  await shot(page, '60-committee-composition-today');

  const date = page.getByTestId('composition-date');
  await date.fill('01/06/2023');
  await date.press('Tab');
  await expect(page.getByTestId('composition-table')).toContainText('Đinh Văn Dũng');
  await expect(page.getByTestId('composition-table')).not.toContainText('Võ Văn Giang');
  await shot(page, '61-committee-composition-2023');
});

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 860 };

test('lower-level committees: counted within Nghệ An, by kind, with who follows each', async ({ page }) => {
  await login(page, 'uyvien@chidao.demo');
  await page.getByTestId('nav-committees').click();
  await page.getByTestId('tab-coverage').click();
  const date = page.getByTestId('coverage-date');
  await date.fill('01/06/2024');
  await date.press('Tab');
  await expect(page.getByTestId('coverage-scope')).toContainText('Nghệ An');
  // Departments, management boards, districts… each a category of its own (by the unit's kind).
  await expect(page.locator('[data-testid="coverage-category"][data-kind="management_board"]')).toBeVisible();
  await page.locator('[data-testid="coverage-category"][data-kind="district"]').click();
  // 21 districts in 2024 (Cửa Lò until 1/12/2024): 20 had their committee — never "20/697".
  await expect(page.getByTestId('coverage-summary')).toContainText('20/21 đơn vị đã thành lập Ban Chỉ đạo');
  await expect(page.getByTestId('coverage-row')).toHaveCount(21);
  await expect(page.locator('[data-testid="coverage-row"][data-founded="no"]')).toContainText('Kỳ Sơn');
  await shot(page, '62-committee-coverage-districts');
  await page.locator('[data-testid="coverage-category"][data-kind="department"]').click();
  await expect(page.getByTestId('coverage-row').filter({ hasText: 'Sở Tư pháp' })).toContainText(
    'Phạm Thị Ủy Viên',
  );
  await shot(page, '62b-committee-coverage-departments');
  await page.setViewportSize(PHONE);
  await shot(page, '62c-committee-coverage-phone');
});

test('the working group (Tổ giúp việc) is a body with its own decision; a member by name is linked to an account', async ({
  page,
  baseURL,
}) => {
  await createLinkedAccount(baseURL!);
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-committees').click();
  await expect(page.getByTestId('committee-founder')).toContainText('Văn bản của Đảng');
  const group = page.getByTestId('working-group');
  await expect(group.getByTestId('working-group-name')).toContainText('Tổ giúp việc Ban Chỉ đạo');
  await expect(group).toContainText('02-QĐ/BCĐ');
  await expect(group.getByTestId('working-group-head')).toContainText('Nguyễn Hữu Thắng');
  await expect(group.getByTestId('working-group-member')).toHaveCount(5);
  // The working group is not mixed into the committee's own members.
  await expect(page.getByTestId('composition-table')).not.toContainText('Nguyễn Hữu Thắng');
  await shot(page, '65-committee-working-group');
  await page.setViewportSize(PHONE);
  await shot(page, '65b-committee-working-group-phone');
  await page.setViewportSize(DESKTOP);

  // A member added by name (no account yet), then linked to her account by its e-mail.
  await page.getByTestId('member-add').click();
  await page.getByTestId('member-name').fill(LINKED.fullName);
  await page.getByTestId('member-office').fill('Phó Giám đốc Sở Nội vụ');
  await page.getByTestId('member-submit').click();
  await expect(page.getByTestId('member-form')).toHaveCount(0);
  const row = page.getByTestId('member-row').filter({ hasText: LINKED.fullName });
  await row.getByTestId('member-assign').click();
  await page.getByTestId('assign-unit').click();
  await page.getByTestId('assign-unit').fill('Y te');
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /Sở Y tế/ })
    .first()
    .click();
  await page.getByTestId('assign-submit').click();
  await expect(row.getByTestId('member-follows')).toHaveText(['Sở Y tế']);
  await row.getByTestId('member-link').click();
  await page.getByTestId('link-email').fill(LINKED.email);
  await shot(page, '66-committee-link-account', { fullPage: false });
  await page.getByTestId('link-submit').click();
  await expect(page.getByTestId('link-form')).toHaveCount(0);
  await expect(row.getByTestId('member-link')).toHaveCount(0);

  // Her landing page now shows the unit she follows.
  await logout(page);
  await login(page, LINKED.email, LINKED_PASSWORD);
  await expect(page.getByTestId('panel-following')).toContainText('Sở Y tế');
  // She holds no role, but is not told she has nothing: she follows units for the committee.
  await expect(page.getByTestId('home-no-roles')).toContainText('theo phân công của Ban Chỉ đạo');
  await shot(page, '67-linked-member-landing');
});

test('the standing agency adds a member to the committee', async ({ page }) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-committees').click();
  await page.getByTestId('member-add').click();
  await page.getByTestId('member-name').fill('Nguyễn Thị Thử Nghiệm');
  await page.getByTestId('member-office').fill('Giám đốc Sở Y tế');
  await shot(page, '63-committee-add-member');
  await page.getByTestId('member-submit').click();
  await expect(page.getByTestId('member-form')).toHaveCount(0);
  await expect(page.getByTestId('composition-table')).toContainText('Nguyễn Thị Thử Nghiệm');
  await shot(page, '64-committee-member-added');
});
