/** Steps the e2e tests share: logging in and out through the site, reading what the header says. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Waits until `check` passes (playwright-style polling without fixed sleeps). */
export async function eventually(check: () => Promise<void> | void, timeout = 30_000): Promise<void> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      last = error;
    }
    if (Date.now() - started > timeout) throw last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The header's account area. */
export function account(page: Page): Locator {
  return page.locator('.ldm-account');
}

/** Logs out through the header when someone is logged in. */
export async function logoutIfNeeded(page: Page): Promise<void> {
  const button = account(page).getByRole('button', { name: 'Log out' });
  if (await button.isVisible()) {
    await button.click();
    await page.waitForURL(/\/login$/);
    await account(page).getByRole('link', { name: 'Log in' }).waitFor();
  }
}

/** Logs in on the Login view (already open) with Enter in the password field. */
export async function submitLogin(page: Page, who: { user: string; password: string }): Promise<void> {
  await page.locator('input[autocomplete="username"]').fill(who.user);
  await page.locator('input[autocomplete="current-password"]').fill(who.password);
  await page.locator('input[autocomplete="current-password"]').press('Enter');
}

/** Opens /login (logging out first when needed) and logs in as `who`. */
export async function loginAs(page: Page, baseUrl: string, who: { user: string; password: string }): Promise<void> {
  if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/login`);
  await logoutIfNeeded(page);
  if (!/\/login$/.test(page.url())) await page.goto(`${baseUrl}/login`);
  await submitLogin(page, who);
  await account(page).getByText(`Logged in as ${who.user}`).waitFor();
}

/** Clicks a link of the left navigation. */
export async function navTo(page: Page, label: string): Promise<void> {
  await page.locator('ld-nav').getByRole('link', { name: label, exact: true }).click();
}

/** The rows of the first data table inside `scope`. */
export function tableRows(scope: Locator): Locator {
  return scope.locator('ld-data-table').first().locator('tbody tr');
}

/** Text of every row of a table, trimmed. */
export async function rowTexts(rows: Locator): Promise<string[]> {
  return (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

export { expect };
