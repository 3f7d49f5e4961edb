import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { choose, fillDate, login, logout, shot } from './helpers.js';

// The PAR Index (issue 16) as its people use it, on the demo province: the standing officer copies the department
// framework forward to 2026 and publishes it; a department's focal point reads its 2025 assessment — its scores
// through the rounds and its rank; a committee member reads the 2025 ranking at desktop and phone width.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 860 };

type CampaignList = { campaigns: { id: string; year: number }[] };
type AssessmentList = { items: { id: string; unit: { name: string } }[] };

/** The id of the caller's 2025 campaign and of their own unit's assessment in it (through the API, as the page does). */
async function assessment2025(page: Page): Promise<string> {
  const campaigns = (await (await page.request.get('/api/par/campaigns')).json()) as CampaignList;
  const c = campaigns.campaigns.find((x) => x.year === 2025)!;
  const list = (await (
    await page.request.get(`/api/par/campaigns/${c.id}/assessments`)
  ).json()) as AssessmentList;
  return list.items[0]!.id;
}

test('the standing officer copies the department framework forward to 2026 and publishes it', async ({
  page,
}) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-parindex').click();
  await expect(page.getByTestId('campaign-header')).toContainText('2025');
  await shot(page, '160-par-campaign-office');
  await page.getByTestId('nav-parindex.frameworks').click();
  await expect(page.getByTestId('framework-missing-year')).toContainText('2026');
  await shot(page, '161-par-frameworks');
  await page.getByTestId('framework-copy-forward').first().click();
  await shot(page, '161b-par-framework-copy-dialog', { fullPage: false });
  await page.getByRole('dialog').getByRole('button', { name: 'Sao chép sang năm 2026' }).click();
  await expect(page).toHaveURL(/\/par\/frameworks\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('năm 2026');
  await expect(page.getByTestId('framework-counts')).toContainText('89');
  await shot(page, '162-par-framework-2026-draft');
  // An unsaved change asks before the page is left by a link.
  await page.getByTestId('framework-edit').click();
  const title = page.getByTestId('editor-title');
  await title.fill(`${await title.inputValue()} (bản trình Hội đồng)`);
  await page.getByTestId('nav-parindex.results').click();
  await expect(page.getByTestId('leave-stay')).toBeVisible();
  await page.getByTestId('leave-stay').click();
  await expect(page).toHaveURL(/\/par\/frameworks\/[0-9a-f-]{36}$/);
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('framework-edit')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('bản trình Hội đồng');
  await page.getByTestId('framework-publish').click();
  await page.getByTestId('framework-publish-confirm').click();
  await expect(page.getByTestId('framework-publish')).toHaveCount(0);
  await expect(page.getByTestId('framework-status')).toContainText(/ban hành/i);
  await shot(page, '163-par-framework-2026-published');
  await logout(page);
});

// ---------------------------------------------------------------------------------------------------
// The 2026 campaign, end to end (issue 16's "done when"): the officer opens it with the framework just copied
// forward, two departments score themselves with evidence, the deadline locks them, the appraiser changes two of
// Sở Tư pháp's scores with reasons, Sở Tư pháp explains one, round 2 settles it, the chair signs the results off,
// the office publishes them, and the Excel tables and the draft decision are looked at.

/** A day in Vietnam, `days` from today: [ISO, dd/mm/yyyy]. */
function vnDay(days: number): [string, string] {
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const iso = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  return [iso, iso.split('-').reverse().join('/')];
}

/** The card of one sub-criterion on the assessment page (every field opened first). */
async function item(page: Page, code: string) {
  const card = page.locator(`[data-testid="par-item"][data-code="${code}"]`);
  if (!(await card.isVisible())) {
    const toggle = page.getByTestId('par-tree-toggle');
    if (await toggle.isVisible()) await toggle.click();
  }
  await expect(card).toBeVisible();
  return card;
}

