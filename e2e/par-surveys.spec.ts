import { expect, test, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { login, logout, shot } from './helpers.js';

// Surveys (issue 17) as their people use them, on the demo province: the standing officer creates a SIPAS survey
// for three one-stop counters with quotas, prints their QR posters (to PDF), imports a respondent list whose people
// get personal links to send by Zalo, and opens it; twenty people answer on their phones — sixteen at the counters
// through the QR codes, four through their links; a link used once is refused; the results show each unit with the
// small group suppressed.
//
// This file runs before parindex.spec.ts (files run in name order, one worker): the 2026 campaign that spec opens
// reads Sở Xây dựng's survey criterion (3.6.1) from these answers, and that spec checks it on the unit's page.

const PHONE = { width: 390, height: 844 };
const TITLE = 'Khảo sát SIPAS tại Bộ phận một cửa — đợt 2 năm 2026';
const SHOTS = path.resolve('e2e/screenshots');

test.describe.configure({ timeout: 180_000 });

type Detail = {
  id: string;
  targetList: { unit: { name: string }; publicUrl: string; publicCode: string; responses: number }[];
};

/** The survey made here, through the API as the page reads it. */
async function surveyDetail(page: Page): Promise<Detail> {
  const list = (await (await page.request.get('/api/surveys?year=2026')).json()) as {
    items: { id: string; title: string }[];
  };
  const found = list.items.find((s) => s.title === TITLE)!;
  return (await (await page.request.get(`/api/surveys/${found.id}`)).json()) as Detail;
}

async function openSurvey(page: Page) {
  await page.getByTestId('nav-surveys').click();
  await page.getByTestId('survey-card-title').filter({ hasText: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
}

/** Picks a unit in the targets table's last row. */
async function addTarget(page: Page, unit: RegExp, search: string, population: string) {
  await page.getByTestId('target-add').click();
  const row = page.getByTestId('target-row').last();
  await row.getByTestId('target-unit').fill(search);
  await page.getByRole('listbox').getByRole('option', { name: unit }).first().click();
  await row.getByTestId('target-population').fill(population);
}

/**
 * One respondent on a phone: opens the link, reads what is recorded, answers every part (radios at `level` on the
 * satisfaction scales, the first choice elsewhere) and sends. A fresh browser context each: another person's phone.
 */
async function answer(browser: Browser, url: string, level: number, screenshot?: string) {
  const context = await browser.newContext({
    viewport: PHONE,
    locale: 'vi-VN',
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('recorded')).toContainText('Không lưu');
  if (screenshot) await shot(page, `${screenshot}a-form-intro-phone`);
  await page.getByTestId('start').click();
  for (let part = 0; part < 10; part++) {
    const items = page.locator('main [data-testid^="item-"]');
    const n = await items.count();
    for (let i = 0; i < n; i++) {
      const item = items.nth(i);
      const rows = item.locator('[data-testid^="row-"]');
      const rowCount = await rows.count();
      if (rowCount) {
        for (let r = 0; r < rowCount; r++)
          await rows
            .nth(r)
            .getByRole('radio')
            .nth(level - 1)
            .check();
        continue;
      }
      const radios = item.getByRole('radio');
      const count = await radios.count();
      if (count >= 5 && count <= 6) await radios.nth(level - 1).check();
      else if (count) await radios.first().check();
      else if (await item.getByRole('checkbox').count()) await item.getByRole('checkbox').first().check();
    }
    if (screenshot && part === 2) await shot(page, `${screenshot}b-form-matrix-phone`, { fullPage: false });
    if (await page.getByTestId('submit').isVisible()) {
      await page.getByTestId('submit').click();
      break;
    }
    await page.getByTestId('next').click();
  }
  await expect(page.getByTestId('thanks')).toBeVisible({ timeout: 30_000 });
  if (screenshot) await shot(page, `${screenshot}c-form-thanks-phone`);
  await context.close();
}

test('the officer creates a SIPAS survey for three one-stop counters with quotas', async ({ page }) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-surveys').click();
  await expect(page.getByTestId('surveys-list')).toContainText('năm 2026');
  await shot(page, '240-surveys-list');
  await page.getByTestId('survey-create').click();
  await page.getByTestId('survey-template-select').click();
  await page.getByRole('option', { name: /SIPAS/ }).first().click();
  await expect(page.getByTestId('survey-template-info')).toContainText('3.6.1');
  await page.getByTestId('survey-create-par-year').fill('2026');
  await page.getByTestId('survey-create-title').fill(TITLE);
  await shot(page, '241-survey-create', { fullPage: false });
  await page.getByTestId('survey-create-submit').click();
  await expect(page).toHaveURL(/\/surveys\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.getByTestId('survey-status')).toContainText('Đang soạn');
  await expect(page.getByTestId('survey-recorded')).toContainText('Phiếu ẩn danh');

  await page.getByTestId('survey-tab-targets').click();
  await addTarget(page, /Sở Xây dựng/, 'Xây dựng', '2400');
  await addTarget(page, /Sở Công Thương/, 'Công Thương', '1200');
  await addTarget(page, /Thành Vinh/, 'Thành Vinh', '900');
  await page.getByTestId('target-fill-quotas').click();
  // n = N / (1 + N·0,05²): 2.400 → 343, 1.200 → 300, 900 → 277.
  await expect(page.getByTestId('target-quota').nth(0)).toHaveValue('343');
  await page.getByTestId('targets-save').click();
  await expect(page.getByTestId('targets-total')).toContainText('920');
  await expect(page.getByTestId('target-link').first()).toContainText('/khao-sat/');
  await shot(page, '242-survey-targets');
  await logout(page);
});

test('the QR posters print to PDF, one A4 page per counter', async ({ page }) => {
  await login(page, 'thuongtruc@chidao.demo');
  await openSurvey(page);
  await page.getByTestId('survey-posters-link').click();
  await expect(page.getByTestId('poster-page')).toHaveCount(3);
  // The address written under the code, to type if the camera fails: the whole server's, not a path.
  await expect(page.getByTestId('poster-url').first()).toContainText(
    /^127\.0\.0\.1:\d+\/khao-sat\/[A-Z0-9]{8}$/,
  );
  await shot(page, '243-survey-posters');
  // What the print dialog would make: the PDF (looked at) and the print layout as an image.
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: path.join(SHOTS, '244-survey-posters.pdf'), format: 'A4', printBackground: true });
  await page.setViewportSize({ width: 794, height: 1123 });
  await shot(page, '244-survey-posters-print', { fullPage: false });
  await page.emulateMedia({ media: 'screen' });
  await logout(page);
});

let links: string[] = [];

test('a respondent list gives personal links to send by Zalo; the officer opens the survey', async ({
  page,
}) => {
  await login(page, 'thuongtruc@chidao.demo');
  await openSurvey(page);
  await page.getByTestId('survey-tab-invitations').click();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  sheet.addRow(['Đơn vị / Unit', 'Nhóm / Group', 'Họ tên / Name', 'E-mail', 'Điện thoại / Zalo']);
  const people = ['Nguyễn Văn Hòa', 'Trần Thị Mai', 'Lê Đức Thắng', 'Phạm Thị Hương'];
  people.forEach((name, i) => sheet.addRow(['Sở Xây dựng', 'Người dân', name, '', `0912 345 67${i}`]));
  const file = path.join(SHOTS, 'tmp-respondents.xlsx');
  fs.mkdirSync(SHOTS, { recursive: true });
  await book.xlsx.writeFile(file);
  await page.getByTestId('invitations-file').setInputFiles(file);
  await page.getByTestId('invitations-upload').click();
  await expect(page.getByTestId('invitation-link-row')).toHaveCount(4);
  links = await page.getByTestId('invitation-link-url').allTextContents();
  expect(links.every((l) => /\/khao-sat\/moi\/[A-Za-z0-9_-]{40,}$/.test(l.trim()))).toBe(true);
  fs.rmSync(file);
  await shot(page, '245-survey-invitation-links');

  await page.getByTestId('survey-open').click();
  await page.getByTestId('survey-open-confirm').click();
  await expect(page.getByTestId('survey-status')).toContainText('Đang thu phiếu');
  await logout(page);
});

test('twenty people answer on their phones: sixteen by QR code, four by their links; a used link is refused', async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000); // twenty forms of 18 questions and 22 criteria, each on its own phone (about 3 minutes)
  await login(page, 'thuongtruc@chidao.demo');
  const survey = await surveyDetail(page);
  await logout(page);
  const code = (unit: RegExp) => survey.targetList.find((t) => unit.test(t.unit.name))!.publicCode;
  const base = new URL(page.url()).origin;
  const qr = (unit: RegExp) => `${base}/khao-sat/${code(unit)}`;
  // Sở Xây dựng: 8 at the counter and 4 by link (12, mostly satisfied); Sở Công Thương: 6; Phường Thành Vinh: 2.
  const levels = [4, 5, 4, 4, 3, 5, 4, 2];
  for (const [i, level] of levels.entries())
    await answer(browser, qr(/Xây dựng/), level, i === 0 ? '246' : undefined);
  for (const level of [4, 4, 3, 5, 4, 2]) await answer(browser, qr(/Công Thương/), level);
  for (const level of [5, 4]) await answer(browser, qr(/Thành Vinh/), level);
  for (const [i, link] of links.entries()) await answer(browser, link.trim(), 4, i === 0 ? '247' : undefined);

  // The first link again, on another phone: refused, with what to do.
  const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
  const again = await context.newPage();
  await again.goto(links[0]!.trim());
  await expect(again.getByTestId('form-error')).toHaveAttribute('data-situation', /used/);
  await shot(again, '248-survey-link-used-phone');
  await context.close();
});

