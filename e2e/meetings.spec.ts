import { expect, test, type Page } from '@playwright/test';
import { login, shot } from './helpers.js';

const REVIEW_2024 = 'Phiên họp sơ kết công tác cải cách hành chính 6 tháng đầu năm 2024';
const CONCLUSION =
  'Sở Tư pháp tổng hợp, báo cáo kết quả rà soát văn bản quy phạm pháp luật của tỉnh trước ngày 30/11/2024.';

/** Picks the first option of a unit picker whose name ("Sở Tư pháp — Nghệ An", then its kind) holds `option`. */
async function pick(page: Page, testId: string, text: string, option: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await page.getByRole('listbox').getByRole('option', { name: option }).first().click();
}

test('the standing agency turns a conclusion into a task and sees whether it was done', async ({ page }) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-meetings').click();
  // What the last meeting decided, and the meetings newest first.
  await expect(page.getByTestId('follow-up')).toContainText('6 tháng đầu năm 2025');
  await expect(page.getByTestId('meeting-row')).toHaveCount(6);
  await expect(page.getByTestId('meeting-row').last()).toContainText('25-TB/BCĐ');
  // The working group's internal meeting, with no unit.
  await expect(page.getByTestId('meeting-row').filter({ hasText: 'Họp Tổ giúp việc' })).toContainText(
    'Phiên họp nội bộ',
  );
  await shot(page, '110-meetings-list');

  await page.getByTestId('meeting-row').filter({ hasText: REVIEW_2024 }).getByTestId('meeting-open').click();
  await expect(page.getByTestId('meeting-title')).toHaveText(REVIEW_2024);
  await expect(page.getByTestId('meeting-attendance')).toContainText('Võ Văn Giang');
  await expect(page.getByTestId('meeting-attendance')).toContainText(
    'Lý do: Dự họp tại Bộ Kế hoạch và Đầu tư',
  );
  const conclusions = page.getByTestId('conclusion');
  await expect(conclusions).toHaveCount(4);
  // "Was it done": each conclusion with its task's live status.
  await expect(conclusions.nth(0).getByTestId('conclusion-state')).toHaveAttribute('data-state', 'done');
  await expect(conclusions.nth(1).getByTestId('conclusion-state')).toHaveAttribute('data-state', 'overdue');
  await expect(conclusions.nth(1).getByTestId('task-timing')).toHaveAttribute('data-timing', 'overdue');
  await shot(page, '111-meeting-detail');

  // A new conclusion …
  await page.getByTestId('conclusion-add').click();
  await page.getByTestId('conclusion-text').fill(CONCLUSION);
  await pick(page, 'conclusion-lead', 'Tu phap', 'Sở Tư pháp — Nghệ An');
  const due = page.getByTestId('conclusion-due');
  await due.fill('30/11/2024');
  await due.press('Tab');
  await page.getByTestId('conclusion-area').click();
  await page.getByRole('option', { name: 'Cải cách thể chế' }).click();
  await page.getByTestId('conclusion-submit').click();
  await expect(page.getByTestId('conclusion-form')).toHaveCount(0);
  const added = conclusions.filter({ hasText: CONCLUSION });
  await expect(added).toHaveAttribute('data-ordinal', '5');
  await expect(added.getByTestId('conclusion-state')).toHaveAttribute('data-state', 'untracked');
  await shot(page, '112-conclusion-added');

  // … turned into a task of the committee's 2024 plan.
  await added.getByTestId('conclusion-create-task').click();
  await expect(page.getByTestId('task-plan')).toHaveValue(/năm 2024/);
  await expect(page.getByTestId('task-title')).toHaveValue(CONCLUSION);
  await shot(page, '113-conclusion-task-modal');
  await page.getByTestId('task-submit').click();
  await expect(page.getByTestId('task-form')).toHaveCount(0);
  await expect(added.getByTestId('task-status')).toHaveAttribute('data-status', 'not_started');
  // Due 30/11/2024 and not done: overdue, and so is the conclusion.
  await expect(added.getByTestId('task-timing')).toHaveAttribute('data-timing', 'overdue');
  await expect(added.getByTestId('conclusion-state')).toHaveAttribute('data-state', 'overdue');
  await expect(page.getByTestId('record-history')).toBeVisible();
  await shot(page, '114-conclusion-task-created');

  // One click to the plan, where the task is tracked like any other.
  await added.getByTestId('conclusion-task-link').click();
  const inPlan = page.getByTestId('task-row').filter({ hasText: 'văn bản quy phạm pháp luật của tỉnh' });
  await expect(inPlan).toHaveCount(1);
  await expect(inPlan.getByTestId('task-timing')).toHaveAttribute('data-timing', 'overdue');
  // The plan page is long: the row itself is what shows the task arrived.
  await inPlan.scrollIntoViewIfNeeded();
  await inPlan.screenshot({ path: 'e2e/screenshots/115-conclusion-task-in-plan.png' });
});