/** Scores one sub-criterion as the unit: points and a note, saved when the box is left. */
async function selfScore(page: Page, code: string, points: string, note: string) {
  const card = await item(page, code);
  await card.getByTestId('par-self-points').fill(points);
  await card.getByTestId('par-self-note').click();
  await expect(card.getByTestId('par-self-saved')).toBeVisible();
  await card.getByTestId('par-self-note').fill(note);
  await card.getByTestId('par-self-points').click();
  await expect(card.getByTestId('par-self-saved')).toBeVisible();
}

/** A small PDF (the upload is checked by its content, not its name). */
const pdf = (title: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

async function uploadEvidence(page: Page, code: string, name: string) {
  const card = await item(page, code);
  const chooser = page.waitForEvent('filechooser');
  await card.getByTestId('par-evidence-upload').click();
  await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: pdf(name) });
  await expect(card.getByTestId('par-evidence-list')).toContainText(name);
}

/**
 * Opens the caller's own unit's assessment of the 2026 campaign from the PAR Index page; `deadline`: what the
 * unit's card says is due now (the server's next step for it), or nothing due (`null`).
 */
async function openOwnAssessment(page: Page, deadline: string | null) {
  // On a phone the navigation is behind the menu button.
  if ((page.viewportSize()?.width ?? DESKTOP.width) < 768) await page.locator('.mantine-Burger-root').click();
  await page.getByTestId('nav-parindex').click();
  await expect(page.getByTestId('campaign-header')).toContainText('2026');
  // The unit's own card leads, with the deadline that matters now (the server's next step for it).
  await expect(page.getByTestId('par-my-unit')).toHaveCount(1);
  if (deadline) await expect(page.getByTestId('par-my-unit-deadline')).toContainText(deadline);
  else await expect(page.getByTestId('par-my-unit-deadline')).toHaveCount(0);
  await page.getByTestId('par-my-unit-open').first().click();
  await expect(page.getByTestId('par-assessment-page')).toBeVisible();
}

/** Moves the 2026 campaign to its next stage (the office). */
async function advance(page: Page, stage: string) {
  await page.getByTestId('campaign-advance').click();
  await page.getByTestId('campaign-advance-confirm').click();
  await expect(page.getByTestId('campaign-header')).toHaveAttribute('data-stage', stage);
}

/** The campaign page of the office, on its newest campaign (2026 once created). */
async function officeCampaign(page: Page) {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-parindex').click();
  await expect(page.getByTestId('campaign-header')).toContainText('2026');
}

type Api = { id: string; version: number; status: string; unit: { name: string } };

/** The rest of the council's step for every department but Sở Tư pháp, through the API (as the page does). */
async function councilStepForOthers(page: Page, action: 'appraise_1' | 'finalise' | 'appraise_2') {
  const campaigns = (await (await page.request.get('/api/par/campaigns')).json()) as CampaignList;
  const c = campaigns.campaigns.find((x) => x.year === 2026)!;
  const list = (await (await page.request.get(`/api/par/campaigns/${c.id}/assessments`)).json()) as {
    items: Api[];
  };
  for (const i of list.items) {
    if (i.unit.name === 'Sở Tư pháp') continue;
    const a = (await (await page.request.get(`/api/par/assessments/${i.id}`)).json()) as Api;
    const r = await page.request.post(`/api/work/par_assessment/${i.id}/actions`, {
      data: { action, version: a.version },
      headers: { 'x-csrf-token': await csrf(page) },
    });
    expect(r.status(), await r.text()).toBe(200);
  }
}

async function csrf(page: Page): Promise<string> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  return session.csrfToken;
}

test.describe.configure({ timeout: 120_000 });

