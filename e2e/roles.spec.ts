import { expect, test } from '@playwright/test';
import { login, logout, navSections, shot } from './helpers.js';

// Every demo role signs in and sees exactly the sections its grants open (the server decides; the web shows).
const ROLES: [email: string, role: string, sections: string[]][] = [
  [
    'admin@chidao.demo',
    'admin',
    [
      'province',
      'home',
      'documents',
      'units',
      'users',
      'audit',
      'committees',
      'meetings',
      'plans',
      'pilots',
      'reports',
      'standings',
      'programmes',
      'inspections',
      'inspections.proposals',
      'inspections.figures',
      'inspections.settings',
      'inspections.self',
      'parindex',
      'parindex.frameworks',
      'parindex.results',
      'surveys',
      'hotline',
      'hotline.stats',
      'hotline.settings',
      'portal',
      'dossiers',
      'dossiers.import',
      'dossiers.mappings',
      'dossiers.tokens',
      'dossiers.settings',
      'calendar',
      'notifications',
      'profile',
    ],
  ],
  [
    'thuongtruc@chidao.demo',
    'standing_officer',
    [
      'province',
      'home',
      'documents',
      'units',
      'committees',
      'meetings',
      'plans',
      'pilots',
      'reports',
      'standings',
      'programmes',
      'inspections',
      'inspections.proposals',
      'inspections.figures',
      'inspections.settings',
      'inspections.self',
      'parindex',
      'parindex.frameworks',
      'parindex.results',
      'surveys',
      'hotline',
      'hotline.stats',
      'hotline.settings',
      'portal',
      'dossiers',
      'dossiers.import',
      'dossiers.mappings',
      'dossiers.settings',
      'calendar',
      'notifications',
      'profile',
    ],
  ],
  [
    'truongban@chidao.demo',
    'committee_leader',
    [
      'province',
      'home',
      'documents',
      'units',
      'committees',
      'meetings',
      'plans',
      'pilots',
      'reports',
      'standings',
      'programmes',
      'inspections',
      'inspections.proposals',
      'inspections.figures',
      'inspections.settings',
      'inspections.self',
      'parindex',
      'parindex.frameworks',
      'parindex.results',
      'surveys',
      'hotline',
      'hotline.stats',
      'hotline.settings',
      'portal',
      'dossiers',
      'cockpit',
      'calendar',
      'notifications',
      'profile',
    ],
  ],
  [
    'uyvien@chidao.demo',
    'committee_member',
    [
      'province',
      'home',
      'documents',
      'units',
      'committees',
      'meetings',
      'plans',
      'pilots',
      'reports',
      'standings',
      'programmes',
      'inspections',
      'inspections.proposals',
      'inspections.figures',
      'inspections.settings',
      'inspections.self',
      'parindex',
      'parindex.frameworks',
      'parindex.results',
      'surveys',
      'hotline',
      'hotline.stats',
      'hotline.settings',
      'portal',
      'dossiers',
      'cockpit',
      'calendar',
      'notifications',
      'profile',
    ],
  ],
  [
    'daumoi.tuphap@chidao.demo',
    'focal_point',
    [
      'home',
      'documents',
      'units',
      'committees',
      'meetings',
      'plans',
      'pilots',
      'reports',
      'standings',
      'inspections',
      'inspections.settings',
      'inspections.self',
      'parindex',
      'parindex.frameworks',
      'parindex.results',
      'surveys',
      'hotline',
      'hotline.stats',
      'hotline.settings',
      'dossiers',
      'calendar',
      'notifications',
      'profile',
    ],
  ],
  [
    'lanhdao.tuphap@chidao.demo',
    'unit_leader',
    [
      'home',
      'documents',
      'units',
      'committees',
      'meetings',
      'plans',
      'pilots',
      'reports',
      'standings',
      'inspections',
      'inspections.settings',
      'inspections.self',
      'parindex',
      'parindex.frameworks',
      'parindex.results',
      'surveys',
      'hotline',
      'hotline.stats',
      'hotline.settings',
      'dossiers',
      'calendar',
      'notifications',
      'profile',
    ],
  ],
  [
    'thamdinh@chidao.demo',
    'appraiser',
    [
      'home',
      'documents',
      'units',
      'committees',
      'meetings',
      'plans',
      'parindex',
      'parindex.frameworks',
      'parindex.results',
      'calendar',
      'notifications',
      'profile',
    ],
  ],
  [
    'kiemtra@chidao.demo',
    'inspector',
    [
      'home',
      'documents',
      'units',
      'committees',
      'meetings',
      'plans',
      'inspections',
      'inspections.figures',
      'inspections.settings',
      'calendar',
      'notifications',
      'profile',
    ],
  ],
  [
    'duongdaynong@chidao.demo',
    'hotline_officer',
    [
      'home',
      'documents',
      'units',
      'committees',
      'meetings',
      'plans',
      'hotline',
      'hotline.stats',
      'hotline.settings',
      'calendar',
      'notifications',
      'profile',
    ],
  ],
];

