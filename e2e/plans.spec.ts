import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { login, logout, shot } from './helpers.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PLAN = 'Kế hoạch cải cách hành chính năm 2026';
const TASK_TP = 'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực tư pháp';
const TASK_XD = 'Số hóa hồ sơ cấp phép xây dựng';

/** Picks the first option of a unit picker whose name ("Sở Tư pháp — Nghệ An", then its kind) holds `option`. */
async function pick(page: Page, testId: string, text: string, option: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await page.getByRole('listbox').getByRole('option', { name: option }).first().click();
}

const row = (page: Page, title: string) => page.getByTestId('task-row').filter({ hasText: title });

async function addTask(page: Page, title: string, area: string, unit: string) {
  await page.getByTestId('task-new').click();
  await page.getByTestId('task-title').fill(title);
  await page.getByTestId('task-area').click();
  await page.getByRole('option', { name: area }).click();
  await pick(page, 'task-lead', unit, `${unit} — Nghệ An`);
  const due = page.getByTestId('task-due');
  await due.fill('31/12/2026');
  await due.press('Tab');
  await page.getByTestId('task-submit').click();
  await expect(page.getByTestId('task-form')).toHaveCount(0);
  await expect(row(page, title)).toBeVisible();
}

async function openPlan(page: Page) {
  await page.getByTestId('nav-plans').click();
  await page.getByTestId('plans-table').getByRole('link', { name: PLAN }).click();
  await expect(page.getByTestId('plan-title-heading')).toHaveText(PLAN);
}

async function reportDone(page: Page, output: string, file: string) {
  await row(page, TASK_TP).getByTestId('task-action-report_done').click();
  await page.getByTestId('action-output').fill(output);
  await page.getByTestId('action-files').setInputFiles(file);
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-form')).toHaveCount(0);
  await expect(row(page, TASK_TP).getByTestId('task-status')).toHaveText('Đã báo cáo hoàn thành');
}

test('a plan from creation to a verified task, with every KPI traceable to its tasks', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-e2e-'));
  const file = path.join(dir, 'Báo cáo kết quả rà soát TTHC.pdf');
  fs.writeFileSync(file, PDF);

  // The standing officer creates the 2026 plan and adds two tasks.
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-plans').click();
  await page.getByTestId('plan-new').click();
  await page.getByTestId('plan-year').click();
  await page.getByRole('option', { name: '2026', exact: true }).click();
  await pick(page, 'plan-owner', 'Nghe An', 'UBND tỉnh Nghệ An');
  await page.getByTestId('plan-title').fill(PLAN);
  await shot(page, '70-plan-create');
  await page.getByTestId('plan-submit').click();
  await expect(page.getByTestId('plan-title-heading')).toHaveText(PLAN);
  await addTask(page, TASK_TP, 'Cải cách thủ tục hành chính', 'Sở Tư pháp');
  await addTask(page, TASK_XD, 'Xây dựng chính phủ điện tử, chính phủ số', 'Sở Xây dựng');
  await expect(page.getByTestId('kpi-total-value')).toHaveText('2');
  await expect(page.getByTestId('kpi-completionPct-value')).toHaveText('0,00%');
  // The officer does not report for a unit: only the lead unit may.
  await expect(row(page, TASK_TP).getByTestId('task-action-report_done')).toHaveCount(0);
  await shot(page, '71-plan-tasks');
  // The confirmation of the last save is still showing; it does not stand over the account menu (it did, at the
  // top right, and signing out waited four seconds for it to close).
  await expect(page.locator('.mantine-Notification-root').first()).toBeVisible();
  await page.getByTestId('user-menu').click({ timeout: 1500 });
  await page.keyboard.press('Escape');
  await logout(page);

  // The focal point of Sở Tư pháp reports the first task done with an evidence PDF.
  await login(page, 'daumoi.tuphap@chidao.demo');
  await openPlan(page);
  await expect(row(page, TASK_XD).getByRole('button')).toHaveCount(1); // only "open the task"
  await row(page, TASK_TP).getByTestId('task-action-report_done').click();
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-output')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('action-form')).toContainText('Cần nêu kết quả');
  await page.getByTestId('action-form').getByRole('button', { name: 'Hủy' }).click();
  await reportDone(page, 'Đã rà soát 45 thủ tục, đề xuất đơn giản hóa 12 thủ tục.', file);
  await shot(page, '72-task-reported');
  await logout(page);

  // The officer returns it with a reason.
  await login(page, 'thuongtruc@chidao.demo');
  await openPlan(page);
  await row(page, TASK_TP).getByTestId('task-action-return').click();
  await page.getByTestId('action-reason').fill('Thiếu danh mục thủ tục đề xuất đơn giản hóa kèm theo.');
  await shot(page, '73-task-return');
  await page.getByTestId('action-submit').click();
  await expect(row(page, TASK_TP).getByTestId('task-status')).toHaveText('Bị trả lại');
  await logout(page);

  // The focal point re-reports.
  await login(page, 'daumoi.tuphap@chidao.demo');
  await openPlan(page);
  await reportDone(page, 'Đã bổ sung danh mục 12 thủ tục đề xuất đơn giản hóa.', file);
  await logout(page);

  // The officer verifies; the plan is half done and "verified" lists exactly that task.
  await login(page, 'thuongtruc@chidao.demo');
  await openPlan(page);
  await row(page, TASK_TP).getByTestId('task-action-verify').click();
  await page.getByTestId('action-submit').click();
  await expect(row(page, TASK_TP).getByTestId('task-status')).toHaveText('Đã xác nhận hoàn thành');
  await expect(page.getByTestId('kpi-completionPct-value')).toHaveText('50,00%');
  await expect(page.getByTestId('kpi-verified-value')).toHaveText('1');
  await page.getByTestId('kpi-verified').click();
  await expect(page.getByTestId('task-filter')).toBeVisible();
  await expect(page.getByTestId('task-row')).toHaveCount(1);
  await expect(page.getByTestId('task-row')).toContainText(TASK_TP);
  await shot(page, '74-plan-verified-traced');

  // The task's history: reported, returned, reported again, verified — with the evidence.
  await row(page, TASK_TP).getByTestId('task-open').click();
  const events = page.getByTestId('task-event');
  await expect(events).toHaveCount(4);
  await expect(events.nth(1)).toContainText('Thiếu danh mục thủ tục');
  await expect(events.first().getByRole('link')).toHaveCount(1);
  await shot(page, '75-task-history');
});

