import { expect, test, type Page } from '@playwright/test';
import { login, logout, shot } from './helpers.js';

/**
 * PAR inspections (issue 15), done when: the standing officer drafts next year's plan with four units and a team;
 * the inspector lands on their inspections panel, fills the running inspection's checklist on a tablet and signs the
 * minutes; the head drafts the conclusion of Sở Tư pháp's inspection with three recommendations and previews the
 * notice as Word shows it; the standing officer issues it; Sở Tư pháp's focal point reports remediation of each; one
 * is returned and reported again; all are verified; a hotline escalation becomes a surprise inspection.
 */

const DESKTOP = { width: 1280, height: 900 };
const TABLET = { width: 820, height: 1180 };
const PHONE = { width: 390, height: 844 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

test.describe.configure({ mode: 'serial' });

async function pickUnit(page: Page, testId: string, words: string, name: RegExp) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(words);
  await page.getByRole('option', { name }).first().click();
}

async function typeDate(page: Page, testId: string, ddmmyyyy: string) {
  const input = page.getByTestId(testId);
  await input.fill(ddmmyyyy);
  await input.press('Enter');
  await input.press('Tab');
}

test('the standing officer drafts next year’s plan with four units and a team', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await login(page, 'thuongtruc@chidao.demo');
  await page.goto('/inspections');
  await expect(page.getByTestId('plan-title')).toContainText('năm 2026');
  await expect(page.getByTestId('plan-inspection-row').first()).toBeVisible();
  await shot(page, 'inspections-plan-2026-desktop');

  await page.getByTestId('plan-year').click();
  await page.getByRole('option', { name: '2027' }).click();
  await page.getByTestId('plan-create').click();
  await page.getByTestId('plan-create-submit').click();
  await expect(page.getByTestId('plan-title')).toContainText('năm 2027');

  const units: [string, RegExp][] = [
    ['so tu phap', /Sở Tư pháp/],
    ['so xay dung', /Sở Xây dựng/],
    ['so y te', /Sở Y tế/],
    ['van phong ubnd', /Văn phòng UBND/],
  ];
  for (const [n, [words, name]] of units.entries()) {
    await page.getByTestId('plan-add-unit').click();
    const dialog = page.getByRole('dialog');
    await typeDate(page, 'plan-from', `0${n + 3}/03/2027`);
    await typeDate(page, 'plan-to', `0${n + 3}/03/2027`);
    await pickUnit(page, 'plan-unit', words, name);
    await dialog.getByText('Cải cách thủ tục hành chính', { exact: true }).click();
    await dialog.getByText('Xây dựng chính phủ điện tử, chính phủ số', { exact: true }).click();
    if (n === 0) {
      // Content of this unit's own, beside the seven areas (English optional).
      await dialog.getByTestId('custom-item-add').click();
      await dialog
        .getByTestId('custom-item-vi')
        .fill('Việc công khai số điện thoại đường dây nóng tại Bộ phận Một cửa');
    }
    await dialog.getByTestId('plan-unit-submit').click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('plan-inspection-row')).toHaveCount(4);
  await expect(
    page
      .getByTestId('plan-inspection-row')
      .filter({ hasText: 'Sở Tư pháp' })
      .getByTestId('plan-custom-items'),
  ).toHaveText('+1 nội dung riêng');

  // Team members searched across the province's officials, without accents.
  for (const words of ['nguyen', '']) {
    await page.getByTestId('team-add').click();
    const dialog = page.getByRole('dialog');
    if (words) await dialog.getByTestId('team-user').fill(words);
    else await dialog.getByTestId('team-user').click();
    await page.getByRole('listbox').getByTestId('team-candidate').first().click();
    await expect(dialog.getByTestId('team-user-details')).toBeVisible();
    if (words === 'nguyen') await shot(page, 'inspections-team-search-desktop', { fullPage: false });
    await dialog.getByTestId('team-add-submit').click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('plan-team').getByTestId('team-member')).toHaveCount(2);
  await page.getByTestId('team-set-head').first().click();
  await expect(page.getByTestId('plan-team').getByText('Trưởng đoàn')).toBeVisible();
  // The decision establishing the team, from the register.
  await page.getByTestId('plan-edit').click();
  await page.getByTestId('plan-team-decision').fill('38/QĐ-SNV');
  await page.getByRole('option', { name: /38\/QĐ-SNV/ }).click();
  await page.getByTestId('plan-edit-submit').click();
  await expect(page.getByTestId('plan-team-decision-link')).toContainText('38/QĐ-SNV');
  await shot(page, 'inspections-plan-2027-draft-desktop');
  await page.setViewportSize(PHONE);
  await shot(page, 'inspections-plan-2027-draft-phone');
  await page.setViewportSize(DESKTOP);
  await logout(page);
});

