import { expect, test, type Page } from '@playwright/test';
import { login, shot } from './helpers.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Desktop and phone width, full page; at phone width nothing may overflow sideways. */
async function bothWidths(page: Page, name: string) {
  await shot(page, name);
  await page.setViewportSize(PHONE);
  // Let the layout settle at the new width (the navigation slides away) before the full-page capture.
  // (Expressions as text: the e2e suite is type-checked without the DOM library.)
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  await page.waitForTimeout(400);
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, 'horizontal overflow at 390 px').toBeLessThanOrEqual(0);
  await shot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

/** Units page as of a quick date ("2024" = 01/06/2024, before the 2025 reorganisation, or today). */
async function openUnits(page: Page, when: '2024' | 'today') {
  await page.getByTestId('nav-units').click();
  await page.getByTestId(when === '2024' ? 'units-asof-2024' : 'units-asof-today').click();
  await expect(page.getByTestId('units-asof')).toHaveValue(
    when === '2024' ? '01/06/2024' : /^\d{2}\/\d{2}\/\d{4}$/,
  );
  await expect(page.getByTestId('units-tree')).toBeVisible();
}

const treeLink = (page: Page, name: string | RegExp) =>
  page.getByTestId('units-tree').getByRole('link', { name });

/** Picks the first option of a searchable picker after typing `text`. */
async function pick(page: Page, testId: string, text: string, option: string | RegExp) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

test('the unit tree as of 01/06/2024 and today, and an accent-insensitive search', async ({ page }) => {
  await login(page, 'uyvien@chidao.demo');
  await openUnits(page, '2024');
  await expect(treeLink(page, /^Sở Kế hoạch và Đầu tư/)).toBeVisible();
  await expect(page.getByTestId('unit-node').first()).toContainText('UBND tỉnh Nghệ An');
  await shot(page, '50-units-2024');

  await openUnits(page, 'today');
  await expect(treeLink(page, /^Sở Nông nghiệp và Môi trường/)).toBeVisible();
  await expect(treeLink(page, /^Sở Kế hoạch và Đầu tư/)).toHaveCount(0);
  await shot(page, '51-units-today');

  await page.getByTestId('units-search').fill('tai chinh');
  await expect(page.getByTestId('units-result').filter({ hasText: 'Sở Tài chính' })).toHaveCount(1);
  await shot(page, '52-units-search');
});

