import { expect, test } from '@playwright/test';
import { login, logout, shot } from './helpers.js';

// The province in the national indices (issue 16, item 7), on the demo province: the committee leader reads Nghệ
// An's PAR Index, SIPAS and PAPI by year and dimension — change, rank, target, weak dimensions — and the
// improvement given to Sở Nội vụ with its tasks; desktop and phone width.

test('the committee leader reads the province’s standing and the improvement of a weak dimension', async ({
  page,
}) => {
  await login(page, 'truongban@chidao.demo');
  await page.getByTestId('nav-standings').click();
  await expect(page.getByTestId('dimension-row').first()).toBeVisible();
  await expect(page.getByTestId('weak').first()).toBeVisible();
  await shot(page, '170-standings');
  await page.getByTestId('tab-improvements').click();
  await expect(page.getByTestId('improvement').first()).toContainText('Sở Nội vụ');
  await expect(page.getByTestId('improvement-task-row')).toHaveCount(3);
  await shot(page, '171-standings-improvement');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '172-standings-improvement-phone', { fullPage: false });
  await page.setViewportSize({ width: 1366, height: 860 });
  await logout(page);
});
