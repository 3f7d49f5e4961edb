/**
 * The public portal (issue 18): an anonymous visitor on a phone opens the province's portal, finds a department's
 * PAR Index ranking, reads an answered feedback case (no one's personal data), and downloads the open data as CSV.
 */
import { expect, test } from '@playwright/test';
import { shot } from './helpers.js';

test.use({ viewport: { width: 390, height: 844 } });

test('an anonymous visitor finds a ranking, an answered case and the open data on a phone', async ({
  page,
}) => {
  await page.goto('/cong-khai');
  const home = page.getByTestId('portal-home');
  await expect(home).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nghệ An');
  // The social preview is written by the server into the page it sends.
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /og\.png/);
  await shot(page, '271-portal-home-phone');

  // The PAR Index: the departments of 2025, searched without accents.
  await page.getByRole('navigation').getByRole('link', { name: 'Chỉ số CCHC' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Chỉ số cải cách hành chính');
  await page.getByLabel('Nhóm đơn vị').selectOption({ label: 'Sở, ban, ngành' });
  await expect(page).toHaveURL(/nhom=|group=/);
  await page.getByLabel('Tìm đơn vị').fill('so tu phap');
  // The search (no accents needed) narrows the ranking to the one department, and goes into the address.
  await expect(page).toHaveURL(/q=so\+tu\+phap/);
  await expect(page.getByRole('table').first().locator('tbody tr')).toHaveCount(1);
  const row = page.getByRole('row').filter({ hasText: 'Sở Tư pháp' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/\d+,\d\d/);
  await shot(page, '272-portal-par-ranking-phone');
  await row.getByRole('link', { name: 'Sở Tư pháp' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sở Tư pháp — Chỉ số CCHC năm 2025');
  await expect(page.getByText('Điểm theo lĩnh vực')).toBeVisible();
  await shot(page, '273-portal-par-unit-phone');

  // Answered feedback: searchable, the answer readable, nobody's name, phone or e-mail.
  await page.getByRole('navigation').getByRole('link', { name: 'Phản ánh' }).click();
  await page.getByRole('link', { name: 'Đã trả lời' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Phản ánh đã được trả lời');
  await page.getByLabel('Tìm theo nội dung, mã hoặc đơn vị').fill('trả hồ sơ');
  await page.getByRole('button', { name: 'Tìm' }).click();
  const answered = page.getByRole('link', { name: /trả hồ sơ/ }).first();
  await expect(answered).toBeVisible();
  await shot(page, '274-portal-answered-phone');
  await answered.click();
  await expect(page.getByText(/Trả lời/).first()).toBeVisible();
  const text = await page.getByRole('main').innerText();
  expect(text).not.toMatch(/@|\b0\d{9}\b/);
  await shot(page, '275-portal-answered-case-phone');

  // Open data: the PAR results as CSV, with a BOM for Excel and the documented header.
  await page.getByRole('navigation').getByRole('link', { name: 'Dữ liệu mở' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shot(page, '276-portal-open-data-phone');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải CSV: Kết quả Chỉ số cải cách hành chính' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const csv = Buffer.concat(chunks);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...lines] = csv.subarray(3).toString('utf8').trim().split(/\r?\n/);
  expect(header!.split(';').length).toBeGreaterThan(4);
  expect(lines.some((l) => l.includes('Sở Tư pháp'))).toBe(true);
});