test('the officer opens the 2026 campaign on the framework copied forward, with the council', async ({
  page,
}) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-parindex').click();
  await choose(page, 'par-year', '2026');
  await expect(page.getByTestId('par-no-campaign')).toBeVisible();
  await page.getByTestId('par-campaign-create').click();
  await expect(page.getByTestId('campaign-framework-department')).toHaveValue(/2026/);
  await fillDate(page, 'campaign-selfDeadline', vnDay(14)[1]);
  await fillDate(page, 'campaign-appraisal1Deadline', vnDay(28)[1]);
  await fillDate(page, 'campaign-explanationDeadline', vnDay(35)[1]);
  await fillDate(page, 'campaign-appraisal2Deadline', vnDay(42)[1]);
  await shot(page, '190-par-2026-campaign-form', { fullPage: false });
  await page.getByTestId('campaign-form-submit').click();
  await expect(page.getByTestId('campaign-header')).toHaveAttribute('data-stage', 'preparing');
  await expect(page.getByTestId('campaign-header').getByTestId('campaign-title')).toContainText('2026');

  await page.getByTestId('council-add').click();
  await page.getByTestId('council-person').fill('Thẩm Định');
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /Bùi Thị Thẩm Định/ })
    .first()
    .click();
  await page.getByTestId('council-role').getByText('Chủ tịch').click();
  await page.getByTestId('council-save').click();
  await expect(page.getByTestId('council-member')).toContainText('Bùi Thị Thẩm Định');

  await advance(page, 'self_assessment');
  await expect(page.getByTestId('campaign-count-not_started')).toBeVisible();
  // The criteria computed from the records are read in the background; the page shows when they are in.
  await expect(page.getByTestId('campaign-computation')).toContainText('Cập nhật lúc', { timeout: 30_000 });
  await shot(page, '191-par-2026-campaign-open');
  await logout(page);
});

test('two departments score themselves with notes and evidence; one on a phone', async ({ page }) => {
  await login(page, 'daumoi.tuphap@chidao.demo');
  await openOwnAssessment(page, 'Hạn tự chấm');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sở Tư pháp');
  await selfScore(page, '1.3.1', '1', 'Ban hành kế hoạch CCHC năm 2026 đúng hạn (Kế hoạch số 05/KH-STP).');
  await selfScore(page, '1.4.1', '0,5', 'Đã tổ chức tuyên truyền CCHC trên trang thông tin điện tử của Sở.');
  await selfScore(page, '1.4.2', '1', 'Báo cáo CCHC định kỳ gửi đủ, đúng hạn.');
  await selfScore(page, '1.5.1', '1,5', 'Kiểm tra CCHC 4/4 phòng chuyên môn theo kế hoạch.');
  await uploadEvidence(page, '1.3.1', 'ke-hoach-cchc-2026-stp.pdf');
  await uploadEvidence(page, '1.5.1', 'bao-cao-kiem-tra-cchc.pdf');
  // A score above the maximum is refused with the item's maximum.
  const card = await item(page, '1.4.1');
  await card.getByTestId('par-self-points').fill('2');
  await card.getByTestId('par-self-note').click();
  await expect(card.getByTestId('par-score-error')).toBeVisible();
  await shot(page, '192a-par-2026-self-over-maximum', { fullPage: false });
  // Back to the saved score: the refusal goes.
  await card.getByTestId('par-self-points').fill('0,5');
  await card.getByTestId('par-self-note').click();
  await expect(card.getByTestId('par-score-error')).toHaveCount(0);
  await shot(page, '192-par-2026-self-tuphap', { fullPage: false });
  await logout(page);

  await login(page, 'daumoi.xaydung@chidao.demo');
  await page.setViewportSize(PHONE);
  await openOwnAssessment(page, 'Hạn tự chấm');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sở Xây dựng');
  await selfScore(page, '1.3.1', '1', 'Kế hoạch CCHC năm 2026 ban hành ngày 10/01/2026.');
  await selfScore(page, '1.4.2', '0,5', 'Một báo cáo quý gửi chậm.');
  await uploadEvidence(page, '1.3.1', 'ke-hoach-cchc-2026-sxd.pdf');
  await shot(page, '193-par-2026-self-xaydung-phone', { fullPage: false });
  // The survey criterion takes its points from the 2026 SIPAS survey at the counters (e2e/par-surveys.spec.ts:
  // 12 answers for Sở Xây dựng), with the survey's results a click away.
  const survey = await item(page, '3.6.1');
  await expect(survey.getByTestId('par-computation')).toContainText(
    'Khảo sát «Khảo sát SIPAS tại Bộ phận một cửa — đợt 2 năm 2026»',
  );
  await expect(survey.getByTestId('par-computation')).toContainText('(12 phiếu)');
  await expect(survey.getByRole('link', { name: 'Xem kết quả khảo sát' })).toBeVisible();
  await survey.scrollIntoViewIfNeeded();
  await shot(page, '193b-par-2026-survey-criterion-phone', { fullPage: false });
  await page.setViewportSize(DESKTOP);
  await logout(page);
});

