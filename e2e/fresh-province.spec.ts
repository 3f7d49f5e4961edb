import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fillDate, login, logout, shot } from './helpers.js';

/**
 * The seeds' story recorded on an empty database through the browser alone, as a province that is not the demo
 * starts: Hà Tĩnh (GSO 42), set up on the command line with nothing but `chidao admin create --unit 42` and
 * `chidao units import-departments --province 42` (scripts/e2e-fresh-province.mjs), then its administrator,
 * standing officer and a department's focal point do the rest in the pages: the founding decision, the
 * committee founded by the Tỉnh ủy, its members and working group, the accounts, the 2024 plan and its
 * tasks, the first session with its conclusions and Party notice, a pilot unit, and a task reported and
 * verified on its real dates.
 */
export const FRESH = {
  port: Number(process.env.CHIDAO_E2E_FRESH_PORT ?? 3458),
  admin: { email: 'quantri@hatinh.gov.vn', password: 'HaTinh-quan-tri-2026', name: 'Nguyễn Văn Quản' },
};
test.use({ baseURL: `http://127.0.0.1:${FRESH.port}` });

const OFFICER = {
  email: 'thuongtruc@snv.hatinh.gov.vn',
  name: 'Trần Thị Thường Trực',
  password: 'Snv-HaTinh-2026-tt',
};
const FOCAL = { email: 'daumoi@stp.hatinh.gov.vn', name: 'Lê Văn Đầu Mối', password: 'Stp-HaTinh-2026-dm' };
const LEADER = {
  email: 'giamdoc@stp.hatinh.gov.vn',
  name: 'Phan Thị Giám Đốc',
  password: 'Stp-HaTinh-2026-gd',
};
const PLAN = 'Kế hoạch cải cách hành chính năm 2024';
const CONCLUSION =
  'Sở Tư pháp rà soát, kiến nghị đơn giản hóa thủ tục hành chính lĩnh vực hộ tịch, hoàn thành trước ngày 28/06/2024.';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 860 };

/** Picks the first option of a picker whose label holds `option`, after typing `text` (accents left out). */
async function pick(page: Page, testId: string, text: string, option: string | RegExp) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await page.getByRole('listbox').getByRole('option', { name: option }).first().click();
}

async function registerDocument(
  page: Page,
  doc: { number: string; type: string; issuer: string; title: string; issuedOn: string },
) {
  await page.getByTestId('nav-documents').click();
  await page.getByTestId('document-new').click();
  await page.getByTestId('field-numberSymbol').fill(doc.number);
  await page.getByTestId('field-type').click();
  await page.getByRole('option', { name: doc.type, exact: true }).click();
  await page.getByTestId('field-issuer').fill(doc.issuer);
  await page.getByTestId('field-title').fill(doc.title);
  await fillDate(page, 'field-issuedOn', doc.issuedOn);
  await page.getByTestId('document-save').click();
  await expect(page.getByTestId('document-number')).toContainText(doc.number);
}

async function addMember(page: Page, name: string, position: string, office: string) {
  await page.getByTestId('member-add').click();
  await page.getByTestId('member-name').fill(name);
  await page.getByTestId('member-position').click();
  await page.getByRole('option', { name: position, exact: true }).click();
  await page.getByTestId('member-office').fill(office);
  await fillDate(page, 'member-from', '15/03/2024');
  await pick(page, 'member-decision', '1466', /1466-QĐ\/TU/);
  await page.getByTestId('member-submit').click();
  await expect(page.getByTestId('member-form')).toHaveCount(0);
}

async function createAccount(
  page: Page,
  who: { email: string; name: string; password: string },
  position: string,
  unit: [string, string | RegExp],
  role: string,
  scope: [string, string | RegExp],
) {
  await page.getByTestId('nav-users').click();
  await page.getByTestId('user-new').click();
  await page.getByTestId('field-email').fill(who.email);
  await page.getByTestId('field-fullName').fill(who.name);
  await page.getByLabel('Chức vụ').fill(position);
  await pick(page, 'field-unitId', unit[0], unit[1]);
  await page.getByTestId('field-password').fill(who.password);
  await page.getByTestId('user-save').click();
  await expect(page.getByTestId('user-name')).toHaveText(who.name);
  await page.getByTestId('grant-role').click();
  await page.getByRole('option', { name: role, exact: true }).click();
  await pick(page, 'grant-unit', scope[0], scope[1]);
  await page.getByTestId('grant-add').click();
  await expect(page.getByTestId('grant-row')).toHaveCount(1);
}