test('a committee member reads a meeting and its notice, without editing', async ({ page }) => {
  await login(page, 'uyvien@chidao.demo');
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-row').last().getByTestId('meeting-open').click();
  await expect(page.getByTestId('meeting-title')).toContainText('Phiên họp thứ nhất');
  await expect(page.getByTestId('meeting-edit')).toHaveCount(0);
  await expect(page.getByTestId('conclusion-add')).toHaveCount(0);
  await expect(page.getByTestId('conclusion-create-task')).toHaveCount(0);
  await expect(page.getByTestId('meeting-notice')).toContainText('25-TB/BCĐ');
  await shot(page, '116-meeting-member-view');
  await page.getByTestId('meeting-notice').click();
  await expect(page.getByTestId('document-number')).toContainText('25-TB/BCĐ');
  await shot(page, '117-meeting-notice-document');
});

test('the standing agency records a committee-internal meeting with no unit', async ({ page }) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-create').click();
  await page.getByTestId('meeting-kind').getByText('Phiên họp nội bộ').click();
  await expect(page.getByTestId('meeting-internal-note')).toBeVisible();
  await page.getByTestId('meeting-title').fill('Họp Tổ giúp việc rà soát tiến độ các kết luận quý I/2025');
  const date = page.getByTestId('meeting-date');
  await date.fill('14/03/2025');
  await date.press('Tab');
  await expect(page.getByTestId('attendance-row').first()).toBeVisible();
  await page.getByTestId('meeting-place').fill('Phòng họp tầng 3, Sở Nội vụ');
  await shot(page, '121-meeting-internal-form');
  await page.getByTestId('meeting-submit').click();
  await expect(page.getByTestId('meeting-title')).toContainText('Họp Tổ giúp việc');
  await shot(page, '122-meeting-internal');
});

test('the standing agency records a working session with a unit, holds it and issues the notice', async ({
  page,
}) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-create').click();
  await page.getByTestId('meeting-kind').getByText('Cuộc làm việc').click();
  await page.getByTestId('meeting-title').fill('Làm việc với Sở Xây dựng về giải quyết thủ tục cấp phép');
  // The unit is picked among those in force on the meeting date.
  const date = page.getByTestId('meeting-date');
  await date.fill('12/03/2025');
  await date.press('Tab');
  await pick(page, 'meeting-unit', 'Xay dung', 'Sở Xây dựng — Nghệ An');
  await expect(page.getByTestId('attendance-row').first()).toBeVisible();
  await page.getByTestId('meeting-status-input').getByText('Đã họp').click();
  await page.getByTestId('meeting-place').fill('Trụ sở Sở Xây dựng');
  await shot(page, '118-meeting-form');
  await page.getByTestId('meeting-submit').click();
  await expect(page.getByTestId('meeting-title')).toContainText('Sở Xây dựng');
  await page.getByTestId('conclusion-add').click();
  await page
    .getByTestId('conclusion-text')
    .fill('Sở Xây dựng giảm tỷ lệ hồ sơ cấp phép trễ hạn dưới 1% trong quý II/2025.');
  await page.getByTestId('conclusion-submit').click();
  await expect(page.getByTestId('conclusion')).toHaveCount(1);
  await page.getByTestId('notice-issue').click();
  // The committee was founded by the Tỉnh ủy: a Party notice (Hướng dẫn 36-HD/VPTW). A state-style
  // number is refused, naming the form; the preview shows the Party header.
  await page.getByTestId('notice-number').fill('45/TB-BCĐ');
  await page.getByTestId('notice-submit').click();
  await expect(page.getByTestId('notice-form')).toContainText('không đúng thể thức văn bản của Ban Chỉ đạo');
  await page.getByTestId('notice-number').fill('45-TB/BCĐ');
  await expect(page.getByTestId('notice-preview-heading')).toHaveText(['ĐẢNG CỘNG SẢN VIỆT NAM']);
  await expect(page.getByTestId('notice-preview-number')).toHaveText('Số 45-TB/BCĐ');
  await shot(page, '118b-meeting-party-notice-preview', { fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '118c-meeting-party-notice-preview-phone', { fullPage: false });
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.getByTestId('notice-submit').click();
  await expect(page.getByTestId('meeting-notice')).toContainText('45-TB/BCĐ');
  await shot(page, '119-meeting-notice-issued');
  // The notice itself is in the register, with the .docx laid out as Decree 30/2020/NĐ-CP prescribes.
  await page.getByTestId('meeting-notice').click();
  await expect(page.getByTestId('document-number')).toContainText('45-TB/BCĐ');
  await expect(page.getByTestId('document-file')).toContainText('Thông báo kết luận 45-TB-BCĐ.docx');
  await shot(page, '120-meeting-notice-docx');
});