test('the self-assessment deadline passes: both assessments lock, nothing more can be scored', async ({
  page,
}) => {
  await officeCampaign(page);
  // The deadline comes: the office sets the last day of self-scoring to yesterday (the campaign's plan changed);
  // from today the units' self-assessments are locked.
  await page.getByTestId('campaign-edit').click();
  await fillDate(page, 'campaign-selfDeadline', vnDay(-1)[1]);
  await page.getByTestId('campaign-form-submit').click();
  await expect(page.getByTestId('campaign-count-locked')).toBeVisible();
  await expect(page.getByTestId('par-units').getByRole('row', { name: /Sở Tư pháp/ })).toContainText(
    'Đã khóa',
  );
  await shot(page, '194-par-2026-locked-office');
  await advance(page, 'appraisal_1');
  await logout(page);

  await login(page, 'daumoi.xaydung@chidao.demo');
  await openOwnAssessment(page, null);
  await expect(page.getByTestId('par-assessment-header')).toHaveAttribute('data-status', 'locked');
  await expect((await item(page, '1.3.1')).getByTestId('par-self-points')).toHaveCount(0);
  await shot(page, '195-par-2026-locked-unit', { fullPage: false });
  await logout(page);
});

test('the appraiser changes two scores with reasons in round 1', async ({ page }) => {
  await login(page, 'thamdinh@chidao.demo');
  await shot(page, '196-par-2026-appraiser-home');
  await page.getByTestId('nav-parindex').click();
  await expect(page.getByTestId('par-council-note')).toBeVisible();
  await page.getByTestId('par-units').getByText('Sở Tư pháp').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sở Tư pháp');

  const first = await item(page, '1.4.2');
  await first.getByTestId('par-round1-points').fill('0,5');
  await first.getByTestId('par-round1-reason').click();
  await first.getByTestId('par-round1-points').click();
  // No reason: not saved, and the field says why.
  await expect(first.getByTestId('par-round1-reason')).toHaveAttribute('aria-invalid', 'true');
  await first
    .getByTestId('par-round1-reason')
    .fill('Báo cáo quý III gửi ngày 20/10/2026, quá hạn 5 ngày làm việc.');
  await first.getByTestId('par-round1-points').click();
  await expect(first.getByTestId('par-round1-saved')).toBeVisible();

  const second = await item(page, '1.5.1');
  await second.getByTestId('par-round1-points').fill('1');
  await second.getByTestId('par-round1-reason').fill('Chưa có kết luận kiểm tra tại 1 phòng chuyên môn.');
  await second.getByTestId('par-round1-points').click();
  await expect(second.getByTestId('par-round1-saved')).toBeVisible();
  await shot(page, '197-par-2026-round1', { fullPage: false });

  await page.getByTestId('par-action-appraise_1').click();
  await page.getByTestId('par-action-confirm').click();
  await expect(page.getByTestId('par-assessment-header')).toHaveAttribute('data-status', 'appraised_1');
  await councilStepForOthers(page, 'appraise_1');
  await logout(page);

  await officeCampaign(page);
  await advance(page, 'explanation');
  await logout(page);
});

