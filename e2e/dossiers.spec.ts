import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, login, shot } from './helpers.js';

/**
 * The dossier dashboard: KPI cards → a unit → a procedure → its dossiers, on a small set created through
 * the ingest API (POST /api/dossiers/batch) as the standing officer.
 */
const YEAR = new Date().getFullYear();
const PROC_A = {
  code: '1.004227',
  name: 'Cấp phiếu lý lịch tư pháp cho công dân Việt Nam',
  field: 'Lý lịch tư pháp',
  level: 'province',
  onlineCapability: 'full',
  timeLimitDays: 10,
};
const PROC_B = {
  code: '1.009972',
  name: 'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt',
  field: 'Hoạt động xây dựng',
  level: 'province',
  onlineCapability: 'partial',
  timeLimitDays: 3,
};
// Working days of September (after the National Day holiday): two dossiers a day.
const SEPT_DAYS = [8, 9, 10, 11, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25, 28, 29, 30];
const at = (month: number, day: number, time = '09:00') =>
  `${YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${time}:00+07:00`;

let api: APIRequestContext;

async function unitId(name: string) {
  const res = await api.get(
    `/api/units?q=${encodeURIComponent(name)}&asOf=${YEAR}-09-01&kind=department&limit=50`,
  );
  const found = ((await res.json()) as { items: { id: string; name: string }[] }).items.find(
    (u) => u.name === name,
  );
  if (!found) throw new Error(`unit ${name} not found`);
  return found.id;
}