test('the inspector lands on the panel, fills a checklist on a tablet and signs the minutes', async ({
  page,
}) => {
  await page.setViewportSize(TABLET);
  await login(page, 'kiemtra@chidao.demo');
  const panel = page.getByTestId('panel-inspections');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('inspections-current')).toContainText('Phường Trường Vinh');
  await shot(page, 'inspections-home-inspector-tablet');

  await panel.getByTestId('inspections-current').getByText('Phường Trường Vinh').click();
  await expect(page.getByTestId('inspection-header')).toContainText('Đang kiểm tra');
  const items = page.getByTestId('checklist-item');
  const count = await items.count();
  // Every item still without a result: compliant, the third a shortcoming with a note and a photo.
  for (let n = 0; n < count; n++) {
    const item = items.nth(n);
    const chosen = await item.locator('input[type=radio]:checked').count();
    if (chosen) continue;
    const result = n % 3 === 2 ? 'Hạn chế' : 'Đạt';
    await item.getByText(result, { exact: true }).click();
    await expect(item.getByTestId('finding-saved')).toBeVisible();
    if (result === 'Hạn chế') {
      await item
        .getByTestId('finding-note')
        .fill('Chưa niêm yết đầy đủ thủ tục hành chính tại Bộ phận Một cửa.');
      await item.getByTestId('finding-note').blur();
      await expect(item.getByTestId('finding-saved')).toBeVisible();
    }
  }
  await expect(page.getByTestId('checklist-progress')).toContainText(`${count}/${count}`);
  await shot(page, 'inspections-checklist-tablet');
  await page.setViewportSize(PHONE);
  await shot(page, 'inspections-checklist-phone', { fullPage: false });
  await page.setViewportSize(DESKTOP);

  await page.getByTestId('inspection-sign').click();
  await page.getByTestId('step-confirm').click();
  await expect(page.getByTestId('inspection-header')).toContainText('Đã ký biên bản');
  await page.setViewportSize(DESKTOP);
  await logout(page);
});

test('the head drafts the conclusion with three recommendations, the standing officer issues it', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await login(page, 'kiemtra@chidao.demo');
  await page.goto('/inspections');
  await page
    .getByTestId('plan-inspection-row')
    .filter({ hasText: 'Sở Tư pháp' })
    .getByRole('link')
    .first()
    .click();
  await page.getByTestId('inspection-conclusion').click();
  await page
    .getByTestId('conclusion-summary')
    .fill(
      'Sở Tư pháp đã triển khai kế hoạch CCHC năm 2026 cơ bản đầy đủ; còn hạn chế trong niêm yết thủ tục và số hóa hồ sơ.',
    );
  const texts = [
    'Niêm yết đầy đủ, đúng quy định các thủ tục hành chính tại Bộ phận Một cửa.',
    'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo quy định.',
    'Gửi văn bản xin lỗi đối với các hồ sơ giải quyết trễ hạn.',
  ];
  const existing = await page.getByTestId('draft-recommendation').count();
  for (let n = existing; n < 3; n++) await page.getByTestId('rec-add').click();
  for (const [n, text] of texts.entries()) await page.getByTestId('rec-text').nth(n).fill(text);
  await page.getByTestId('conclusion-save').click();
  await expect(page.getByTestId('conclusion-saved')).toBeVisible();
  await page.getByTestId('preview-conclusion').click();
  await expect(page.getByTestId('docx-preview').locator('section.docx').first()).toBeVisible({
    timeout: 30_000,
  });
  await shot(page, 'inspections-conclusion-preview-desktop', { fullPage: false });
  await page.keyboard.press('Escape');
  await shot(page, 'inspections-conclusion-draft-desktop');
  await logout(page);

  await login(page, 'thuongtruc@chidao.demo');
  await page.goto('/inspections');
  await page
    .getByTestId('plan-inspection-row')
    .filter({ hasText: 'Sở Tư pháp' })
    .getByRole('link')
    .first()
    .click();
  await page.getByTestId('inspection-conclusion').click();
  await page.getByTestId('conclusion-issue').click();
  await page.getByTestId('issue-confirm').click();
  await expect(page.getByTestId('conclusion-issued')).toBeVisible();
  await expect(page.getByTestId('issued-document')).toHaveCount(2);
  await expect(page.getByTestId('recommendation')).toHaveCount(3);
  await shot(page, 'inspections-conclusion-issued-desktop');
  await logout(page);
});

