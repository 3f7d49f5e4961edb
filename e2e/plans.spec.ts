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
