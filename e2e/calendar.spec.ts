import { expect, test } from '@playwright/test';
import { login, shot } from './helpers.js';

test('everyone sees the 2026 working calendar with Tết Bính Ngọ; a focal point cannot edit it', async ({
  page,
}) => {
  await login(page, 'daumoi.tuphap@chidao.demo');
  await page.getByTestId('nav-calendar').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lịch làm việc' })).toBeVisible();
  await page.getByTestId('calendar-year').fill('2026');
  await expect(page.getByTestId('calendar-source')).toHaveText('Lịch đã công bố (mặc định)');
  const tet = page.getByTestId('calendar-day').filter({ hasText: '17/02/2026' });
  await expect(tet).toContainText('Tết Âm lịch (mùng 1)');
  const workingSaturdays = page.locator('[data-testid="calendar-day"][data-kind="working_weekend"]');
  await expect(workingSaturdays.first()).toContainText('10/01/2026');
  await expect(workingSaturdays.first()).toContainText('Làm bù');
  await expect(page.locator('td[data-date="2026-02-14"]')).toHaveAttribute('data-kind', 'weekend');
  await expect(page.locator('td[data-date="2026-02-16"]')).toHaveAttribute('data-kind', 'off');
  await expect(page.locator('td[data-date="2026-01-10"]')).toHaveAttribute('data-kind', 'working_weekend');
  await expect(page.getByTestId('calendar-edit')).toHaveCount(0);

  // Friday 13/2/2026 + 1 working day: Monday 23/2/2026, after the nine-day Tết break.
  const from = page.getByTestId('calendar-calc-from');
  await from.fill('13/02/2026');
  await from.press('Tab');
  await page.getByTestId('calendar-calc-n').fill('1');
  await expect(page.getByTestId('calendar-calc-result')).toContainText('23/02/2026');
  await shot(page, '50-calendar-2026');
});

test('the administrator adds a day off to 2026 and the calendar and the calculator follow', async ({
  page,
}) => {
  await login(page, 'admin@chidao.demo');
  await page.getByTestId('nav-calendar').click();
  await page.getByTestId('calendar-year').fill('2026');
  await expect(page.getByTestId('calendar-source')).toHaveText('Lịch đã công bố (mặc định)');
  await page.getByTestId('calendar-edit').click();
  await expect(page.getByTestId('calendar-tet-from')).toHaveValue('14/02/2026');
  await expect(page.getByTestId('calendar-tet-to')).toHaveValue('22/02/2026');

  // A day off on a Saturday is refused by the server, under the date field.
  await page.getByTestId('calendar-add-daysOff').click();
  const row = page.getByTestId('calendar-daysOff-row').last();
  const date = row.getByTestId('calendar-daysOff-date');
  await date.fill('26/12/2026');
  await date.press('Tab');
  await row.getByTestId('calendar-daysOff-nameVi').fill('Nghỉ bù cuối năm (thử nghiệm)');
  await row.getByTestId('calendar-daysOff-basis').fill('Quyết định số 99/QĐ-UBND của UBND tỉnh');
  await page.getByTestId('calendar-save').click();
  await expect(row).toContainText('đã là ngày nghỉ hằng tuần');
  await shot(page, '51-calendar-edit-error');

  await date.fill('31/12/2026');
  await date.press('Tab');
  await page.getByTestId('calendar-save').click();
  await expect(page.getByTestId('calendar-source')).toHaveText('Đã điều chỉnh');
  await expect(page.getByTestId('calendar-day').filter({ hasText: '31/12/2026' })).toContainText(
    'Nghỉ bù cuối năm (thử nghiệm)',
  );
  await expect(page.locator('td[data-date="2026-12-31"]')).toHaveAttribute('data-kind', 'off');

  const from = page.getByTestId('calendar-calc-from');
  await from.fill('30/12/2026');
  await from.press('Tab');
  await page.getByTestId('calendar-calc-n').fill('1');
  await expect(page.getByTestId('calendar-calc-result')).toContainText('04/01/2027');
  await shot(page, '52-calendar-edited');
});