async function act(
  page: Page,
  number: number,
  action: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByTestId(`rec-${number}-${action}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await fill(dialog);
  const submit = dialog.getByTestId('work-action-submit');
  await expect(submit).toBeEnabled();
  await submit.click();
  // The confirmation (a notification) says who acts next; the dialog closes itself.
  await expect(page.getByTestId('workflow-done').last()).toBeVisible();
  await expect(dialog).toBeHidden();
}

test('the focal point remedies each recommendation; one is returned and reported again; all are verified', async ({
  page,
}) => {
  await page.setViewportSize(TABLET);
  await login(page, 'daumoi.tuphap@chidao.demo');
  await page.goto('/inspections');
  await page
    .getByTestId('inspection-row')
    .filter({ hasText: 'Sở Tư pháp' })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByTestId('recommendation')).toHaveCount(3);
  const inspectionUrl = page.url();
  const report = (n: number) =>
    act(page, n, 'report_done', async (dialog) => {
      await dialog.getByTestId('work-action-output').fill(`Đã khắc phục kiến nghị số ${n}.`);
      await dialog
        .getByTestId('work-action-files')
        .setInputFiles({ name: `khac-phuc-${n}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    });
  for (const n of [1, 2, 3]) await report(n);
  await shot(page, 'inspections-remediation-reported-tablet');
  await page.setViewportSize(DESKTOP);
  await logout(page);

  await login(page, 'kiemtra@chidao.demo');
  await page.goto('/');
  // The panel lists the remediation waiting for the team (the demo's own, and the three just reported).
  await expect(page.getByTestId('inspections-toVerify')).toContainText('Kiến nghị số 3');
  await page.goto(inspectionUrl);
  await expect(page.getByTestId('recommendation').first()).toBeVisible();
  await act(page, 2, 'return', async (dialog) => {
    await dialog.getByTestId('work-action-reason').fill('Thiếu danh sách hồ sơ đã số hóa.');
  });
  await act(page, 1, 'verify', async () => {});
  await act(page, 3, 'verify', async () => {});
  await logout(page);

  await login(page, 'daumoi.tuphap@chidao.demo');
  await page.goto('/inspections');
  await page
    .getByTestId('inspection-row')
    .filter({ hasText: 'Sở Tư pháp' })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByTestId('recommendation').nth(1)).toContainText('Thiếu danh sách hồ sơ đã số hóa.');
  await report(2);
  await logout(page);

  await login(page, 'kiemtra@chidao.demo');
  await page.goto(inspectionUrl);
  await act(page, 2, 'verify', async () => {});
  for (const n of [0, 1, 2])
    await expect(page.getByTestId('recommendation').nth(n)).toContainText('Đã xác nhận');
  await shot(page, 'inspections-recommendations-verified-desktop');
  await logout(page);
});

