import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'chidao-demo';
const SHOTS = path.resolve('e2e/screenshots');

/** Saves a full-page screenshot under e2e/screenshots/<name>.png (looked at by people, kept by CI). */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  // Drawers and dialogs: the viewport only, so that what is open is readable.
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: options.fullPage ?? true });
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

export async function logout(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
}

/** The navigation sections shown, by their test ids (nav-<section>). */
export async function navSections(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="nav-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(4)));
  return ids;
}

/** Types a date (dd/mm/yyyy) into a date field and leaves it. */
export async function fillDate(page: Page, testId: string, value: string) {
  const field = page.getByTestId(testId);
  await field.fill(value);
  await field.press('Tab');
}

/** Picks `option` in a Mantine select. */
export async function choose(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('listbox').getByRole('option', { name: option }).first().click();
}