test.beforeAll(async ({ baseURL }) => {
  api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const signIn = await api.post('/api/auth/login', {
    data: { email: 'thuongtruc@chidao.demo', password: DEMO_PASSWORD },
  });
  expect(signIn.ok(), await signIn.text()).toBe(true);
  const { csrfToken } = (await (await api.get('/api/auth/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  for (const p of [PROC_A, PROC_B]) {
    const res = await api.post('/api/dossiers/procedures', { data: p, headers });
    expect([201, 409], await res.text()).toContain(res.status());
  }
  const tuphap = await unitId('Sở Tư pháp');
  const xaydung = await unitId('Sở Xây dựng');
  const dossiers: Record<string, unknown>[] = [];
  SEPT_DAYS.forEach((day, i) => {
    for (const n of [1, 2]) {
      const late = i < 2 && n === 1; // E2E-TP-08-1 and E2E-TP-09-1: resolved at the end of October
      dossiers.push({
        code: `E2E-TP-${String(day).padStart(2, '0')}-${n}`,
        procedureCode: PROC_A.code,
        unitId: tuphap,
        channel: n === 2 ? 'online' : 'in_person',
        receivedAt: at(9, day),
        resolvedAt: late ? at(10, 30, '15:00') : at(9, day, '16:00'),
        status: 'resolved',
        digitised: n === 2,
        eResult: n === 2,
        feePayable: true,
        paidOnline: n === 2,
        rating: n === 2 ? 'very_satisfied' : null,
      });
    }
  });
  for (const day of [1, 2, 5])
    dossiers.push({
      code: `E2E-XD-${day}`,
      procedureCode: PROC_B.code,
      unitId: xaydung,
      channel: 'in_person',
      receivedAt: at(10, day),
      status: 'processing',
    });
  const res = await api.post('/api/dossiers/batch', { data: { dossiers }, headers });
  expect(res.ok(), await res.text()).toBe(true);
});

test.afterAll(async () => {
  await api?.dispose();
});

test('KPI cards → a unit → a procedure → its dossiers, page by page', async ({ page }) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-dossiers').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hồ sơ thủ tục hành chính');
  await expect(page.getByTestId('dossiers-period-shown')).toContainText(
    `Từ ngày 01/01/${YEAR} đến ngày 31/12/${YEAR}`,
  );
  // Vietnamese formats: two decimals with a comma.
  await expect(page.getByTestId('dossiers-kpi-onTimeRate-value')).toHaveText(/^\d{1,3},\d{2}%$/);
  await expect(page.getByTestId('dossiers-kpi-onlineRate-value')).toHaveText(/^\d{1,3},\d{2}%$/);
  await expect(page.getByTestId('dossiers-qd766-provisional')).toBeVisible();
  await expect(page.getByTestId('dossiers-trend')).toBeVisible();
  await expect(page.getByTestId('dossiers-legend')).toContainText('98,00%');
  await shot(page, '130-dossiers-province');

  // A KPI card opens the dossiers behind its numerator.
  await page.getByTestId('dossiers-kpi-lateRate').getByRole('button').click();
  await expect(page.getByTestId('drill-drawer').getByTestId('drill-row').first()).toBeVisible();
  await expect(
    page.getByTestId('drill-drawer').locator('[data-testid="drill-row"][data-code="E2E-TP-08-1"]'),
  ).toBeVisible();
  await expect(
    page.getByTestId('drill-drawer').locator('[data-testid="drill-row"][data-code="E2E-XD-1"]'),
  ).toBeVisible();
  await shot(page, '131-dossiers-late-drawer', { fullPage: false });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('drill-drawer').getByTestId('drill-row')).toHaveCount(0);

  // Province → Sở Tư pháp.
  await page
    .getByTestId('dossiers-unit-table-row')
    .filter({ hasText: 'Sở Tư pháp' })
    .getByTestId('dossiers-unit-table-pick')
    .click();
  await expect(page.getByTestId('dossiers-crumb-unit')).toContainText('Sở Tư pháp');
  const procRow = page.getByTestId('dossiers-procedure-table-row').filter({ hasText: PROC_A.name });
  await expect(procRow).toBeVisible();
  await shot(page, '132-dossiers-unit');

  // → the procedure: its dossiers, 25 a page.
  await procRow.getByTestId('dossiers-procedure-table-pick').click();
  await expect(page.getByTestId('dossiers-crumb-procedure')).toHaveText(PROC_A.name);
  await expect(page.getByTestId('drill-count')).toContainText('34 hồ sơ');
  await expect(page.getByTestId('drill-row')).toHaveCount(25);
  await expect(page.getByTestId('drill-row').first()).toContainText(`08/09/${YEAR}`);
  await expect(page.getByTestId('drill-row').first()).toContainText('E2E-TP-08-1');
  await shot(page, '133-dossiers-procedure-list');
  await page.getByTestId('drill-next').click();
  await expect(page.getByTestId('drill-page')).toHaveText('Trang 2');
  await expect(page.getByTestId('drill-row')).toHaveCount(9);
  await page.getByTestId('drill-prev').click();
  await expect(page.getByTestId('drill-row')).toHaveCount(25);

  // Another class of the same cell: the late ones.
  await page.getByTestId('drill-class').click();
  await page.getByRole('option', { name: 'Trễ hạn', exact: true }).click();
  await expect(page.getByTestId('drill-count')).toContainText('2 hồ sơ');
  await expect(page.getByTestId('drill-row').first()).toContainText('Trễ hạn');
  await shot(page, '134-dossiers-procedure-late');

  // Back to the province with the breadcrumb; a quarter with nothing in it.
  await page.getByTestId('dossiers-crumb-province').click();
  await page.getByTestId('dossiers-period-kind').getByText('Quý').click();
  await page.getByTestId('dossiers-period-quarter').click();
  await page.getByRole('option', { name: 'Quý 1' }).click();
  await expect(page.getByTestId('dossiers-period-shown')).toContainText(
    `Từ ngày 01/01/${YEAR} đến ngày 31/03/${YEAR}`,
  );
  await page.getByTestId('dossiers-restate').click();
  await expect(page.getByTestId('dossiers-kpis')).toBeVisible();

  // The quarter's report counts from the previous cut-off (Nghị định 09/2019/NĐ-CP, Điều 12).
  await page.getByTestId('dossiers-report-window').click();
  await expect(page.getByTestId('dossiers-period-shown')).toContainText(
    `Từ ngày 15/12/${YEAR - 1} đến ngày 14/03/${YEAR}`,
  );
  await expect(page.getByTestId('dossiers-report-window-note')).toContainText('Nghị định 09/2019/NĐ-CP');
  await shot(page, '136-dossiers-report-window');
});

