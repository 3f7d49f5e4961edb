import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from '@playwright/test';
import { DEMO_PASSWORD, login, shot } from './helpers.js';

/**
 * The pages around the dossier dashboard: thresholds and QĐ 766 weights as versions, column mappings,
 * API tokens (shown once), and the Excel export with its progress and download. A few dossiers of their
 * own (a procedure no other spec uses, in August) give the export something to list.
 */
const YEAR = new Date().getFullYear();
const PROC = {
  code: '1.000894',
  name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
  field: 'Chứng thực',
  level: 'province',
  onlineCapability: 'full',
  timeLimitDays: 2,
};
const at = (day: number, time = '09:00') => `${YEAR}-08-${String(day).padStart(2, '0')}T${time}:00+07:00`;

let api: APIRequestContext;

/** Picks the first option of a unit picker whose name ("Sở Tư pháp — Nghệ An", then its kind) holds `option`. */
async function pick(page: Page, testId: string, text: string, option: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await page.getByRole('listbox').getByRole('option', { name: option }).first().click();
}

test.beforeAll(async ({ baseURL }) => {
  api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const signIn = await api.post('/api/auth/login', {
    data: { email: 'thuongtruc@chidao.demo', password: DEMO_PASSWORD },
  });
  expect(signIn.ok(), await signIn.text()).toBe(true);
  const { csrfToken } = (await (await api.get('/api/auth/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const proc = await api.post('/api/dossiers/procedures', { data: PROC, headers });
  expect([201, 409], await proc.text()).toContain(proc.status());
  const units = (await (
    await api.get(`/api/units?q=${encodeURIComponent('Sở Tư pháp')}&asOf=${YEAR}-08-01&kind=department`)
  ).json()) as { items: { id: string; name: string }[] };
  const unitId = units.items.find((u) => u.name === 'Sở Tư pháp')!.id;
  const dossiers = [3, 4, 5, 6, 7, 10, 11, 12].map((day, i) => ({
    code: `E2E-CT-${day}`,
    procedureCode: PROC.code,
    unitId,
    channel: i % 2 ? 'online' : 'in_person',
    receivedAt: at(day),
    resolvedAt: i < 6 ? at(day, '16:00') : null,
    status: i < 6 ? 'resolved' : 'processing',
    digitised: true,
  }));
  const res = await api.post('/api/dossiers/batch', { data: { dossiers }, headers });
  expect(res.ok(), await res.text()).toBe(true);
});

test.afterAll(async () => {
  await api?.dispose();
});

test('the standing agency changes a threshold: a new version, in the history', async ({ page }) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-dossiers.settings').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ngưỡng đánh giá và trọng số QĐ 766');
  await expect(page.getByTestId('settings-current')).toContainText('giá trị mặc định');
  // Unconfirmed maxima and weights are marked.
  await expect(page.getByTestId('group-digitisation').getByTestId('settings-unconfirmed')).toBeVisible();
  await expect(page.getByTestId('settings-max-sum')).toContainText('100');
  await shot(page, '140-dossiers-settings');

  // (Online payment, so that the other dossier specs' on-time legend stays the default.)
  const green = page.getByTestId('threshold-onlinePaymentRate-green');
  await expect(green).toHaveValue('50%');
  await green.fill('55,5');
  await page.getByTestId('settings-note').fill('Nâng ngưỡng thanh toán trực tuyến theo kế hoạch CCHC');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Đã lưu phiên bản 1')).toBeVisible();
  const v1 = page.locator('[data-testid="settings-history-row"][data-version="1"]');
  await expect(v1).toContainText('Nâng ngưỡng thanh toán trực tuyến theo kế hoạch CCHC');
  await expect(v1.getByTestId('settings-in-force')).toBeVisible();
  await expect(page.getByTestId('settings-current')).toContainText('phiên bản 1');
  await expect(page.getByTestId('threshold-onlinePaymentRate-green')).toHaveValue('55,5%');

  // An amber level above green is refused and the field says why.
  await page.getByTestId('threshold-onTimeRate-amber').fill('99');
  await expect(page.getByText('Không được cao hơn mức đạt')).toBeVisible();
  await page.getByTestId('settings-note').fill('Thử sai thứ tự');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('error-alert')).toContainText('Tỷ lệ đúng hạn');
  await shot(page, '141-dossiers-settings-saved');
});

