import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { login, logout, shot } from './helpers.js';

const PLAN = 'Kế hoạch CCHC năm 2026 (nhập từ Excel)';
const TASKS = [
  [
    'Rà soát, đơn giản hóa TTHC lĩnh vực hộ tịch',
    'Cải cách thủ tục hành chính',
    'Sở Tư pháp',
    '30/06/2026',
    'x',
  ],
  [
    'Số hóa hồ sơ cấp phép xây dựng',
    'Xây dựng chính phủ điện tử, chính phủ số',
    'Sở Giao thông vận tải',
    '30/09/2026',
    '',
  ],
  ['Kiện toàn bộ phận một cửa cấp xã', 'Cải cách tổ chức bộ máy', '40.noivu', '31/10/2026', ''],
] as const;

/** Picks the first option of a unit picker whose name ("Sở Tư pháp — Nghệ An", then its kind) holds `option`. */
async function pick(page: Page, testId: string, text: string, option: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await page.getByRole('listbox').getByRole('option', { name: option }).first().click();
}

/** Clicks a download item of the plan's Excel / Word menu and saves the file; returns its path and name. */
async function download(page: Page, item: string, dir: string) {
  await page.getByTestId('exchange-menu').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  const name = file.suggestedFilename();
  const target = path.join(dir, name);
  await file.saveAs(target);
  return { target, name };
}

/** Fills the downloaded template's "Nhiệm vụ" sheet as a person would in Excel. */
async function fill(template: string, rows: readonly (readonly string[])[], out: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('Nhiệm vụ')!;
  const header = (ws.getRow(1).values as string[]).map((v) => String(v ?? ''));
  const col = (h: string) => header.indexOf(h);
  rows.forEach(([title, area, lead, due, focus], i) => {
    const row = ws.getRow(i + 2);
    row.getCell(col('STT')).value = i + 1;
    row.getCell(col('Tên nhiệm vụ*')).value = title;
    row.getCell(col('Lĩnh vực CCHC*')).value = area;
    row.getCell(col('Đơn vị chủ trì*')).value = lead;
    row.getCell(col('Hạn hoàn thành')).value = due;
    row.getCell(col('Trọng tâm (x)')).value = focus || null;
    row.commit();
  });
  await wb.xlsx.writeFile(out);
}

test('a standing officer imports a plan’s tasks from Excel (a bad row first), then downloads the DOCX report', async ({
  page,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-e2e-exchange-'));

  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-plans').click();
  await page.getByTestId('plan-new').click();
  await page.getByTestId('plan-year').click();
  await page.getByRole('option', { name: '2026', exact: true }).click();
  await pick(page, 'plan-owner', 'Nghe An', 'UBND tỉnh Nghệ An');
  await page.getByTestId('plan-title').fill(PLAN);
  await page.getByTestId('plan-submit').click();
  await expect(page.getByTestId('plan-title-heading')).toHaveText(PLAN);
  await expect(page.getByTestId('tasks-empty')).toBeVisible();

  // The template, named in Vietnamese, with the four sheets.
  await page.getByTestId('exchange-menu').click();
  await expect(page.getByTestId('exchange-import')).toBeVisible();
  await page.waitForTimeout(300); // the menu's opening transition
  await shot(page, '80-exchange-menu');
  await page.keyboard.press('Escape');
  const template = await download(page, 'exchange-template', dir);
  expect(template.name).toBe(`Mẫu nhập nhiệm vụ - ${PLAN}.xlsx`);
  const check = new ExcelJS.Workbook();
  await check.xlsx.readFile(template.target);
  expect(check.worksheets.map((s) => s.name)).toEqual([
    'Nhiệm vụ',
    'Hướng dẫn',
    'Danh mục đơn vị',
    'Danh mục lĩnh vực',
  ]);

  // A file with one bad row: the department ended in 2025, so row 3 is refused and nothing is written.
  const bad = path.join(dir, 'Nhiệm vụ CCHC 2026.xlsx');
  await fill(template.target, TASKS, bad);
  await page.getByTestId('exchange-menu').click();
  await page.getByTestId('exchange-import').click();
  await page.getByTestId('import-file').setInputFiles(bad);
  await expect(page.getByTestId('import-invalid')).toBeVisible();
  const errors = page.getByTestId('import-error-row');
  await expect(errors).toHaveCount(1);
  await expect(errors.first()).toHaveAttribute('data-row', '3');
  await expect(errors.first()).toContainText('Đơn vị chủ trì');
  await expect(errors.first()).toContainText('Sở Giao thông vận tải');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await shot(page, '81-exchange-import-errors');

  // Fixed in Excel: the tasks are previewed, then imported all together.
  const fixed = path.join(dir, 'Nhiệm vụ CCHC 2026 (đã sửa).xlsx');
  await fill(
    template.target,
    TASKS.map((r) => (r[2] === 'Sở Giao thông vận tải' ? [r[0], r[1], 'Sở Xây dựng', r[3], r[4]] : r)),
    fixed,
  );
  await page.getByTestId('import-file').setInputFiles(fixed);
  await expect(page.getByTestId('import-valid')).toBeVisible();
  await expect(page.getByTestId('import-preview-row')).toHaveCount(3);
  await expect(page.getByTestId('import-confirm')).toHaveText('Nhập 3 nhiệm vụ');
  await shot(page, '82-exchange-import-preview');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-modal')).toHaveCount(0);
  await expect(page.getByTestId('task-row')).toHaveCount(3);
  await expect(page.getByTestId('kpi-total-value')).toHaveText('3');
  await expect(
    page.getByTestId('task-row').filter({ hasText: 'Số hóa hồ sơ cấp phép xây dựng' }),
  ).toContainText('Sở Xây dựng');
  await shot(page, '83-exchange-imported');

  // The same file again adds nothing: the dialog says it was imported already.
  await page.getByTestId('exchange-menu').click();
  await page.getByTestId('exchange-import').click();
  await page.getByTestId('import-file').setInputFiles(fixed);
  await expect(page.getByTestId('import-already')).toBeVisible();
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.keyboard.press('Escape');

  // The progress report in the administrative document layout.
  const report = await download(page, 'exchange-report-docx', dir);
  expect(report.name).toMatch(
    /^Báo cáo tiến độ Kế hoạch CCHC năm 2026 \(nhập từ Excel\) đến \d{2}-\d{2}-\d{4}\.docx$/,
  );
  const zip = await JSZip.loadAsync(fs.readFileSync(report.target));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(xml).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(xml).toContain('Times New Roman');
  expect(xml).toContain('Đã hoàn thành 0/3 nhiệm vụ (0,00%).');
  const workbook = await download(page, 'exchange-export-xlsx', dir);
  const progress = new ExcelJS.Workbook();
  await progress.xlsx.readFile(workbook.target);
  expect(progress.getWorksheet('Tiến độ')!.rowCount).toBe(4);
  await logout(page);

  // A focal point reads and exports the plan but does not import.
  await login(page, 'daumoi.tuphap@chidao.demo');
  await page.getByTestId('nav-plans').click();
  await page.getByTestId('plans-table').getByRole('link', { name: PLAN }).click();
  await page.getByTestId('exchange-menu').click();
  await expect(page.getByTestId('exchange-report-docx')).toBeVisible();
  await expect(page.getByTestId('exchange-import')).toHaveCount(0);
  await expect(page.getByTestId('exchange-template')).toHaveCount(0);
  await page.waitForTimeout(300);
  await shot(page, '84-exchange-menu-focal-point');
});