test('the results: per unit with intervals, the two-answer ward suppressed; the anonymised answers', async ({
  page,
}) => {
  await login(page, 'thuongtruc@chidao.demo');
  await openSurvey(page);
  await page.getByTestId('survey-tab-results').click();
  const table = page.getByTestId('results-table');
  await expect(table).toBeVisible();
  const row = (name: RegExp) => page.getByTestId('results-row').filter({ hasText: name });
  await expect(row(/Xây dựng/)).toContainText('12');
  await expect(
    row(/Thành Vinh/)
      .getByTestId('results-suppressed')
      .first(),
  ).toBeVisible();
  await expect(page.getByTestId('results-total')).toContainText('20');
  await shot(page, '249-survey-results');
  const download = page.waitForEvent('download');
  await page.getByTestId('results-export').click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file!);
  const sheet = book.worksheets[0]!;
  expect(sheet.rowCount).toBe(21); // the header and twenty answers
  const text = JSON.stringify(sheet.getSheetValues());
  for (const secret of ['Nguyễn Văn Hòa', '0912 345 670', '0912345670']) expect(text).not.toContain(secret);
  await page.setViewportSize(PHONE);
  await shot(page, '250-survey-results-phone', { fullPage: false });
  await page.setViewportSize({ width: 1366, height: 860 });
  await logout(page);
});