test('Sở Tài chính shows the absorbed Sở Kế hoạch và Đầu tư with its legal basis', async ({ page }) => {
  await login(page, 'uyvien@chidao.demo');
  await page.getByTestId('nav-units').click();
  await page.getByTestId('units-search').fill('tai chinh');
  await page
    .getByTestId('units-result')
    .getByRole('link', { name: /Sở Tài chính/ })
    .click();
  await expect(page.getByTestId('unit-title')).toHaveText(/^Sở Tài chính/);
  await expect(page.getByTestId('unit-current')).toBeVisible();
  const event = page.getByTestId('unit-predecessors').getByTestId('lineage-event');
  await expect(event).toHaveCount(1);
  await expect(event).toContainText('Sáp nhập vào');
  await expect(event).toContainText('01/03/2025');
  await expect(event.getByTestId('legal-basis')).toContainText('45/2025/NĐ-CP');
  await expect(event.getByTestId('legal-basis')).toHaveAttribute('href', /^\/documents\//);
  const link = event.getByTestId('lineage-link');
  await expect(link).toHaveCount(1);
  await expect(link).toContainText('Sở Kế hoạch và Đầu tư');
  // A committee member may not record events.
  await expect(page.getByTestId('unit-record-event')).toHaveCount(0);
  await shot(page, '53-unit-tai-chinh');

  await link.getByRole('link', { name: /Sở Kế hoạch và Đầu tư/ }).click();
  await expect(page.getByTestId('unit-ended')).toContainText('28/02/2025');
  await expect(page.getByTestId('unit-restated')).toContainText('Sở Tài chính');
  await shot(page, '54-unit-ke-hoach-dau-tu');
});

test('districts: Huyện Diễn Châu in 2024, not today, and the communes that continue it', async ({ page }) => {
  await login(page, 'uyvien@chidao.demo');
  const res = await page.request.get('/api/units?asOf=2024-06-01&kind=district&limit=100');
  const districts = ((await res.json()) as { items: unknown[] }).items.length;
  // Nghệ An had 21 district-level units on 1/6/2024: Thị xã Cửa Lò joined Thành phố Vinh on 1/12/2024.
  expect(districts, "the demo seeds Nghệ An's districts and their history from the GSO data").toBe(21);

  await openUnits(page, '2024');
  await expect(treeLink(page, 'Huyện Diễn Châu')).toBeVisible();
  await openUnits(page, 'today');
  await expect(treeLink(page, 'Huyện Diễn Châu')).toHaveCount(0);

  await openUnits(page, '2024');
  await page.getByTestId('units-search').fill('dien chau');
  await page.getByTestId('units-result').getByRole('link', { name: 'Huyện Diễn Châu' }).click();
  await expect(page.getByTestId('unit-title')).toHaveText('Huyện Diễn Châu');
  await expect(page.getByTestId('unit-validity')).toHaveText(
    'Có trước 15/10/2017 (chưa rõ ngày thành lập) – 30/06/2025',
  );
  await expect(page.getByTestId('unit-ended')).toContainText('30/06/2025');
  await expect(page.getByTestId('unit-heirs')).toContainText('Các xã/phường kế thừa địa bàn');
  await expect(page.getByTestId('unit-heir').first()).toBeVisible();
  await expect(page.getByTestId('unit-heirs-table')).toContainText('Xã Diễn Châu');
  await shot(page, '55-unit-dien-chau');
});

test('the administrator records a merger in the UI and sees the new unit with both predecessors', async ({
  page,
}) => {
  await login(page, 'admin@chidao.demo');
  await page.getByTestId('nav-units').click();
  await page.getByTestId('units-record-event').click();
  await expect(page.getByTestId('event-form')).toBeVisible();

  await page.getByTestId('event-kind').click();
  await page.getByRole('option', { name: 'Hợp nhất' }).click();
  const date = page.getByTestId('event-date');
  await date.fill('01/01/2027');
  await date.press('Tab');
  await pick(page, 'event-document', '45/2025', /45\/2025\/NĐ-CP/);
  await expect(page.getByTestId('event-basis-text')).toHaveValue(/^45\/2025\/NĐ-CP/);
  await pick(page, 'event-from', 'cong thuong', /^Sở Công Thương tỉnh Nghệ An/);
  await pick(page, 'event-from', 'khoa hoc', /^Sở Khoa học và Công nghệ tỉnh Nghệ An/);
  // A code already used by another department in the period: the server says so under the field.
  await page.getByTestId('event-new-unit-code').fill('40.taichinh');
  await page.getByTestId('event-new-unit-name').fill('Sở Công Thương và Khoa học');
  await pick(page, 'event-new-unit-parent', 'UBND', /^UBND tỉnh Nghệ An/);
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
  );
  await shot(page, '56-event-form');
  await page.getByTestId('event-save').click();
  await expect(page.getByTestId('error-alert')).toContainText('40.taichinh');
  await expect(page.getByText(/Mã 40\.taichinh đã được dùng/).first()).toBeVisible();
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
  );
  await shot(page, '57-event-error');

  await page.getByTestId('event-new-unit-code').fill('40.ctkh');
  await page.getByTestId('event-save').click();
  await expect(page.getByTestId('unit-title')).toHaveText('Sở Công Thương và Khoa học');
  await expect(page.getByTestId('unit-validity')).toHaveText('Hiệu lực từ 01/01/2027 đến nay');
  const preds = page.getByTestId('unit-predecessors').getByTestId('lineage-link');
  await expect(preds).toHaveCount(2);
  await expect(preds.filter({ hasText: 'Sở Công Thương tỉnh Nghệ An' })).toHaveCount(1);
  await expect(preds.filter({ hasText: 'Sở Khoa học và Công nghệ tỉnh Nghệ An' })).toHaveCount(1);
  const merger = page.getByTestId('unit-predecessors').getByTestId('lineage-event');
  await expect(merger).toHaveCount(1);
  await expect(merger).toContainText('Hợp nhất');
  await expect(merger).toContainText('01/01/2027');
  await shot(page, '58-unit-merged');

  // Before the merger takes effect, the old departments are still in the tree.
  await page.getByTestId('nav-units').click();
  await expect(treeLink(page, /^Sở Công Thương tỉnh/)).toBeVisible();
});