test('the login page is in Vietnamese with labelled fields, and a wrong password says so', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByLabel('E-mail')).toBeVisible();
  await expect(page.getByLabel('Mật khẩu', { exact: true })).toBeVisible();
  await shot(page, '01-login-vi');
  await page.getByTestId('login-email').fill('admin@chidao.demo');
  await page.getByTestId('login-password').fill('sai-mat-khau');
  await page.getByTestId('login-submit').click();
  await expect(page.getByText('E-mail hoặc mật khẩu không đúng', { exact: false })).toBeVisible();
  await shot(page, '02-login-wrong-password');
});

for (const [email, role, sections] of ROLES) {
  test(`${role} (${email}) sees ${sections.join(', ')}`, async ({ page }) => {
    await login(page, email);
    await expect.poll(() => navSections(page)).toEqual(sections);
    await shot(page, `10-home-${role}`);
    await logout(page);
  });
}

test('the administrator opens users, a user with grants, and the audit journal', async ({ page }) => {
  await login(page, 'admin@chidao.demo');
  await page.getByTestId('nav-users').click();
  await expect(page.getByTestId('users-table')).toBeVisible();
  await expect(page.getByTestId('user-row').first()).toBeVisible();
  await shot(page, '20-users');
  await page.getByTestId('users-search').fill('dau moi');
  await expect(page.getByTestId('user-row')).toHaveCount(1);
  await page.getByTestId('user-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('grants-table')).toBeVisible();
  await expect(page.getByTestId('grant-row')).toHaveCount(1);
  await shot(page, '21-user-detail');
  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await shot(page, '22-audit');
});

test("a committee member's cockpit shows the units they follow and the overdue tasks first", async ({
  page,
}) => {
  await login(page, 'uyvien@chidao.demo');
  await page.getByTestId('nav-cockpit').click();
  await expect(page.getByTestId('cockpit-unit')).toHaveCount(2);
  await expect(page.getByTestId('cockpit-unit').first()).toContainText('Sở');
  await expect(page.getByTestId('cockpit-task').first()).toContainText(/Quá hạn|quá hạn/);
  // The next report owed to the committee, and the followed units' pilot items (Sở Tư pháp, 2024).
  await expect(page.getByTestId('cockpit-next-report')).toContainText('hạn');
  await expect(page.getByTestId('cockpit-pilot-item').first()).toBeVisible();
  await expect(page.getByTestId('cockpit-feedback')).toBeVisible();
  await shot(page, '76-cockpit');
  // A task opens in its plan with its drawer.
  const title = (await page.getByTestId('cockpit-task').first().getByRole('link').innerText()).trim();
  await page.getByTestId('cockpit-task').first().getByRole('link').click();
  await expect(page.getByTestId('drawer-title')).toHaveText(title);
});