test('a hotline escalation becomes a surprise inspection', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await login(page, 'thuongtruc@chidao.demo');
  await page.goto('/inspections/proposals');
  await expect(page.getByRole('heading', { name: 'Đề xuất kiểm tra đột xuất' })).toBeVisible();
  await shot(page, 'inspections-proposals-desktop');
  // The demo's open escalation: the hotline officer escalated citizens' calls about Phường Vinh Phú.
  const escalation = page.getByTestId('escalation').filter({ hasText: 'Vinh Phú' });
  await expect(escalation).toBeVisible();
  await escalation.getByTestId('escalation-create').click();
  await page.getByRole('dialog').getByText('Cải cách thủ tục hành chính', { exact: true }).click();
  await typeDate(page, 'surprise-from', '15/12/2026');
  await typeDate(page, 'surprise-to', '16/12/2026');
  await page.getByTestId('surprise-submit').click();
  await expect(page.getByTestId('inspection-kind')).toHaveText('Đột xuất');
  await expect(page.getByTestId('inspection-reason')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Vinh Phú/ }).first()).toBeVisible();
  await shot(page, 'inspections-surprise-desktop');
  // Taken: the proposal leaves the list.
  await page.goto('/inspections/proposals');
  await expect(page.getByRole('heading', { name: 'Đề xuất kiểm tra đột xuất' })).toBeVisible();
  await expect(page.getByTestId('escalation').filter({ hasText: 'Vinh Phú' })).toHaveCount(0);
  await page.goto('/inspections/figures');
  await expect(page.getByTestId('figure').first()).toBeVisible();
  await shot(page, 'inspections-figures-desktop');
});

test('the standing officer edits a checklist and adds a rules version; an inspector reads them', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await login(page, 'thuongtruc@chidao.demo');
  await page.goto('/inspections/settings');
  const area = page.locator('[data-testid="checklist-area"][data-area="procedures"]');
  await area.getByRole('button').first().click();
  await expect(area.getByTestId('checklist-item').first()).toBeVisible();
  await shot(page, 'inspections-settings-checklists-desktop');
  await area.getByTestId('checklist-edit').click();
  const form = page.getByTestId('checklist-form');
  await form.getByTestId('checklist-item-add').click();
  const added = form.locator('[data-testid="checklist-item-edit"][data-new="true"]');
  await added
    .getByTestId('checklist-item-text-vi')
    .fill('Công khai kết quả giải quyết hồ sơ trên Cổng dịch vụ công');
  await added
    .getByTestId('checklist-item-text-en')
    .fill('Results of dossiers published on the public service portal');
  await form.getByTestId('checklist-save').click();
  await expect(page.getByTestId('checklist-changes')).toContainText('thêm 1 nội dung');
  await page.getByTestId('checklist-note-input').fill('Bổ sung theo Kế hoạch CCHC năm 2027');
  await page.getByTestId('checklist-save-confirm').click();
  await expect(area.getByTestId('checklist-area-version')).toContainText('2');
  await expect(area.getByTestId('checklist-item').last()).toContainText('Công khai kết quả giải quyết hồ sơ');

  await page.getByTestId('settings-tab-rules').click();
  await page.getByTestId('rules-add').click();
  const rules = page.getByTestId('rule-form');
  await rules.getByTestId('rule-valid-from').fill('01/01/2027');
  await rules.getByTestId('rule-valid-from').press('Tab');
  await rules.getByTestId('rule-version-name-input').fill('Quy định kiểm tra CCHC năm 2027');
  await rules.getByTestId('rule-input-recommendationWorkingDays').fill('20');
  await shot(page, 'inspections-settings-rules-form-desktop', { fullPage: false });
  await rules.getByTestId('rule-save').click();
  await expect(rules).toBeHidden();
  await expect(page.locator('[data-testid="rule-version"][data-valid-from="2027-01-01"]')).toHaveAttribute(
    'data-state',
    'upcoming',
  );
  await shot(page, 'inspections-settings-rules-desktop');
  await page.setViewportSize(PHONE);
  await shot(page, 'inspections-settings-rules-phone');
  await page.setViewportSize(DESKTOP);
  await logout(page);

  await login(page, 'kiemtra@chidao.demo');
  await page.goto('/inspections/settings');
  await expect(page.getByTestId('settings-read-only')).toBeVisible();
  await expect(page.getByTestId('checklist-edit')).toHaveCount(0);
  await page.getByTestId('settings-tab-rules').click();
  await expect(page.getByTestId('rules-add')).toHaveCount(0);
  await logout(page);
});
