import { expect, test, type Page } from '@playwright/test';
import { login, logout, shot } from './helpers.js';

// Every role lands on a page that answers its first question (the server decides the panels), shown
// at desktop (1280) and phone (390) width; one job is done right from the landing page.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

/** The first panel of the page: the one answering the role's first question. */
const firstPanel = (page: Page) =>
  page
    .locator(
      '[data-testid="panel-admin"], [data-testid="panel-hotline"], [data-testid="panel-inspections"], [data-testid="panel-parindex"], [data-testid="panel-owed"], [data-testid="panel-review"], [data-testid="panel-following"], [data-testid="panel-province"], [data-testid="panel-coming"]',
    )
    .first();

/** Both widths, full page; at phone width nothing may overflow sideways. */
async function shoot(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  await shot(page, `home-${name}-desktop`);
  await page.setViewportSize(PHONE);
  await expect(page.getByTestId('welcome')).toBeVisible();
  // Let the layout settle at the new width before the full-page capture measures the page.
  // (Expressions as text: the e2e suite is type-checked without the DOM library.)
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  await page.waitForTimeout(250);
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, 'horizontal overflow at 390 px').toBeLessThanOrEqual(0);
  await shot(page, `home-${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

const ROLES: { email: string; role: string; first: string; check: (page: Page) => Promise<void> }[] = [
  {
    email: 'daumoi.tuphap@chidao.demo',
    role: 'focal_point',
    first: 'panel-owed',
    check: async (page) => {
      const owed = page.getByTestId('panel-owed');
      await expect(owed.getByRole('heading', { name: 'Việc đơn vị phải làm' })).toBeVisible();
      await expect(owed.getByTestId('panel-owed-overdue')).toContainText('quá hạn');
      await expect(owed.getByTestId('work-item').first()).toContainText('Quá hạn');
      // Both kinds the unit owes, named in words.
      await expect(
        owed.getByTestId('work-item-kind').filter({ hasText: 'Nhiệm vụ kế hoạch' }).first(),
      ).toBeVisible();
      await expect(
        owed.getByTestId('work-item-kind').filter({ hasText: 'Nội dung chỉ đạo điểm' }).first(),
      ).toBeVisible();
      await expect(owed.getByTestId('work-item-report_done').first()).toHaveText('Báo cáo hoàn thành');
      await expect(page.getByTestId('panel-province')).toHaveCount(0);
      await expect(page.getByTestId('panel-admin')).toHaveCount(0);
    },
  },
  {
    email: 'lanhdao.tuphap@chidao.demo',
    role: 'unit_leader',
    first: 'panel-owed',
    check: async (page) => {
      await expect(page.getByTestId('home-units')).toContainText('Lãnh đạo đơn vị · Sở Tư pháp');
      await expect(page.getByTestId('panel-owed').getByTestId('work-item').first()).toBeVisible();
    },
  },
  {
    email: 'daumoi.xaydung@chidao.demo',
    role: 'focal_point_xaydung',
    first: 'panel-owed',
    check: async (page) => {
      // A returned pilot report is owed again: submitted from here, with why it was returned.
      const report = page.getByTestId('work-item').filter({ hasText: 'Báo cáo chỉ đạo điểm' });
      await expect(report).toHaveCount(1);
      await expect(report.getByTestId('work-item-reason')).toContainText('Bị trả lại:');
      await expect(report.getByTestId('work-item-submit')).toHaveText('Gửi báo cáo');
    },
  },
  {
    email: 'thuongtruc@chidao.demo',
    role: 'standing_officer',
    first: 'panel-review',
    check: async (page) => {
      const review = page.getByTestId('panel-review');
      await expect(review.getByRole('heading', { name: 'Việc chờ tôi xác nhận' })).toBeVisible();
      await expect(review.getByTestId('work-item').first().getByTestId('work-item-verify')).toBeVisible();
      await expect(review.getByTestId('work-item').first().getByTestId('work-item-return')).toBeVisible();
      await expect(review.getByTestId('work-item-reported').first()).toContainText('Báo cáo ngày');
      await expect(page.getByTestId('panel-province')).toBeVisible();
    },
  },
  {
    email: 'admin@chidao.demo',
    role: 'admin',
    first: 'panel-admin',
    check: async (page) => {
      const admin = page.getByTestId('panel-admin');
      await expect(admin.getByTestId('health-database')).toHaveAttribute('data-ok', 'true');
      await expect(admin.getByTestId('setup-item').filter({ hasText: 'CHIDAO_SMTP_URL' })).toBeVisible();
      await expect(admin.getByTestId('setup-item').filter({ hasText: 'chưa có đầu mối CCHC' })).toBeVisible();
      await expect(
        admin.getByTestId('setup-item').filter({ hasText: /Lịch làm việc năm \d{4}/ }),
      ).toBeVisible();
      await expect(page.getByTestId('panel-review')).toBeVisible();
      await expect(page.getByTestId('panel-province')).toBeVisible();
    },
  },
  {
    email: 'truongban@chidao.demo',
    role: 'committee_leader',
    first: 'panel-province',
    check: async (page) => {
      const province = page.getByTestId('panel-province');
      // The demo's committee plan of this year: its completion and overdue tasks (no "no plan" notice).
      await expect(province.getByTestId('province-no-plan')).toHaveCount(0);
      await expect(province.getByTestId('figure-plan-completion')).toContainText('năm 2026');
      await expect(province.getByTestId('figure-plan-completion')).toContainText('%');
      await expect(province.getByTestId('figure-plan-overdue')).toBeVisible();
      await expect(province.getByTestId('figure-pilots-overdue')).toContainText('2024');
      await expect(province.getByTestId('figure-dossiers')).toBeVisible();
      await expect(page.getByTestId('panel-following-empty')).toBeVisible();
    },
  },
  {
    email: 'uyvien@chidao.demo',
    role: 'committee_member',
    first: 'panel-following',
    check: async (page) => {
      const following = page.getByTestId('panel-following');
      await expect(following.getByTestId('followed-unit')).toHaveCount(2);
      await expect(following.getByTestId('followed-unit').first()).toContainText('quá hạn');
      await expect(following.getByTestId('followed-task').first()).toContainText('Quá hạn');
      await expect(following.getByTestId('following-next-report')).toContainText('hạn');
      await expect(page.getByTestId('panel-province')).toBeVisible();
    },
  },
  {
    email: 'thamdinh@chidao.demo',
    role: 'appraiser',
    // The PAR Index: the 2025 campaign they chaired, its published results, and 2026 still to prepare.
    first: 'panel-parindex',
    check: async (page) => {
      const panel = page.getByTestId('panel-parindex');
      await expect(panel.getByRole('heading', { name: 'Chỉ số cải cách hành chính' })).toBeVisible();
      await expect(panel.getByTestId('parindex-campaign')).toContainText('Chủ tịch Hội đồng thẩm định');
      await expect(panel.getByTestId('parindex-results')).toContainText('Sở Tài chính');
      await expect(panel.getByTestId('parindex-next-year')).toContainText('2026');
    },
  },
  {
    email: 'kiemtra@chidao.demo',
    role: 'inspector',
    // The team head's inspections: Phường Trường Vinh's under way (the demo's 2026 plan).
    first: 'panel-inspections',
    check: async (page) => {
      const panel = page.getByTestId('panel-inspections');
      await expect(panel.getByRole('heading', { name: 'Kiểm tra CCHC' })).toBeVisible();
      await expect(panel.getByTestId('inspections-current')).toContainText('Trường Vinh');
    },
  },
  {
    email: 'duongdaynong@chidao.demo',
    role: 'hotline_officer',
    // The hotline's queues: the demo's two cases waiting for triage, the oldest first.
    first: 'panel-hotline',
    check: async (page) => {
      await expect(page.getByTestId('hotline-figure-triage')).toContainText('Chờ phân loại');
      await expect(page.getByTestId('hotline-to-triage').first()).toBeVisible();
    },
  },
];

for (const r of ROLES) {
  test(`${r.role} (${r.email}) lands on the answer to their first question`, async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await login(page, r.email);
    await expect(firstPanel(page)).toHaveAttribute('data-testid', r.first);
    await r.check(page);
    // No internal key, kind id or English left on the Vietnamese page.
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\b(plan_task|pilot_item|pilot_report|homePage\.|work\.|workflow\.)/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    await shoot(page, r.role);
    await logout(page);
  });
}

test('a focal point reports a task done with an evidence file from the landing page; the standing agency verifies it', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await login(page, 'daumoi.tuphap@chidao.demo');
  const owed = page.getByTestId('panel-owed');
  const item = owed.getByTestId('work-item').filter({ hasText: 'Nhiệm vụ kế hoạch' }).first();
  const title = (await item.getByTestId('work-item-title').innerText()).trim();
  await item.getByTestId('work-item-report_done').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(title);
  await dialog
    .getByTestId('work-action-output')
    .fill('Đã tổ chức 3 lớp bồi dưỡng kỹ năng số cho 120 công chức.');
  await dialog
    .getByTestId('work-action-files')
    .setInputFiles({ name: 'bao-cao-ket-qua.pdf', mimeType: 'application/pdf', buffer: PDF });
  await shot(page, 'home-focal-point-report-dialog', { fullPage: false });
  await dialog.getByTestId('work-action-submit').click();
  // The confirmation says who acts next.
  await expect(page.getByTestId('workflow-done')).toContainText('Tiếp theo:');
  await shot(page, 'home-focal-point-reported', { fullPage: false });
  const reported = owed.getByTestId('work-item').filter({ hasText: title });
  await expect(reported.getByTestId('work-item-report_done')).toHaveCount(0);
  await logout(page);

  await login(page, 'thuongtruc@chidao.demo');
  const review = page.getByTestId('panel-review');
  await expect(review.getByTestId('work-item').first()).toBeVisible();
  if (await review.getByTestId('panel-review-more').isVisible())
    await review.getByTestId('panel-review-more').click();
  const toVerify = review.getByTestId('work-item').filter({ hasText: title });
  await expect(toVerify.getByTestId('work-item-reported')).toContainText('Hoàng Văn Đầu Mối');
  await toVerify.getByTestId('work-item-verify').click();
  const verify = page.getByRole('dialog');
  // What is being verified: the output and the evidence, with a download link.
  await expect(verify.getByTestId('work-action-reported-output')).toContainText('120 công chức');
  const link = verify
    .getByTestId('work-action-reported-files')
    .getByRole('link', { name: 'bao-cao-ket-qua.pdf' });
  await expect(link).toHaveAttribute('href', /\/api\/work\/plan_task\/.+\/files\//);
  const download = await page.request.get(await link.getAttribute('href').then((h) => h!));
  expect(download.status()).toBe(200);
  await shot(page, 'home-standing-verify-dialog', { fullPage: false });
  await verify.getByTestId('work-action-submit').click();
  await expect(page.getByTestId('workflow-done')).toBeVisible();
  await expect(review.getByTestId('work-item').filter({ hasText: title })).toHaveCount(0);
});

test('the standing agency returns a report with a reason from the landing page', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await login(page, 'thuongtruc@chidao.demo');
  await page.setViewportSize(PHONE);
  const review = page.getByTestId('panel-review');
  // A plan task of a unit the other suites do not act on.
  const item = review
    .getByTestId('work-item')
    .filter({ hasText: 'Nhiệm vụ kế hoạch' })
    .filter({ hasText: 'Sở Khoa học và Công nghệ' })
    .first();
  const title = (await item.getByTestId('work-item-title').innerText()).trim();
  await item.getByTestId('work-item-return').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('work-action-reported')).toContainText('Nội dung đơn vị đã báo cáo');
  await dialog.getByTestId('work-action-submit').click();
  await expect(dialog.getByTestId('work-action-reason')).toHaveAttribute('aria-invalid', 'true');
  await dialog
    .getByTestId('work-action-reason')
    .fill('Thiếu tài liệu kiểm chứng: đề nghị bổ sung quyết định ban hành.');
  await shot(page, 'home-standing-return-dialog-phone', { fullPage: false });
  await dialog.getByTestId('work-action-submit').click();
  await expect(page.getByTestId('workflow-done')).toContainText('Tiếp theo:');
  await expect(review.getByTestId('work-item').filter({ hasText: title })).toHaveCount(0);
});

test('a returned item is reported again from its previous report, citing the earlier files', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await login(page, 'daumoi.xaydung@chidao.demo');
  const item = page
    .getByTestId('panel-owed')
    .getByTestId('work-item')
    .filter({ hasText: 'Nội dung chỉ đạo điểm' })
    .filter({ has: page.getByTestId('work-item-reason') })
    .first();
  await item.getByTestId('work-item-report_done').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('work-action-last-reason')).toContainText('Lần trước bị trả lại vì');
  // The previous text is where the new report starts.
  await expect(dialog.getByTestId('work-action-output')).not.toHaveValue('');
  await shot(page, 'home-returned-report-again', { fullPage: false });
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(dialog).toHaveCount(0);
});

test('the cockpit moved to the landing page module: /cockpit still opens it', async ({ page }) => {
  await login(page, 'uyvien@chidao.demo');
  await page.getByTestId('open-cockpit').click();
  await expect(page).toHaveURL(/\/cockpit$/);
  await expect(page.getByTestId('cockpit-unit')).toHaveCount(2);
  await expect(page.getByTestId('cockpit-task').first()).toContainText(/Quá hạn|quá hạn/);
  await expect(page.getByTestId('cockpit-next-report')).toContainText('hạn');
  await page.setViewportSize(PHONE);
  await shot(page, 'home-cockpit-phone');
});

test('the landing page in English names every kind, status and count in English', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await login(page, 'daumoi.tuphap@chidao.demo');
  await page.getByTestId('language-switch').selectOption('en');
  const owed = page.getByTestId('panel-owed');
  await expect(owed.getByRole('heading', { name: 'What my unit owes' })).toBeVisible();
  await expect(owed.getByTestId('panel-owed-overdue')).toContainText('overdue');
  await expect(owed.getByTestId('work-item-kind').filter({ hasText: 'Plan task' }).first()).toBeVisible();
  await expect(owed.getByTestId('work-item-report_done').first()).toHaveText('Report done');
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\b(homePage|work|workflow)\.[a-z]/);
  await shot(page, 'home-focal_point-en');
  await page.getByTestId('language-switch').selectOption('vi');
  await expect(owed.getByRole('heading', { name: 'Việc đơn vị phải làm' })).toBeVisible();
});