test('Sở Tư pháp explains one contested score; round 2 settles it', async ({ page }) => {
  await login(page, 'daumoi.tuphap@chidao.demo');
  await openOwnAssessment(page, 'Hạn giải trình');
  await expect(page.locator('[data-testid="par-item"][data-contested="true"]')).toHaveCount(2);
  const contested = await item(page, '1.5.1');
  await contested
    .getByTestId('par-explanation')
    .fill(
      'Phòng Bổ trợ tư pháp đã được kiểm tra ngày 12/11/2026; kết luận kiểm tra số 15/KL-STP gửi kèm theo.',
    );
  await contested.getByTestId('par-explanation').press('Tab');
  await expect(contested.getByTestId('par-explanation-saved')).toBeVisible();
  await uploadEvidence(page, '1.5.1', 'ket-luan-kiem-tra-15-kl-stp.pdf');
  await shot(page, '198-par-2026-explanation', { fullPage: false });
  await page.getByTestId('par-action-explain').click();
  await page.getByTestId('par-action-confirm').click();
  await expect(page.getByTestId('par-assessment-header')).toHaveAttribute('data-status', 'explained');
  await logout(page);

  await officeCampaign(page);
  await advance(page, 'appraisal_2');
  await logout(page);

  await login(page, 'thamdinh@chidao.demo');
  await page.getByTestId('nav-parindex').click();
  await page.getByTestId('par-units').getByText('Sở Tư pháp').first().click();
  const settled = await item(page, '1.5.1');
  await settled.getByTestId('par-round2-points').fill('1,5');
  await settled
    .getByTestId('par-round2-reason')
    .fill('Chấp nhận giải trình: kết luận kiểm tra số 15/KL-STP.');
  await settled.getByTestId('par-round2-points').click();
  await expect(settled.getByTestId('par-round2-saved')).toBeVisible();
  const kept = await item(page, '1.4.2');
  await kept.getByTestId('par-round2-points').fill('0,5');
  await kept.getByTestId('par-round2-points').press('Tab');
  await expect(kept.getByTestId('par-round2-saved')).toBeVisible();
  await shot(page, '199-par-2026-round2', { fullPage: false });
  await page.getByTestId('par-action-appraise_2').click();
  await page.getByTestId('par-action-confirm').click();
  await expect(page.getByTestId('par-assessment-header')).toHaveAttribute('data-status', 'appraised_2');
  await page.getByTestId('par-action-finalise').click();
  await page.getByTestId('par-action-confirm').click();
  await expect(page.getByTestId('par-assessment-header')).toHaveAttribute('data-status', 'final');
  await shot(page, '200-par-2026-final-tuphap', { fullPage: false });
  await councilStepForOthers(page, 'finalise');
  await logout(page);
});