const TASK_BACKFILL = 'Ban hành kế hoạch kiểm soát thủ tục hành chính năm 2026';

test('a province starting mid-year: the year list, a backfilled completion with both dates, distinct confirmations, buttons by ability', async ({
  page,
}) => {
  test.setTimeout(120_000); // five sign-ins and a dozen saves
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-e2e-'));
  const file = path.join(dir, 'Kế hoạch kiểm soát TTHC.pdf');
  fs.writeFileSync(file, PDF);

  // The plans page opens on the latest year that has a plan; the year list marks which years have plans,
  // and tasks still overdue from earlier years are listed under it.
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-plans').click();
  await expect(page.getByTestId('plans-year')).toHaveValue('2026');
  await expect(page.getByTestId('plans-table').getByRole('link', { name: PLAN })).toBeVisible();
  await expect(page.getByTestId('plans-carried-over')).toBeVisible();
  await expect(page.getByTestId('carried-over-row').first()).toContainText(/Quá hạn/);
  await page.getByTestId('plans-year').click();
  await expect(page.getByRole('option', { name: '2024', exact: true })).toContainText('kế hoạch');
  await expect(page.getByRole('option', { name: '2027', exact: true })).toContainText('chưa có kế hoạch');
  await shot(page, '76-plans-year-list', { fullPage: false });
  await page.getByRole('option', { name: '2027', exact: true }).click();
  await expect(page.getByTestId('plans-empty')).toContainText('Năm 2027 chưa có kế hoạch');
  await expect(page.getByTestId('plan-new-empty')).toBeVisible();
  await shot(page, '77-plans-empty-year');

  // A task recorded today whose work was done in March.
  await page.getByTestId('plans-year').click();
  await page.getByRole('option', { name: '2026', exact: true }).click();
  await page.getByTestId('plans-table').getByRole('link', { name: PLAN }).click();
  await page.getByTestId('task-new').click();
  await page.getByTestId('task-title').fill(TASK_BACKFILL);
  await page.getByTestId('task-area').click();
  await page.getByRole('option', { name: 'Cải cách thủ tục hành chính' }).click();
  await pick(page, 'task-lead', 'Sở Tư pháp', 'Sở Tư pháp — Nghệ An');
  const due = page.getByTestId('task-due');
  await due.fill('31/03/2026');
  await due.press('Tab');
  await page.getByTestId('task-submit').click();
  await expect(row(page, TASK_BACKFILL)).toBeVisible();
  await logout(page);

  // The unit's leader reports it done on its real day, 15/03/2026, with the evidence picker's rules shown.
  await login(page, 'lanhdao.tuphap@chidao.demo');
  await openPlan(page);
  await row(page, TASK_BACKFILL).getByTestId('task-action-report_done').click();
  await page.getByTestId('action-output').fill('Quyết định số 45/QĐ-STP ngày 15/03/2026 ban hành kế hoạch.');
  await page.getByTestId('action-files').setInputFiles(file);
  await expect(page.getByTestId('action-form')).toContainText('PDF');
  await expect(page.getByTestId('action-chosen-files')).toContainText('Kế hoạch kiểm soát TTHC.pdf');
  const effective = page.getByTestId('action-effective-date');
  await effective.fill('15/03/2026');
  await effective.press('Tab');
  await shot(page, '78-action-effective-date', { fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '78-action-effective-date-phone', { fullPage: false });
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('workflow-done')).toContainText('Đã gửi báo cáo hoàn thành');
  await expect(page.getByTestId('workflow-done')).toContainText('Tiếp theo:');
  await expect(row(page, TASK_BACKFILL).getByTestId('task-status')).toHaveText('Đã báo cáo hoàn thành');
  await shot(page, '79-toast-reported', { fullPage: false });
  await logout(page);

  // The officer verifies it as of 20/03/2026: done on time, not "late 250 days".
  await login(page, 'thuongtruc@chidao.demo');
  await openPlan(page);
  // Verify, return and cancel side by side: green, orange, quiet red — not three red buttons.
  await shot(page, '80-review-buttons', { fullPage: false });
  await row(page, TASK_BACKFILL).getByTestId('task-action-verify').click();
  await page.getByTestId('action-effective-date').fill('20/03/2026');
  await page.getByTestId('action-effective-date').press('Tab');
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('workflow-done')).toContainText('Đã xác nhận hoàn thành');
  await expect(row(page, TASK_BACKFILL).getByTestId('task-status')).toHaveText('Đã xác nhận hoàn thành');
  await expect(row(page, TASK_BACKFILL)).toContainText('Hoàn thành đúng hạn');
  await shot(page, '81-toast-verified', { fullPage: false });

  // The history shows both dates: when it happened, and when and by whom it was recorded.
  await row(page, TASK_BACKFILL).getByTestId('task-open').click();
  const backdated = page.getByTestId('task-event-backdated');
  await expect(backdated).toHaveCount(2);
  await expect(backdated.first()).toContainText('Ngày thực hiện 15/03/2026 — ghi nhận lúc');
  await expect(backdated.first()).toContainText('bởi');
  await expect(page.getByTestId('workflow-done')).toHaveCount(0, { timeout: 15_000 });
  await page.getByTestId('task-events').scrollIntoViewIfNeeded();
  await shot(page, '82-history-backfilled', { fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('task-events').scrollIntoViewIfNeeded();
  await shot(page, '82-history-backfilled-phone', { fullPage: false });
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.keyboard.press('Escape');

  // Reopening has its own words (and "Mở lại" is a neutral button, not a red one on every verified row).
  await row(page, TASK_BACKFILL).getByTestId('task-action-reopen').click();
  await page.getByTestId('action-reason').fill('Cần bổ sung báo cáo đánh giá sau rà soát.');
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('workflow-done')).toContainText('Đã mở lại');
  await shot(page, '83-toast-reopened', { fullPage: false });
  await logout(page);

  // The hotline officer reads plans but is offered no "Tạo kế hoạch" (the server's abilities decide).
  await login(page, 'duongdaynong@chidao.demo');
  await page.getByTestId('nav-plans').click();
  await expect(page.getByTestId('plans-table')).toBeVisible();
  await expect(page.getByTestId('plan-new')).toHaveCount(0);
  await shot(page, '84-plans-hotline');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '84-plans-hotline-phone', { fullPage: false });
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.getByTestId('plans-year').click();
  await page.getByRole('option', { name: '2027', exact: true }).click();
  await expect(page.getByTestId('plans-empty')).toContainText('Cơ quan thường trực tạo kế hoạch');
  await expect(page.getByTestId('plan-new-empty')).toHaveCount(0);
});