test('a standing officer settles unresolved predecessors: links one on the unit page, dismisses one in the list', async ({
  page,
}) => {
  await login(page, 'thuongtruc@chidao.demo');
  await page.getByTestId('nav-units').click();
  await page.getByTestId('units-unresolved-link').click();
  await expect(page.getByTestId('pager-summary')).toBeVisible();
  await shot(page, '59-unresolved');
  const rows = page.getByTestId('unresolved-row');
  const openCount = async () =>
    (
      (await (await page.request.get('/api/lineage/unresolved?status=open&limit=1')).json()) as {
        total: number;
      }
    ).total;
  const total = await openCount();
  expect(total, 'the GSO data leaves predecessors for a person to settle').toBeGreaterThan(0);

  // "giữ nguyên" (kept as it was) names no predecessor: dismiss the first such row.
  const kept = rows.filter({ hasText: 'giữ nguyên' }).first();
  const keptUnit = (await kept.getByTestId('unit-link').textContent())!;
  await kept.getByTestId('unresolved-dismiss').click();
  await page.getByTestId('unresolved-confirm').click();
  await expect(rows.filter({ hasText: keptUnit })).toHaveCount(0);
  await expect.poll(openCount).toBe(total - 1);

  // The source spells "Xã Thu Thủy"; the unit is "Phường Thu Thuỷ": link it from Phường Cửa Lò's page.
  await page.getByTestId('unresolved-search').fill('thu thuy');
  const thuThuy = rows.filter({ has: page.getByRole('link', { name: 'Phường Cửa Lò', exact: true }) });
  await expect(thuThuy).toHaveCount(1);
  await thuThuy.first().getByRole('link', { name: 'Phường Cửa Lò', exact: true }).click();
  await expect(page.getByTestId('unit-title')).toHaveText('Phường Cửa Lò');
  const item = page.getByTestId('unit-unresolved-row').filter({ hasText: 'Xã Thu Thủy' });
  await item.getByTestId('unresolved-pick').click();
  await pick(page, 'unresolved-predecessor', 'thu thuy', /^Phường Thu Thuỷ/);
  await shot(page, '60-settle-predecessor');
  await page.getByTestId('unresolved-confirm').click();
  await expect(item).toContainText('Đã liên kết');
  await expect(
    page.getByTestId('unit-predecessors').getByTestId('lineage-link').filter({ hasText: 'Phường Thu Thuỷ' }),
  ).toHaveCount(1);
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
  );
  await shot(page, '61-unit-cua-lo');
});

test('history before 2025: 21 districts on 01/06/2024, Thị xã Cửa Lò ended 30/11/2024 under Resolution 1243, an honest start', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await login(page, 'uyvien@chidao.demo');
  await openUnits(page, '2024');
  const districts = page.locator('[data-testid="unit-node"][data-unit-kind="district"]');
  await expect(districts).toHaveCount(21);
  await expect(treeLink(page, 'Thị xã Cửa Lò')).toBeVisible();
  await bothWidths(page, 'units-history-2024-21-districts');

  // 1/1/2025: Cửa Lò is part of Thành phố Vinh.
  const asOf = page.getByTestId('units-asof');
  await asOf.fill('01/01/2025');
  await asOf.press('Tab');
  await expect(districts).toHaveCount(20);
  await expect(treeLink(page, 'Thị xã Cửa Lò')).toHaveCount(0);

  await openUnits(page, '2024');
  await treeLink(page, 'Thị xã Cửa Lò').click();
  await expect(page.getByTestId('unit-title')).toHaveText('Thị xã Cửa Lò');
  await expect(page.getByTestId('unit-validity')).toHaveText(
    'Có trước 15/10/2017 (chưa rõ ngày thành lập) – 30/11/2024',
  );
  await expect(page.getByText('1900')).toHaveCount(0);
  await expect(page.getByTestId('unit-ended')).toContainText('30/11/2024');
  const absorbed = page.getByTestId('unit-successors').getByTestId('lineage-event');
  await expect(absorbed).toHaveCount(1);
  await expect(absorbed).toContainText('01/12/2024');
  await expect(absorbed.getByTestId('legal-basis')).toContainText(
    'Nghị quyết 1243/NQ-UBTVQH15 ngày 24/10/2024',
  );
  await expect(absorbed.getByTestId('lineage-link')).toContainText('Thành phố Vinh');
  await expect(page.getByTestId('unit-restated')).toContainText('Thành phố Vinh');
  await bothWidths(page, 'units-history-cua-lo');

  // A commune merged in the 2019–2020 wave: its end is known only within a window, its successor is open.
  const search = page.getByTestId('units-search');
  await page.getByTestId('nav-units').click();
  await page.getByTestId('units-asof').fill('01/01/2019');
  await page.getByTestId('units-asof').press('Tab');
  await search.fill('que son');
  await page.getByTestId('units-result').getByRole('link', { name: 'Xã Quế Sơn' }).first().click();
  await expect(page.getByTestId('unit-title')).toHaveText('Xã Quế Sơn');
  await expect(page.getByTestId('unit-ended')).toContainText('16/10/2017 – 02/02/2020');
  await expect(page.getByTestId('unit-ended-by')).toContainText(
    'trong khoảng 16/10/2017 – 02/02/2020 (chưa rõ ngày chính xác)',
  );
  await expect(page.getByTestId('unit-unresolved')).toContainText('Chưa rõ đơn vị kế thừa Xã Quế Sơn');
  await shot(page, 'units-history-que-son-window');
});