test('the chair signs off, the office publishes; the ranking, the Excel tables and the draft decision', async ({
  page,
}) => {
  // Every unit final: the office's button says the council's sign-off is what ends the appraisal.
  await officeCampaign(page);
  await expect(page.getByTestId('campaign-advance-reason')).toContainText('ký xác nhận');
  await shot(page, '201a-par-2026-awaiting-sign-off');
  await logout(page);

  await login(page, 'thamdinh@chidao.demo');
  await page.getByTestId('nav-parindex.results').click();
  await choose(page, 'results-year', /2026/);
  await expect(page.getByTestId('results-provisional')).toBeVisible();
  await page.getByTestId('results-sign-off').click();
  await page.getByTestId('results-sign-off-confirm').click();
  await expect(page.getByTestId('results-final')).toBeVisible();
  await shot(page, '201b-par-2026-signed-off');
  await logout(page);

  await officeCampaign(page);
  await advance(page, 'published');
  await shot(page, '201-par-2026-published-office');
  await page.getByTestId('nav-parindex.results').click();
  await choose(page, 'results-year', /2026/);
  await expect(page.getByTestId('results-final')).toBeVisible();
  await expect(page.getByTestId('result-rank').first()).toBeVisible();
  await shot(page, '202-par-2026-results');

  // The Excel tables: one sheet per group, the units ranked with their grades (looked at as a rendered table).
  const download = page.waitForEvent('download');
  await page.getByTestId('results-xlsx').click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => cellText(v))));
  expect(rows.flat().join(' ')).toContain('Sở Tư pháp');
  fs.mkdirSync(path.resolve('e2e/screenshots'), { recursive: true });
  fs.copyFileSync(file, path.resolve('e2e/screenshots/203-par-2026-results.xlsx'));
  const table = await page.context().newPage();
  await table.setContent(
    `<meta charset="utf-8"><style>body{font:12px sans-serif}td{border:1px solid #999;padding:2px 4px}</style><h3>${sheet.name}</h3><table>${rows
      .slice(0, 40)
      .map((r) => `<tr>${r.map((c) => `<td>${c.replace(/</g, '&lt;')}</td>`).join('')}</tr>`)
      .join('')}</table>`,
  );
  await shot(table, '203-par-2026-results-xlsx');
  await table.close();

  // The draft decision with its annex (DOCX), in the preview.
  await page.getByTestId('results-docx').click();
  await expect(page.getByTestId('docx-preview')).toContainText('QUYẾT ĐỊNH');
  await expect(page.getByTestId('docx-preview')).toContainText('Sở Tư pháp');
  await shot(page, '204-par-2026-decision-docx', { fullPage: false });
  // Its first page and its annex's, as images.
  const pages = page.getByTestId('docx-preview').locator('section.docx');
  for (const [i, name] of [
    [0, '204a-par-2026-decision-page-1'],
    [1, '204b-par-2026-decision-annex'],
  ] as const) {
    const section = pages.nth(i);
    if (!(await section.count())) continue;
    await section.scrollIntoViewIfNeeded();
    const box = (await section.boundingBox())!;
    await page.screenshot({
      path: path.resolve('e2e/screenshots', `${name}.png`),
      clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, (box.width * 297) / 210) },
    });
  }
  await page.getByTestId('docx-preview-modal').locator('.mantine-Modal-close').click();
  await expect(page.getByTestId('docx-preview')).toBeHidden();
  await logout(page);

  // The unit reads its published result and owes a remediation task in its plan.
  await login(page, 'daumoi.tuphap@chidao.demo');
  await page.getByTestId('nav-parindex.results').click();
  await choose(page, 'results-year', /2026/);
  await expect(page.getByText('Sở Tư pháp').first()).toBeVisible();
  await shot(page, '205-par-2026-results-unit');
  await logout(page);
});

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v && 'result' in v) return String((v as { result: unknown }).result ?? '');
  if (typeof v === 'object' && v && 'richText' in v)
    return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return String(v);
}

test('a focal point reads its 2025 assessment: scores through the rounds, evidence, its result', async ({
  page,
}) => {
  await login(page, 'daumoi.tuphap@chidao.demo');
  await page.getByTestId('nav-parindex').click();
  await shot(page, '164-par-campaign-unit');
  const id = await assessment2025(page);
  await page.goto(`/par/assessments/${id}`);
  await expect(page.getByText('Sở Tư pháp').first()).toBeVisible();
  await expect(page.getByText('1.1.1').first()).toBeVisible();
  await shot(page, '165-par-assessment-unit', { fullPage: false });
  await page.setViewportSize(PHONE);
  await shot(page, '166-par-assessment-unit-phone', { fullPage: false });
  await page.setViewportSize(DESKTOP);
  await logout(page);
});

test('a committee member reads the 2025 ranking with grades, desktop and phone', async ({ page }) => {
  await login(page, 'uyvien@chidao.demo');
  await page.getByTestId('nav-parindex.results').click();
  await choose(page, 'results-year', /2025/);
  await expect(page.getByText(/Tốt: \d+/).first()).toBeVisible();
  await expect(page.getByText('Sở Tài chính').first()).toBeVisible();
  await shot(page, '167-par-results');
  await page.setViewportSize(PHONE);
  await shot(page, '168-par-results-phone', { fullPage: false });
  await page.setViewportSize(DESKTOP);
  await logout(page);
});
