import { expect, test } from '@playwright/test';
import { login, shot } from './helpers.js';

test('switching to English changes the interface and is remembered; switching back restores Vietnamese', async ({
  page,
}) => {
  await login(page, 'daumoi.tuphap@chidao.demo');
  await expect(page.getByTestId('nav-documents')).toHaveText(/Văn bản/);
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('nav-documents')).toHaveText(/Documents/);
  await shot(page, '30-home-en');
  // English texts are fetched only for those who chose English; the first render waits for them, so a reload
  // never shows the Vietnamese navigation first.
  await page.evaluate("sessionStorage.setItem('sawVietnamese', '')");
  await page.addInitScript(`new MutationObserver(() => {
    if (document.querySelector('[data-testid="nav-documents"]')?.textContent?.includes('Văn bản'))
      sessionStorage.setItem('sawVietnamese', 'yes');
  }).observe(document, { childList: true, subtree: true, characterData: true });`);
  await page.reload();
  await expect(page.getByTestId('nav-documents')).toHaveText(/Documents/);
  expect(await page.evaluate("sessionStorage.getItem('sawVietnamese')")).toBe('');
  await page.getByTestId('nav-documents').click();
  await expect(page.getByTestId('documents-table')).toBeVisible();
  await shot(page, '31-documents-en');
  await page.getByTestId('language-switch').selectOption('vi');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByTestId('nav-documents')).toHaveText(/Văn bản/);
});

test('dates are dd/mm/yyyy in the register', async ({ page }) => {
  await login(page, 'daumoi.tuphap@chidao.demo');
  await page.getByTestId('nav-documents').click();
  const row = page.getByTestId('document-row').filter({ hasText: '1830-QĐ/TU' });
  await expect(row).toContainText('06/03/2023');
});
