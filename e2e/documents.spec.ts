import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { login, shot } from './helpers.js';

const FILE_NAME = 'Báo cáo CCHC quý I năm 2024 – Sở Tư pháp.pdf';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('a focal point registers a document, uploads a file with a Vietnamese name and downloads it intact', async ({
  page,
}) => {
  await login(page, 'daumoi.tuphap@chidao.demo');
  await page.getByTestId('nav-documents').click();
  await expect(page.getByTestId('documents-table')).toBeVisible();
  await shot(page, '40-documents');

  await page.getByTestId('document-new').click();
  await page.getByTestId('field-numberSymbol').fill('15/BC-STP');
  await page.getByTestId('field-type').click();
  await page.getByRole('option', { name: 'Báo cáo' }).click();
  await page.getByTestId('field-issuer').fill('Sở Tư pháp');
  await page.getByTestId('field-title').fill('Báo cáo kết quả cải cách hành chính quý I năm 2024');
  const issued = page.getByTestId('field-issuedOn');
  await issued.fill('14/03/2024');
  await issued.press('Tab');
  await shot(page, '41-document-form');
  await page.getByTestId('document-save').click();

  await expect(page.getByTestId('document-number')).toContainText('15/BC-STP');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-e2e-'));
  const file = path.join(dir, FILE_NAME);
  fs.writeFileSync(file, PDF);
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByTestId('file-upload').click();
  const link = page.getByTestId('document-file').filter({ hasText: FILE_NAME });
  await expect(link).toBeVisible();
  await shot(page, '42-document-with-file');

  const downloadPromise = page.waitForEvent('download');
  await link.getByRole('link').first().click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(FILE_NAME);
  const saved = path.join(dir, 'downloaded.pdf');
  await download.saveAs(saved);
  expect(fs.readFileSync(saved).equals(PDF)).toBe(true);

  await expect(page.getByTestId('record-history')).toContainText('Hoàng Văn Đầu Mối');
});

test("another department's focal point cannot open a restricted draft", async ({ page }) => {
  await login(page, 'daumoi.xaydung@chidao.demo');
  await page.getByTestId('nav-documents').click();
  await expect(page.getByTestId('documents-table')).toBeVisible();
  await expect(page.getByTestId('document-row').filter({ hasText: '12/BC-STP' })).toHaveCount(0);
});

test('search ignores accents', async ({ page }) => {
  await login(page, 'uyvien@chidao.demo');
  await page.getByTestId('nav-documents').click();
  await page.getByTestId('documents-search').fill('thanh lap ban chi dao');
  await expect(page.getByTestId('document-row')).toHaveCount(1);
  await expect(page.getByTestId('document-row').first()).toContainText('1830-QĐ/TU');
});
