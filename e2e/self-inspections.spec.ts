import { expect, test } from '@playwright/test';
import { login, logout, shot } from './helpers.js';

/**
 * Self-inspections (tự kiểm tra CCHC, issue 15), done when: Sở Tư pháp's focal point opens "Tự kiểm tra CCHC",
 * sees 3 of its 8 divisions inspected in 2026 (37,5%, below the 50% required, one more to go), records an
 * inspection of a division (picked among its own, date typed dd/mm/yyyy, form, areas, a note) and sees the gauge
 * reach 50% with the record listed; the same page at phone width. The standing officer sees the province's view
 * (counts, every department and commune with its share), keeps only the units that have not reached it, narrows
 * to the communes, downloads the Excel file and opens a commune's page, read only. Screenshots at 1280 and 390.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };
const YEAR = 2026;

test.describe.configure({ mode: 'serial' });

test('a focal point records a self-inspection and sees the coverage reach 50%', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await login(page, 'daumoi.tuphap@chidao.demo');
  await page.getByTestId('nav-inspections.self').click();
  await expect(page).toHaveURL(/\/inspections\/self/);
  await page.goto(`/inspections/self?year=${YEAR}`);
  await expect(page.getByRole('heading', { name: 'Tự kiểm tra CCHC', level: 1 })).toBeVisible();
  const gauge = page.getByTestId('self-gauge');
  await expect(gauge.getByTestId('self-counts')).toHaveText('3/8 đơn vị trực thuộc đã được kiểm tra');
  await expect(gauge.getByTestId('self-percent')).toHaveText('37,5%');
  await expect(gauge.getByTestId('self-reached')).toHaveText('Chưa đạt');
  await expect(gauge.getByTestId('self-missing')).toHaveText('Cần kiểm tra thêm 1 đơn vị để đạt yêu cầu.');
  await expect(page.getByTestId('self-subunit')).toHaveCount(8);
  await expect(page.getByTestId('self-subunit').filter({ hasText: 'Đã kiểm tra' })).toHaveCount(3);
  await expect(page.getByTestId('self-record')).toHaveCount(3);
  await shot(page, '470-self-inspections-unit');

  await page.getByTestId('self-add').click();
  const form = page.getByTestId('self-form');
  await form.getByTestId('self-unit').click();
  // Only its own divisions are offered; those inspected this year say so.
  await expect(page.getByRole('option', { name: 'Phòng Hành chính tư pháp (đã kiểm tra)' })).toBeVisible();
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(8);
  await page.getByRole('option', { name: 'Phòng Phổ biến, giáo dục pháp luật' }).click();
  await form.getByTestId('self-date').fill('10/11/2026');
  await form.getByTestId('self-form-kind').click();
  await page.getByRole('option', { name: 'Kết hợp trực tiếp và qua báo cáo' }).click();
  await form.getByTestId('self-areas').click();
  await page.getByRole('option', { name: 'Cải cách thể chế' }).click();
  await page.getByRole('option', { name: 'Cải cách chế độ công vụ' }).click();
  await page.keyboard.press('Escape');
  await form
    .getByTestId('self-note')
    .fill('Kiểm tra việc thực hiện Kế hoạch phổ biến, giáo dục pháp luật năm 2026; hồ sơ đầy đủ.');
  await shot(page, '471-self-inspections-record-form', { fullPage: false });
  await form.getByTestId('self-submit').click();
  await expect(page.getByTestId('self-saved')).toContainText(
    'Đã ghi nhận cuộc tự kiểm tra Phòng Phổ biến, giáo dục pháp luật.',
  );
  await expect(form).toBeHidden();
  await page.getByTestId('self-saved').locator('button').click();

  await expect(gauge.getByTestId('self-counts')).toHaveText('4/8 đơn vị trực thuộc đã được kiểm tra');
  await expect(gauge.getByTestId('self-percent')).toHaveText('50%');
  await expect(gauge.getByTestId('self-reached')).toHaveText('Đạt yêu cầu');
  await expect(gauge.getByTestId('self-missing')).toHaveCount(0);
  const record = page.getByTestId('self-record').filter({ hasText: 'Phòng Phổ biến, giáo dục pháp luật' });
  await expect(record).toContainText('10/11/2026');
  await expect(record).toContainText('Cải cách thể chế');
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  expect(text).not.toMatch(/on_site|through_reports|civil_service|not_reached/);
  await shot(page, '472-self-inspections-unit-reached');

  // A date in the future is refused by the date field; the server's own refusals are tested in the route suite.
  await page.setViewportSize(PHONE);
  await expect(page.getByTestId('self-records-cards')).toBeVisible();
  await expect(gauge.getByTestId('self-percent')).toHaveText('50%');
  await shot(page, '473-self-inspections-unit-phone');
  await page.setViewportSize(DESKTOP);
  await logout(page);
});

test('the standing officer sees the province view, filters it and exports it', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-inspections.self').click();
  await page.goto(`/inspections/self?year=${YEAR}`);
  await expect(page.getByRole('heading', { name: 'Tự kiểm tra CCHC toàn tỉnh', level: 1 })).toBeVisible();
  const table = page.getByTestId('self-province');
  const row = (name: string) => table.getByTestId('self-province-row').filter({ hasText: name });
  await expect(row('Sở Tư pháp')).toContainText('50%');
  await expect(row('Sở Tư pháp')).toContainText('4/8 đơn vị');
  await expect(row('Sở Tư pháp')).toContainText('Đạt');
  await expect(row('Sở Nội vụ')).toContainText('Chưa đạt');
  await expect(page.getByTestId('self-count-units-value')).not.toHaveText('0');
  await shot(page, '474-self-inspections-province');

  await page.getByTestId('self-not-reached').click();
  await page.getByTestId('self-kind').click();
  await page.getByRole('option', { name: /^UBND cấp xã/ }).click();
  await expect(table.getByTestId('self-province-row')).toHaveCount(2);
  await expect(row('Xã Diễn Châu')).toContainText('25%');
  await expect(row('Xã Diễn Châu')).toContainText('1/4 đơn vị');
  await expect(row('Xã Đô Lương')).toContainText('0%');
  await expect(page.getByTestId('self-count-units-value')).toHaveText('130');
  await expect(page.getByTestId('self-count-not-reached-value')).toHaveText('2');
  await shot(page, '475-self-inspections-province-filtered');

  const download = page.waitForEvent('download');
  await page.getByTestId('self-excel').click();
  expect((await download).suggestedFilename()).toBe('Tự kiểm tra CCHC năm 2026.xlsx');

  await page.setViewportSize(PHONE);
  await expect(page.getByTestId('self-province-cards')).toBeVisible();
  await expect(page.getByTestId('self-province-card')).toHaveCount(2);
  await shot(page, '476-self-inspections-province-phone');

  // A commune's page, read only: the gauge and its divisions, no button to record.
  await page
    .getByTestId('self-province-card')
    .filter({ hasText: 'Xã Diễn Châu' })
    .getByTestId('self-province-unit')
    .click();
  await expect(
    page.getByRole('heading', { name: 'Tự kiểm tra CCHC — Xã Diễn Châu', level: 1 }),
  ).toBeVisible();
  await expect(page.getByTestId('self-counts')).toHaveText('1/4 đơn vị trực thuộc đã được kiểm tra');
  await expect(page.getByTestId('self-add')).toHaveCount(0);
  await expect(page.getByTestId('self-edit')).toHaveCount(0);
  await shot(page, '477-self-inspections-commune-phone');
  await page.setViewportSize(DESKTOP);
  await page.getByTestId('self-back').click();
  await expect(page.getByRole('heading', { name: 'Tự kiểm tra CCHC toàn tỉnh', level: 1 })).toBeVisible();
  await logout(page);
});