test('a column mapping is created with the default columns and a word of its own', async ({ page }) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-dossiers.mappings').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mẫu cột nhập hồ sơ');
  await page.getByTestId('mapping-new').click();
  await page.getByTestId('mapping-name').fill('Một cửa huyện (cũ)');
  await page.getByTestId('mapping-source').fill('iGate huyện');
  await page.getByTestId('mapping-use-default').click();
  await expect(page.getByTestId('mapping-columns-row')).toHaveCount(19);
  await page.getByTestId('mapping-values-channel-add').click();
  await page.getByTestId('mapping-values-channel').getByTestId('mapping-values-channel-key').fill('Web');
  await page.getByTestId('mapping-values-channel').getByTestId('mapping-values-channel-value').click();
  await page.getByRole('option', { name: 'Trực tuyến (online)' }).click();
  await shot(page, '142-dossiers-mapping-editor', { fullPage: false });
  await page.getByTestId('mapping-save').click();
  await expect(page.getByTestId('mapping-editor')).toHaveCount(0);
  const row = page.locator('[data-testid="mapping-row"][data-name="Một cửa huyện (cũ)"]');
  await expect(row).toContainText('iGate huyện');
  await expect(row).toContainText('19');
  await shot(page, '143-dossiers-mappings');

  // Reopened, it holds what was saved.
  await row.getByTestId('mapping-edit').click();
  await expect(page.getByTestId('mapping-values-channel-key')).toHaveValue('Web');
  await page.keyboard.press('Escape');
});

test('an administrator creates an API token, sees it once, and revokes it', async ({ page }) => {
  await login(page, 'admin@chidao.demo');
  await page.getByTestId('nav-dossiers.tokens').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mã truy cập API');
  await page.getByTestId('token-name').fill('Một cửa tỉnh');
  await page.getByTestId('token-source').fill('Hệ thống thông tin giải quyết TTHC tỉnh');
  await pick(page, 'token-unit', 'Sở Tư pháp', 'Sở Tư pháp — Nghệ An');
  await page.getByTestId('token-create').click();
  await expect(page.getByTestId('token-created')).toBeVisible();
  await expect(page.getByTestId('token-value')).toHaveText(/^chd_[\w-]{40,}$/);
  await expect(page.getByTestId('token-copy')).toBeVisible();
  const token = (await page.getByTestId('token-value').textContent())!;
  await shot(page, '144-dossiers-token-created');

  const row = page.locator('[data-testid="token-row"][data-name="Một cửa tỉnh"]');
  await expect(row).toContainText('Sở Tư pháp');
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).not.toContainText(token.slice(10, 30));
  // Once hidden, it is gone for good.
  await page.getByTestId('token-hide').click();
  await expect(page.getByTestId('token-value')).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(token)).toHaveCount(0);

  await row.getByTestId('token-revoke').click();
  await page.getByTestId('confirm-action').click();
  await expect(row.getByTestId('token-state')).toContainText('Đã thu hồi');
  await shot(page, '145-dossiers-tokens');
});

test('the dashboard exports to Excel in the background: progress, then the download', async ({ page }) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-dossiers').click();
  await expect(page.getByTestId('dossiers-trend')).toBeVisible();
  await shot(page, '146-dossiers-trend-gaps');
  await page.getByTestId('dossiers-export-open').click();
  await expect(page.getByTestId('export-view')).toContainText(`01/01/${YEAR}`);
  await page.getByTestId('export-with-list').click();
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-progress')).toBeVisible();
  const link = page.getByTestId('export-download');
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('export-progress')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('export-progress-bar')).toBeVisible();
  await expect(page.getByTestId('export-list-row').first()).toContainText('Hoàn thành');
  await shot(page, '147-dossiers-export-done', { fullPage: false });

  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^\/api\/dossiers\/exports\/[0-9a-f-]{36}\/download$/);
  const file = await page.request.get(href);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect((await file.body()).subarray(0, 2).toString()).toBe('PK');
});
