import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { login, logout, shot } from './helpers.js';

/**
 * Issue 13, done when: the officer opens Q3/2026, two units fill and submit (one late), one is returned and
 * resubmitted, the officer accepts, consolidates, downloads the DOCX and XLSX, and the DOCX is rendered and
 * printed to PDF — its first page saved as an image and looked at.
 */

const OUT = path.resolve('e2e/screenshots');
const UNIT_FORM = 'Báo cáo kết quả thực hiện công tác cải cách hành chính của cơ quan, đơn vị, địa phương';

/** Consistent figures for the required numbers (the form's rules: done ≤ total, the dossier balance, …). */
const FIGURES: Record<string, string> = {
  plan_tasks_total: '20',
  plan_tasks_done: '15',
  subunits_total: '10',
  subunits_inspected: '6',
  legal_docs_reviewed: '12',
  legal_docs_flagged: '1',
  dossiers_carried_over: '100',
  dossiers_received: '1000',
  dossiers_received_online: '800',
  dossiers_withdrawn: '10',
  dossiers_resolved_on_time: '900',
  dossiers_resolved_late: '50',
  dossiers_processing: '140',
  dossiers_processing_overdue: '5',
};

const field = (page: Page, key: string) => page.locator(`[data-testid="report-field"][data-field="${key}"]`);

/** Fills what the unit must fill and the system did not: required narratives, the plan choice, empty figures. */
async function fillReport(page: Page, unit: string) {
  await expect(page.getByTestId('report-form')).toBeVisible();
  const dossiersPrefilled = (await field(page, 'dossiers_received').locator('input').inputValue()) !== '';
  for (const [key, value] of Object.entries(FIGURES)) {
    if (key.startsWith('dossiers_') && dossiersPrefilled) continue;
    const input = field(page, key).locator('input');
    if ((await input.inputValue()) !== '') continue;
    await input.fill(value);
  }
  await field(page, 'plan_issued').getByRole('radio').first().check();
  const narratives = page.locator('[data-testid="report-field"]:has([data-testid="field-narrative"])');
  const count = await narratives.count();
  for (let i = 0; i < count; i++) {
    const box = narratives.nth(i).locator('textarea');
    if ((await box.inputValue()) === '')
      await box.fill(`${unit} đã triển khai nội dung này theo **Kế hoạch CCHC năm 2026** của UBND tỉnh.`);
  }
  await page.getByTestId('report-save').click();
  await expect(page.getByTestId('report-dirty')).toHaveText('Đã lưu mọi thay đổi');
}

async function openMyReport(page: Page, period: string) {
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('my-report').filter({ hasText: period }).getByTestId('my-report-link').click();
  await expect(page.getByTestId('report-heading')).toContainText(period);
}

async function submitReport(page: Page) {
  await page.getByTestId('report-submit').click();
  await page.getByTestId('report-submit-ok').click();
  await expect(page.getByTestId('report-heading')).toBeVisible();
  await expect(page.getByTestId('report-facts')).toContainText('Đã gửi');
}