test('a province that is not the demo records the seeds’ story through the pages alone', async ({ page }) => {
  test.setTimeout(300_000);

  // ── The administrator: the landing page says what is missing and where to do it.
  await login(page, FRESH.admin.email, FRESH.admin.password);
  await expect(page.getByTestId('panel-admin')).toContainText('Chưa có Ban Chỉ đạo CCHC tỉnh');
  await shot(page, '300-fresh-admin-landing');
  await page.getByTestId('setup-item').filter({ hasText: 'Ban Chỉ đạo' }).getByRole('link').click();
  await expect(page.getByTestId('committee-none')).toBeVisible();
  await shot(page, '301-fresh-committee-none');

  // The founding decision goes into the register first (the form says so, with a link).
  await registerDocument(page, {
    number: '1466-QĐ/TU',
    type: 'Quyết định',
    issuer: 'Ban Thường vụ Tỉnh ủy Hà Tĩnh',
    title: 'Quyết định thành lập Ban Chỉ đạo cải cách hành chính tỉnh',
    issuedOn: '15/03/2024',
  });

  // The committee, founded by the Tỉnh ủy: the Party layout for its notices.
  await page.getByTestId('nav-committees').click();
  await page.getByTestId('committee-create').click();
  await expect(page.getByTestId('committee-host')).toHaveValue(/Hà Tĩnh/);
  await expect(page.getByTestId('committee-name-input')).toHaveValue(
    'Ban Chỉ đạo cải cách hành chính tỉnh Hà Tĩnh',
  );
  await page.getByRole('radio', { name: /^Văn bản của Đảng/ }).check();
  await page.getByTestId('committee-founder-name').fill('Ban Thường vụ Tỉnh ủy');
  await fillDate(page, 'committee-founded-on', '15/03/2024');
  await pick(page, 'committee-decision', '1466', /1466-QĐ\/TU/);
  await pick(page, 'committee-standing', 'so noi vu', /Sở Nội vụ — Hà Tĩnh/);
  await shot(page, '302-fresh-committee-form', { fullPage: false });
  await page.setViewportSize(PHONE);
  await shot(page, '302b-fresh-committee-form-phone', { fullPage: false });
  await page.setViewportSize(DESKTOP);
  await page.getByTestId('committee-submit').click();
  await expect(page.getByTestId('committee-name')).toHaveText('Ban Chỉ đạo cải cách hành chính tỉnh Hà Tĩnh');
  await expect(page.getByTestId('committee-founder')).toContainText('Văn bản của Đảng');

  // Its members by the same decision; the Trưởng ban heads the list whatever the order they were entered.
  await addMember(page, 'Hoàng Trung Dũng', 'Ủy viên', 'Giám đốc Sở Nội vụ');
  await addMember(page, 'Nguyễn Duy Lâm', 'Trưởng ban', 'Bí thư Tỉnh ủy');
  await addMember(page, 'Võ Trọng Hải', 'Phó Trưởng ban Thường trực', 'Chủ tịch UBND tỉnh');
  await expect(page.getByTestId('member-row').first()).toContainText('Nguyễn Duy Lâm');
  // The Ủy viên follows a district that existed in 2024.
  const uyVien = page.getByTestId('member-row').filter({ hasText: 'Hoàng Trung Dũng' });
  await uyVien.getByTestId('member-assign').click();
  await page.getByTestId('assign-form').getByLabel('Từ ngày').fill('15/03/2024');
  await page.getByTestId('assign-form').getByLabel('Từ ngày').press('Tab');
  await pick(page, 'assign-unit', 'ky anh', /Huyện Kỳ Anh/);
  await page.getByTestId('assign-submit').click();
  await expect(uyVien.getByTestId('member-follows')).toContainText('Huyện Kỳ Anh');
  await shot(page, '303-fresh-committee-members');

  // The lower-level committees: the standard departments imported by one command are counted.
  await page.getByTestId('tab-coverage').click();
  await expect(page.getByTestId('coverage-scope')).toContainText('Hà Tĩnh');
  await page.locator('[data-testid="coverage-category"][data-kind="department"]').click();
  await expect(page.getByTestId('coverage-row').filter({ hasText: 'Sở Tư pháp' })).toBeVisible();
  await expect(page.locator('[data-testid="coverage-category"][data-kind="party_body"]')).toBeVisible();
  await shot(page, '304-fresh-committee-coverage');
  // A department's own committee, recorded from its row: named after the department, state layout.
  const stp = page.getByTestId('coverage-row').filter({ hasText: 'Sở Tư pháp' });
  await stp.getByTestId('coverage-record').click();
  await expect(page.getByTestId('committee-name-input')).toHaveValue(
    'Ban Chỉ đạo cải cách hành chính Sở Tư pháp',
  );
  await page.getByRole('radio', { name: /^Văn bản hành chính/ }).check();
  await fillDate(page, 'committee-founded-on', '02/04/2024');
  await page.getByTestId('committee-submit').click();
  await expect(stp).toHaveAttribute('data-founded', 'yes');
  await expect(page.getByTestId('coverage-summary').first()).toContainText('1/12');

  // The accounts: the standing officer (Sở Nội vụ) and the Sở Tư pháp's focal point.
  await createAccount(
    page,
    OFFICER,
    'Chuyên viên Phòng Cải cách hành chính',
    ['so noi vu', 'Sở Nội vụ — Hà Tĩnh'],
    'Cán bộ cơ quan thường trực',
    ['ha tinh', /^Tỉnh Hà Tĩnh/],
  );
  await createAccount(
    page,
    FOCAL,
    'Chuyên viên Văn phòng Sở',
    ['so tu phap', 'Sở Tư pháp — Hà Tĩnh'],
    'Đầu mối CCHC của đơn vị',
    ['so tu phap', 'Sở Tư pháp — Hà Tĩnh'],
  );
  await createAccount(
    page,
    LEADER,
    'Giám đốc Sở Tư pháp',
    ['so tu phap', 'Sở Tư pháp — Hà Tĩnh'],
    'Lãnh đạo đơn vị',
    ['so tu phap', 'Sở Tư pháp — Hà Tĩnh'],
  );
  await shot(page, '305-fresh-leader-account');
  await logout(page);

  // ── The standing officer: the 2024 plan, its tasks, the first session and its notice, a pilot unit.
  await login(page, OFFICER.email, OFFICER.password);
  await shot(page, '306-fresh-officer-landing');
  await page.getByTestId('nav-plans').click();
  await page.getByTestId('plan-new').click();
  await page.getByTestId('plan-year').click();
  await page.getByRole('option', { name: '2024', exact: true }).click();
  await pick(page, 'plan-owner', 'ha tinh', /Hà Tĩnh/);
  await page.getByTestId('plan-title').fill(PLAN);
  await page.getByTestId('plan-submit').click();
  await expect(page.getByTestId('plan-title-heading')).toHaveText(PLAN);
  await page.getByTestId('task-new').click();
  await page.getByTestId('task-title').fill('Ban hành kế hoạch kiểm soát thủ tục hành chính năm 2024');
  await page.getByTestId('task-area').click();
  await page.getByRole('option', { name: 'Cải cách thủ tục hành chính' }).click();
  await pick(page, 'task-lead', 'so tu phap', 'Sở Tư pháp — Hà Tĩnh');
  await fillDate(page, 'task-due', '29/03/2024');
  await page.getByTestId('task-submit').click();
  await expect(page.getByTestId('task-form')).toHaveCount(0);
  await shot(page, '307-fresh-plan');

  // The first session (11/04/2024), held; its conclusion becomes a task of the plan.
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-create').click();
  await page.getByTestId('meeting-kind').getByText('Phiên họp nội bộ').click();
  await page.getByTestId('meeting-title').fill('Phiên họp thứ nhất Ban Chỉ đạo cải cách hành chính tỉnh');
  await fillDate(page, 'meeting-date', '11/04/2024');
  await expect(page.getByTestId('attendance-row').first()).toBeVisible();
  await page.getByTestId('meeting-status-input').getByText('Đã họp').click();
  await page.getByTestId('meeting-place').fill('Hội trường Tỉnh ủy');
  await page.getByTestId('meeting-submit').click();
  await expect(page.getByTestId('meeting-title')).toContainText('Phiên họp thứ nhất');
  await page.getByTestId('conclusion-add').click();
  await page.getByTestId('conclusion-text').fill(CONCLUSION);
  await fillDate(page, 'conclusion-due', '28/06/2024');
  await pick(page, 'conclusion-lead', 'so tu phap', 'Sở Tư pháp — Hà Tĩnh');
  await page.getByTestId('conclusion-area').click();
  await page.getByRole('option', { name: 'Cải cách thủ tục hành chính' }).click();
  await page.getByTestId('conclusion-submit').click();
  await expect(page.getByTestId('conclusion')).toHaveCount(1);
  await page.getByTestId('conclusion').first().getByTestId('conclusion-create-task').click();
  await expect(page.getByTestId('task-plan')).toHaveValue(/năm 2024/);
  await expect(page.getByTestId('task-lead')).toHaveValue('Sở Tư pháp — Hà Tĩnh');
  await page.getByTestId('task-submit').click();
  await expect(page.getByTestId('task-form')).toHaveCount(0);
  // The notice: a Party committee's number, suggested.
  await page.getByTestId('notice-issue').click();
  await fillDate(page, 'notice-date', '15/04/2024');
  await expect(page.getByTestId('notice-number')).toHaveValue('01-TB/BCĐ');
  await expect(page.getByTestId('notice-preview-heading')).toHaveText(['ĐẢNG CỘNG SẢN VIỆT NAM']);
  await shot(page, '308-fresh-notice-preview', { fullPage: false });
  await page.getByTestId('notice-submit').click();
  await expect(page.getByTestId('meeting-notice')).toContainText('01-TB/BCĐ');
  await shot(page, '309-fresh-meeting');

  // The 2024 pilot list, chosen by the committee's decision; a pilot unit followed by the Ủy viên.
  await registerDocument(page, {
    number: '05-QĐ/BCĐ',
    type: 'Quyết định',
    issuer: 'Ban Chỉ đạo cải cách hành chính tỉnh Hà Tĩnh',
    title: 'Quyết định chọn đơn vị chỉ đạo điểm cải cách hành chính năm 2024',
    issuedOn: '22/04/2024',
  });
  await page.getByTestId('nav-pilots').click();
  await page.getByTestId('programme-new').click();
  await expect(page.getByTestId('programme-committee')).toHaveValue(
    'Ban Chỉ đạo cải cách hành chính tỉnh Hà Tĩnh',
  );
  await page.getByTestId('programme-year').click();
  await page.getByRole('option', { name: '2024', exact: true }).click();
  await pick(page, 'programme-decision', '05-QD', /05-QĐ\/BCĐ/);
  await page.getByTestId('programme-submit').click();
  await expect(page.getByTestId('pilot-programme')).toContainText('05-QĐ/BCĐ');
  await page.getByTestId('pilot-unit-new').click();
  await pick(page, 'pilot-unit-unit', 'ky anh', /Huyện Kỳ Anh/);
  await page.getByTestId('pilot-unit-member').click();
  await page.getByRole('option', { name: /Hoàng Trung Dũng/ }).click();
  await page.getByTestId('pilot-unit-submit').click();
  await expect(page.getByTestId('pilot-card').filter({ hasText: 'Huyện Kỳ Anh' })).toBeVisible();
  await shot(page, '310-fresh-pilot');
  await logout(page);

  // ── History: the focal point may not date a report before the task reached the system (today); she is told
  // who may. The unit's leader reports it on its real day; the officer verifies: on time, not "late 600 days".
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-e2e-'));
  const file = path.join(dir, 'Báo cáo rà soát TTHC hộ tịch.pdf');
  fs.writeFileSync(file, PDF);
  const task = page.getByTestId('task-row').filter({ hasText: 'hộ tịch' });
  const open2024Plan = async () => {
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('plans-year').click();
    await page.getByRole('option', { name: '2024', exact: true }).click();
    await page.getByTestId('plans-table').getByRole('link', { name: PLAN }).click();
  };
  const reportDone = async () => {
    await task.getByTestId('task-action-report_done').click();
    await page.getByTestId('action-output').fill('Báo cáo số 85/BC-STP ngày 25/06/2024.');
    await page.getByTestId('action-files').setInputFiles(file);
    await fillDate(page, 'action-effective-date', '25/06/2024');
    await page.getByTestId('action-submit').click();
  };
  await login(page, FOCAL.email, FOCAL.password);
  await shot(page, '311-fresh-focal-landing');
  await open2024Plan();
  await reportDone();
  await expect(page.getByTestId('action-form')).toContainText('cơ quan thường trực ghi bổ sung lịch sử');
  await shot(page, '312-fresh-focal-backdate-refused', { fullPage: false });
  await page.getByTestId('action-form').getByRole('button', { name: 'Hủy' }).click();
  await logout(page);

  await login(page, LEADER.email, LEADER.password);
  await open2024Plan();
  await reportDone();
  await expect(task.getByTestId('task-status')).toHaveText('Đã báo cáo hoàn thành');
  await logout(page);

  await login(page, OFFICER.email, OFFICER.password);
  await open2024Plan();
  await task.getByTestId('task-action-verify').click();
  await fillDate(page, 'action-effective-date', '27/06/2024');
  await page.getByTestId('action-submit').click();
  await expect(task.getByTestId('task-status')).toHaveText('Đã xác nhận hoàn thành');
  await expect(task.getByTestId('task-timing')).toHaveAttribute('data-timing', 'done_on_time');
  await shot(page, '313-fresh-plan-verified');
});
