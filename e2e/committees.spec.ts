import { expect, test } from '@playwright/test';
import { login, shot } from './helpers.js';

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
  await expect(
    page.getByTestId('member-row').filter({ hasText: 'Phạm Thị Ủy Viên' }).getByTestId('member-follows'),
  ).toHaveText(['Sở Tư pháp', 'Sở Xây dựng']);
  await shot(page, '60-committee-composition-today');

  const date = page.getByTestId('composition-date');
  await date.fill('01/06/2023');
  await date.press('Tab');
  await expect(page.getByTestId('composition-table')).toContainText('Đinh Văn Dũng');
  await expect(page.getByTestId('composition-table')).not.toContainText('Võ Văn Giang');
  await shot(page, '61-committee-composition-2023');
});

test('lower-level committees: 19/20 districts had founded theirs on 1/6/2024', async ({ page }) => {
  await login(page, 'uyvien@chidao.demo');
  await page.getByTestId('nav-committees').click();
  await page.getByTestId('tab-coverage').click();
  const date = page.getByTestId('coverage-date');
  await date.fill('01/06/2024');
  await date.press('Tab');
  await expect(page.getByTestId('coverage-summary')).toContainText('19/20 huyện đã thành lập Ban Chỉ đạo');
  await expect(page.getByTestId('coverage-row')).toHaveCount(20);
  await expect(page.locator('[data-testid="coverage-row"][data-founded="no"]')).toContainText('Kỳ Sơn');
  await shot(page, '62-committee-coverage-districts');
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