test('Q3/2026: open the round, two departments submit (one late), a return and a resubmission, acceptance, consolidation, DOCX and XLSX', async ({
  page,
}) => {
  test.setTimeout(420_000);
  // 1. The standing officer opens Q3/2026 for the departments.
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('rounds')).toBeVisible();
  await shot(page, '400-reports-rounds');
  await page.getByTestId('round-open').click();
  await page.getByTestId('round-open-form-select').click();
  await page.getByRole('option', { name: UNIT_FORM }).click();
  await page.getByTestId('round-open-type').click();
  await page.getByRole('option', { name: 'Quý', exact: true }).click();
  await page.getByTestId('round-open-year').click();
  await page.getByRole('option', { name: '2026', exact: true }).click();
  await page.getByTestId('round-open-index').click();
  await page.getByRole('option', { name: /Quý III/ }).click();
  const preview = page.getByTestId('round-preview');
  await expect(preview).toContainText('15/06/2026 – 14/09/2026');
  await expect(preview).toContainText('20/09/2026');
  await expect(page.getByTestId('round-preview-expected')).toContainText('đơn vị phải báo cáo');
  await shot(page, '401-reports-open-round', { fullPage: false });
  await page.getByTestId('round-open-confirm').click();
  await expect(page.getByTestId('round-heading')).toContainText('Quý III/2026');
  const roundUrl = page.url();
  await shot(page, '402-reports-round-opened');

  // Sở Xây dựng gets until 31/12/2026 (its merger with Sở GTVT): it will submit on time.
  await page.getByTestId('round-unit-link').filter({ hasText: 'Sở Xây dựng' }).click();
  await page.getByTestId('report-extend').click();
  await page.getByTestId('report-extend-date').fill('31/12/2026');
  await page
    .getByTestId('report-extend-reason')
    .fill('Sở đang kiện toàn bộ máy sau hợp nhất Sở Giao thông vận tải');
  await page.getByTestId('report-extend-submit').click();
  await expect(page.getByTestId('report-due')).toContainText('31/12/2026');
  await logout(page);

  // 2. Sở Tư pháp: the focal point fills in, the leader submits — late (due 20/09/2026).
  await login(page, 'daumoi.tuphap@chidao.demo');
  await openMyReport(page, 'Quý III/2026');
  const tuphapUrl = page.url();
  await fillReport(page, 'Sở Tư pháp');
  await expect(page.getByTestId('report-submit')).toHaveCount(0);
  await expect(page.getByTestId('report-leader-submits')).toBeVisible();
  await shot(page, '403-reports-tuphap-filled');
  await logout(page);
  await login(page, 'lanhdao.tuphap@chidao.demo');
  await page.goto(tuphapUrl);
  await submitReport(page);
  await expect(page.getByTestId('report-facts')).toContainText('Nộp muộn');
  await logout(page);

  // 3. Sở Xây dựng: filled and submitted within its extension.
  await login(page, 'daumoi.xaydung@chidao.demo');
  await openMyReport(page, 'Quý III/2026');
  const xaydungUrl = page.url();
  await fillReport(page, 'Sở Xây dựng');
  await logout(page);
  await login(page, 'lanhdao.xaydung@chidao.demo');
  await page.goto(xaydungUrl);
  await submitReport(page);
  await expect(page.getByTestId('report-facts')).not.toContainText('Nộp muộn');
  await logout(page);

  // 4. The officer returns Sở Tư pháp's report with a comment on one figure.
  await login(page, 'thuongtruc@chidao.demo');
  await page.goto(tuphapUrl);
  await page.getByTestId('report-return').click();
  await page.getByTestId('report-return-reason').fill('Bổ sung kết quả tự kiểm tra');
  await page.getByTestId('report-return-target').click();
  await page.getByTestId('report-return-target').fill('tự kiểm tra');
  await page
    .getByRole('option', { name: /được tự kiểm tra/ })
    .first()
    .click();
  await page.getByTestId('report-return-comment-text').fill('Chưa khớp với kế hoạch tự kiểm tra của Sở');
  await page.getByTestId('report-return-comment-add').click();
  await shot(page, '404-reports-return-dialog', { fullPage: false });
  await page.getByTestId('report-return-submit').click();
  await expect(page.getByTestId('report-facts')).toContainText('Bị trả lại');
  await logout(page);

  // 5. Sở Tư pháp sees the comment beside the figure, corrects it; the leader submits again.
  await login(page, 'daumoi.tuphap@chidao.demo');
  await page.goto(tuphapUrl);
  await expect(page.getByTestId('report-returned')).toContainText('Bổ sung kết quả tự kiểm tra');
  await expect(page.getByText('Chưa khớp với kế hoạch tự kiểm tra của Sở').first()).toBeVisible();
  await shot(page, '405-reports-returned-comment');
  const inspected = field(page, 'subunits_inspected').locator('input');
  await inspected.fill('7');
  await page.getByTestId('report-save').click();
  await expect(page.getByTestId('report-dirty')).toHaveText('Đã lưu mọi thay đổi');
  await logout(page);
  await login(page, 'lanhdao.tuphap@chidao.demo');
  await page.goto(tuphapUrl);
  await submitReport(page);
  await logout(page);

  // 6. The officer accepts both; the round counts them once each, one late.
  await login(page, 'thuongtruc@chidao.demo');
  for (const url of [tuphapUrl, xaydungUrl]) {
    await page.goto(url);
    await page.getByTestId('report-accept').click();
    await page.getByTestId('report-accept-ok').click();
    await expect(page.getByTestId('report-facts')).toContainText('Đã tiếp nhận');
  }
  await page.goto(roundUrl);
  const units = page.getByTestId('round-units');
  await expect(units).toContainText('Sở Tư pháp');
  await shot(page, '406-reports-round-rates');

  // 7. Consolidation, traced to the units; the DOCX and XLSX downloads; the DOCX previewed and printed to PDF.
  await page.getByTestId('round-consolidate').click();
  await page.getByTestId('cons-run').click();
  await expect(page.getByTestId('cons-basis')).toBeVisible();
  const trace = page
    .locator('[data-testid="report-field"][data-field="subunits_inspected"]')
    .getByTestId('figure-trace');
  await trace.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Sở Tư pháp');
  await expect(dialog).toContainText('Sở Xây dựng');
  await shot(page, '407-reports-trace', { fullPage: false });
  await page.keyboard.press('Escape');
  await shot(page, '408-reports-consolidation');

  fs.mkdirSync(OUT, { recursive: true });
  await page.getByTestId('cons-docx').click();
  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('cons-docx-province').click(),
  ]);
  const docxPath = path.join(OUT, '408-bao-cao-cchc-quy-iii-2026.docx');
  await docx.saveAs(docxPath);
  expect(fs.readFileSync(docxPath).subarray(0, 2).toString()).toBe('PK');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cons-xlsx').click()]);
  const xlsxPath = path.join(OUT, '409-phu-luc-quy-iii-2026.xlsx');
  await xlsx.saveAs(xlsxPath);
  expect(fs.statSync(xlsxPath).size).toBeGreaterThan(5000);

  // Tall enough for the first A4 page to be on screen in the preview.
  await page.setViewportSize({ width: 1366, height: 1900 });
  await page.getByTestId('cons-preview').click();
  const rendered = page.getByTestId('docx-preview').locator('section').first();
  await expect(rendered).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('docx-preview')).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  await expect(page.getByTestId('docx-preview')).toContainText('quý III/2026');
  // The first page as an image (looked at), and the whole document as the browser prints it to PDF.
  await rendered.scrollIntoViewIfNeeded();
  const box = (await rendered.boundingBox())!;
  await page.screenshot({
    path: path.join(OUT, '410-docx-first-page.png'),
    clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, (box.width * 297) / 210) },
  });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({
    path: path.join(OUT, '411-bao-cao-cchc-quy-iii-2026.pdf'),
    format: 'A4',
    printBackground: true,
  });
  await page.emulateMedia({ media: 'screen' });
  expect(fs.readFileSync(path.join(OUT, '411-bao-cao-cchc-quy-iii-2026.pdf')).subarray(0, 4).toString()).toBe(
    '%PDF',
  );

  // 8. Issued: registered with its number, the files attached, the draft locked.
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.getByTestId('cons-issue').click();
  await page.getByTestId('cons-issue-number').fill('215');
  await shot(page, '412-reports-issue', { fullPage: false });
  await page.getByTestId('cons-issue-ok').click();
  await expect(page.getByTestId('cons-issued')).toBeVisible();
  await expect(page.getByTestId('cons-issue')).toHaveCount(0);
  await page.getByTestId('cons-issued').getByRole('link').click();
  await expect(page.getByText('215/BC-UBND').first()).toBeVisible();
  await shot(page, '413-reports-issued-document');
});

test('phone width: a unit’s report and the round read well on a phone', async ({ page }) => {
  await login(page, 'daumoi.xaydung@chidao.demo');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/reports');
  await expect(page.getByTestId('my-reports')).toBeVisible();
  await shot(page, '420-reports-phone-unit-list');
  await page
    .getByTestId('my-report')
    .filter({ hasText: 'Quý II/2026' })
    .getByTestId('my-report-link')
    .click();
  await expect(page.getByTestId('report-returned')).toBeVisible();
  await shot(page, '421-reports-phone-returned');
  await page.setViewportSize({ width: 1366, height: 860 });
  await logout(page);
  await login(page, 'thuongtruc@chidao.demo');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/reports');
  await page.getByTestId('round-card').filter({ hasText: 'Quý II/2026' }).getByTestId('round-link').click();
  await expect(page.getByTestId('round-heading')).toContainText('Quý II/2026');
  await shot(page, '422-reports-phone-round');
});