test('a focal point sees only their own department, named as such (not "Toàn tỉnh")', async ({ page }) => {
  await login(page, 'daumoi.tuphap@chidao.demo');
  await page.getByTestId('nav-dossiers').click();
  await expect(page.getByTestId('dossiers-unit-table-row').first()).toBeVisible();
  await expect(page.getByTestId('dossiers-unit-table-row')).toHaveCount(1);
  await expect(page.getByTestId('dossiers-unit-table-row')).toContainText('Sở Tư pháp');
  await expect(page.getByTestId('dossiers-crumb-province')).toContainText('Sở Tư pháp');
  await expect(page.getByTestId('dossiers-crumb-province')).not.toContainText('Toàn tỉnh');
  await expect(page.getByTestId('dossiers-scope-label')).toContainText('Số liệu của Sở Tư pháp');
  await shot(page, '135-dossiers-focal-point');
});

test('the ranking: QĐ 766 order with ties, units without dossiers last, sorted by a column; figures by online level', async ({
  page,
}) => {
  // Two departments with the same figures (a tie), and one whose only dossier is of last year.
  const { csrfToken } = (await (await api.get('/api/auth/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const noiVu = await unitId('Sở Nội vụ');
  const congThuong = await unitId('Sở Công Thương');
  const yTe = await unitId('Sở Y tế');
  const same = (code: string, unit: string, day: number, channel: string) => ({
    code,
    procedureCode: PROC_A.code,
    unitId: unit,
    channel,
    receivedAt: at(9, day),
    resolvedAt: at(9, day, '16:00'),
    status: 'resolved',
  });
  const res = await api.post('/api/dossiers/batch', {
    data: {
      dossiers: [
        same('E2E-NV-1', noiVu, 8, 'online'),
        same('E2E-NV-2', noiVu, 9, 'in_person'),
        same('E2E-CT-1', congThuong, 8, 'online'),
        same('E2E-CT-2', congThuong, 9, 'in_person'),
        {
          code: 'E2E-YT-1',
          procedureCode: PROC_A.code,
          unitId: yTe,
          channel: 'in_person',
          receivedAt: `${YEAR - 1}-09-08T09:00:00+07:00`,
          resolvedAt: `${YEAR - 1}-09-08T16:00:00+07:00`,
          returnedAt: `${YEAR - 1}-09-09T09:00:00+07:00`,
          status: 'returned',
        },
      ],
    },
    headers,
  });
  expect(res.ok(), await res.text()).toBe(true);

  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-dossiers').click();
  await expect(page.getByTestId('dossiers-scope-label')).toHaveText('Số liệu toàn tỉnh');
  const rows = page.getByTestId('dossiers-unit-table-row');
  await expect(rows.first()).toBeVisible();
  // Default order: the rank (QĐ 766 share, then on-time, then online rate); ties share it.
  await expect(page.getByTestId('dossiers-unit-table-th-rank')).toHaveAttribute('aria-sort', 'ascending');
  const noiVuRow = rows.filter({ hasText: 'Sở Nội vụ' });
  const congThuongRow = rows.filter({ hasText: 'Sở Công Thương' });
  const rankOf = async (row: typeof rows) => row.getAttribute('data-rank');
  expect(await rankOf(noiVuRow)).toBe(await rankOf(congThuongRow));
  await expect(noiVuRow.getByTestId('dossiers-unit-table-tied')).toBeVisible();
  // Sở Y tế: nothing this year — last, no rank, said in words instead of "0 / 0".
  await expect(rows.last()).toContainText('Sở Y tế');
  await expect(rows.last().getByTestId('dossiers-unit-table-no-dossiers')).toHaveText(
    'Chưa có hồ sơ trong kỳ',
  );
  await expect(rows.last()).not.toContainText('0/0');
  expect(await rankOf(rows.last())).toBe('');
  // Figures by online level: the full-process procedure's dossiers, the partial one's (all in person).
  await expect(page.getByTestId('dossiers-levels')).toBeVisible();
  await expect(page.getByTestId('dossiers-level-rate-partial')).toHaveText('0,00%');
  await expect(page.getByTestId('dossiers-level-rate-full')).toHaveText(/^\d{1,3},\d{2}%$/);
  await page.getByTestId('dossiers-levels').scrollIntoViewIfNeeded();
  await shot(page, '138-dossiers-levels');

  // Sorted by the online rate, highest first; Sở Y tế (no rate) stays last.
  await page.getByTestId('dossiers-unit-table-sort-onlineRate').click();
  await expect(page.getByTestId('dossiers-unit-table-th-onlineRate')).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(rows.first()).not.toContainText('Sở Xây dựng');
  await expect(rows.last()).toContainText('Sở Y tế');
  await page.getByTestId('dossiers-unit-table').scrollIntoViewIfNeeded();
  await shot(page, '139-dossiers-ranking-sorted');

  // On a phone: the same table scrolls sideways with its cue; the level figures too.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('dossiers-unit-table-scroll')).toBeVisible();
  await page.getByTestId('dossiers-unit-table').scrollIntoViewIfNeeded();
  await shot(page, '139-dossiers-ranking-sorted-phone', { fullPage: false });
  await page.getByTestId('dossiers-levels').scrollIntoViewIfNeeded();
  await shot(page, '138-dossiers-levels-phone', { fullPage: false });
});

test('a standing officer imports a one-stop CSV: a bad row is reported and nothing written, then the fixed file imports', async ({
  page,
}) => {
  const units = (await (
    await api.get(`/api/units?q=${encodeURIComponent('Sở Tư pháp')}&kind=department&limit=10`)
  ).json()) as {
    items: { code: string; name: string; validTo: string | null }[];
  };
  const code = units.items.find((u) => u.name === 'Sở Tư pháp' && !u.validTo)!.code;
  const header =
    'Mã hồ sơ,Mã TTHC,Mã đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Hình thức nộp,Trạng thái,Số hóa';
  const row = (i: number, received: string) =>
    `CSV-E2E-${i},${PROC_A.code},${code},${received},,,Trực tuyến,Đang xử lý,Có`;
  const bad = [
    header,
    row(1, `05/10/${YEAR} 09:00`),
    row(2, '31/02/2025 09:00'),
    row(3, `06/10/${YEAR} 09:00`),
  ].join('\n');
  const good = [
    header,
    row(1, `05/10/${YEAR} 09:00`),
    row(2, `07/10/${YEAR} 09:00`),
    row(3, `06/10/${YEAR} 09:00`),
  ].join('\n');

  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-dossiers').click();
  await page.getByTestId('dossiers-import-link').click();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'mot-cua-loi.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-failed')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-errors')).toContainText('3');
  await shot(page, '136-dossiers-import-errors');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'mot-cua.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
  await shot(page, '137-dossiers-import-done');
  const found = await api.get('/api/dossiers/by-code/CSV-E2E-2');
  expect(found.status()).toBe(200);
});

test('the procedure catalogue: a file with the online level and publication, then a change in place', async ({
  page,
}) => {
  const csv = [
    'Mã TTHC,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Thời hạn giải quyết,Mức độ DVC,Công khai',
    '1.008801,Đăng ký kết hôn,Hộ tịch,Cấp xã,3,Toàn trình,Có',
    '1.008802,Cấp bản sao trích lục hộ tịch,Hộ tịch,Cấp xã,1,Mức độ 3,Không',
  ].join('\n');
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-dossiers').click();
  await page.getByTestId('dossiers-procedures-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh mục thủ tục hành chính');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'danh-muc.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('procedures-import').click();
  await expect(page.getByText('Đã nhập danh mục: 2 thủ tục mới')).toBeVisible();
  const row = page.locator('[data-testid="procedures-table-row"][data-code="1.008802"]');
  await page.getByTestId('procedures-search').fill('trich luc');
  await expect(row).toBeVisible();
  await expect(row.getByTestId('procedure-level')).toHaveValue('Một phần');
  await expect(row.getByTestId('procedure-published')).toHaveValue('Chưa công khai');
  await row.getByTestId('procedure-published').click();
  await page.getByRole('option', { name: 'Đã công khai' }).click();
  await expect(page.getByText('Đã lưu thủ tục 1.008802.')).toBeVisible();
  await expect(row.getByTestId('procedure-published')).toHaveValue('Đã công khai');
  await page.getByTestId('procedures-search').fill('');
  await shot(page, '140-dossiers-procedure-catalogue');
});
