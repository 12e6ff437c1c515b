/**
 * Issue 4 end to end: the real manager server and a real emulator (demo seed, administrative
 * security on) driven through Debian's Chromium. Tests run in order on one page, as a person
 * would work through the views.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ADMIN_PASSWORD, startEmulator, type RunningEmulator } from '@licensedesk/emulator';
import { NotFoundError, type LicenseServerClient } from '@licensedesk/sdk';
import type { Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { account, eventually, loginAs, logoutIfNeeded, navTo, rowTexts, submitLogin, tableRows } from './helpers.js';
import { ADMIN, READER, adminClient, screenshot, startStack, type Stack } from './stack.js';

let stack: Stack;
let page: Page;
let admin: LicenseServerClient;

async function putSettings(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${stack.manager.url}/manager-api/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  stack = await startStack();
  page = stack.page;
  admin = await adminClient(stack.emulator);
  await admin.users.create({ name: READER.user, password: READER.password, roles: ['ROLE_READ'] });
  await admin.users.create({ name: 'operator', password: 'E2e-Operator-Pass1!', roles: ['ROLE_OFFLINE'] });
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await screenshot(page, `failed-${context.task.name.replace(/\W+/g, '-').slice(0, 60)}`);
});

afterAll(async () => {
  await stack?.close();
});

describe('opening the manager', () => {
  it('opens on Login when the license server wants credentials, with the password field reachable from the document (C31)', async () => {
    await page.goto(stack.url('/'));
    await page.waitForURL(/\/login$/);
    await page.locator('ld-login-form input[type="password"]').waitFor();
    const found = await page.evaluate(() => {
      const input = document.querySelector('input[autocomplete="current-password"]');
      return input ? { type: input.getAttribute('type'), name: input.getAttribute('name') } : null;
    });
    expect(found).toEqual({ type: 'password', name: 'password' });
    expect(await page.evaluate(() => document.querySelector('input[autocomplete="username"]') !== null)).toBe(true);
    await expect(page.title()).resolves.toMatch(/^Login/);
    await screenshot(page, 'login');
  });

  it('logs in when Enter is pressed in the password field, sending one authorize request (C31)', async () => {
    const authorize: Request[] = [];
    const listener = (request: Request) => {
      if (request.url().endsWith('/authorize')) authorize.push(request);
    };
    page.on('request', listener);
    const headerBefore = await page.locator('.ldm-header').boundingBox();
    await submitLogin(page, ADMIN);
    await account(page).getByText(`Logged in as ${ADMIN.user}`).waitFor();
    // Without ?next the login goes on to About instead of staying on a "Logged in" page.
    await page.waitForURL(/\/about$/);
    page.off('request', listener);
    // The header keeps its height when the Log in link becomes the user's name and Log out.
    const headerAfter = await page.locator('.ldm-header').boundingBox();
    expect(headerAfter?.height).toBe(headerBefore?.height);
    expect(authorize).toHaveLength(1);
    expect(authorize[0]!.method()).toBe('POST');
    // The token is kept for this tab only.
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toContain('licensedesk.manager.token');
    await expect(account(page).getByRole('button', { name: 'Log out' }).isVisible()).resolves.toBe(true);
  });

  it('opens on About when the license server allows reads without a login', async () => {
    await admin.settings.update({ 'security.anonymous': true });
    try {
      const fresh = await stack.context.newPage();
      await fresh.goto(stack.url('/'));
      await fresh.waitForURL(/\/about$/);
      await fresh.locator('ld-about-panel [part="server-status"]').waitFor();
      await fresh.close();
    } finally {
      await admin.settings.update({ 'security.anonymous': false });
    }
  });
});

describe('About', () => {
  it('shows the manager build, the license server version and status, and the browser', async () => {
    await navTo(page, 'About');
    await page.waitForURL(/\/about$/);
    const panel = page.locator('ld-about-panel');
    await expect(panel.locator('[part="server-status"]').innerText()).resolves.toBe('RUNNING');
    const text = await panel.locator('[part="base"]').innerText();
    expect(text).toContain('LicenseDesk Manager');
    expect(text).toContain(`http://127.0.0.1:${stack.emulator.port}`);
    // The license server's address comes from the Settings, not from the relay the page talks to.
    const address = await panel.locator('dt', { hasText: /^Address$/ }).first().evaluate((dt) => dt.nextElementSibling?.textContent?.trim());
    expect(address).toBe(`http://127.0.0.1:${stack.emulator.port}`);
    expect(text).not.toContain(stack.manager.url);
    expect(text).toMatch(/User agent/);
    expect(text).toMatch(/Chrome|Chromium/);
    await screenshot(page, 'about');

    // Opened directly, About asks for the server's health once: the request that starts before the
    // page's code has loaded is the one the element uses.
    const fresh = await stack.context.newPage();
    const health: string[] = [];
    fresh.on('request', (request) => {
      if (request.url().endsWith('/health')) health.push(request.url());
    });
    await fresh.goto(stack.url('/about'));
    await expect(fresh.locator('ld-about-panel [part="server-status"]').innerText()).resolves.toBe('RUNNING');
    expect(health).toHaveLength(1);
    await fresh.close();
    // The default theme follows the system's dark setting.
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 27, 34)');
    await screenshot(page, 'about-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('Settings', () => {
  it('explains an lmgrd address (C15), warns about plain http to another machine (C19) and saves what survives a reload', async () => {
    await navTo(page, 'Settings');
    await page.waitForURL(/\/settings$/);
    const form = page.locator('ld-settings-form');
    const host = form.locator('input[name="host"]');
    await expect(host.inputValue()).resolves.toBe('127.0.0.1');
    // The probe says what it found at the configured address.
    await page.locator('.ldm-probe-result').getByText(/Found a FlexNet Embedded license server/).waitFor();

    // C15: port@host is an lmgrd address.
    await host.fill('8224@licsrv');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText(/lmgrd/).first().waitFor();
    await expect(form.locator('input[name="host"]').getAttribute('aria-invalid')).resolves.toBe('true');

    // A host the server refuses (the form itself lets it through): what was typed stays, with the reason.
    await host.fill('300.1.1.1');
    await form.getByRole('button', { name: 'Save' }).click();
    await eventually(async () => expect(await form.getAttribute('state')).toBe('error'));
    await expect(host.inputValue()).resolves.toBe('300.1.1.1');

    // C19: plain http to a host that is not this machine.
    await host.fill('10.0.0.5');
    await form.locator('[part="warning"]').getByText(/unencrypted/).waitFor();
    await screenshot(page, 'settings-warning');

    // Save real values: page size 25 and device drop allowed.
    await host.fill('127.0.0.1');
    await expect(form.locator('[part="warning"]').count()).resolves.toBe(0);
    await form.locator('input[name="pageSize"]').fill('25');
    await form.getByRole('group', { name: /Allow Device Drop/ }).getByLabel('Yes').check();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Settings saved.').waitFor();
    await page.locator('.ldm-probe-result').getByText(/Found a FlexNet Embedded license server/).waitFor();
    await screenshot(page, 'settings');

    await page.reload();
    await expect(page.locator('ld-settings-form input[name="pageSize"]').inputValue()).resolves.toBe('25');
    await expect(page.locator('ld-settings-form').getByRole('group', { name: /Allow Device Drop/ }).getByLabel('Yes').isChecked()).resolves.toBe(true);
    const stored = (await (await fetch(`${stack.manager.url}/manager-api/settings`)).json()) as Record<string, unknown>;
    expect(stored).toMatchObject({ pageSize: 25, allowDeviceDrop: true, licenseServerHost: '127.0.0.1', licenseServerPort: stack.emulator.port });
    // The session survived the reload (the token is kept in sessionStorage).
    await account(page).getByText(`Logged in as ${ADMIN.user}`).waitFor();
  });
});

describe('Features', () => {
  it('lists features, searches by exact name, clears, shows both tabs and opens a feature with its served devices', async () => {
    await navTo(page, 'Features');
    await page.waitForURL(/\/features$/);
    const table = page.locator('ld-features-table');
    const rows = tableRows(table);
    await rows.first().waitFor();
    const all = await rowTexts(rows);
    expect(all.length).toBeGreaterThan(5);
    expect(all.some((row) => row.startsWith('f1 1.0'))).toBe(true);
    await screenshot(page, 'features');

    // Search By: Feature matches the exact, complete name.
    await table.locator('[part="search-input"]').fill('f1');
    await table.locator('[part="search-button"]').click();
    await eventually(async () => {
      const found = await rowTexts(rows);
      expect(found.length).toBe(2);
      expect(found.every((row) => row.startsWith('f1 '))).toBe(true);
    });
    // Summary (C09): f1 1.0 adds up its records: 10 permanent + 5 dated; the last expiry is Permanent (C10).
    const f1 = (await rowTexts(rows)).find((row) => row.startsWith('f1 1.0'));
    expect(f1).toMatch(/^f1 1\.0 15 /);
    expect(f1).toMatch(/\d{4}-\d{2}-\d{2} Permanent /);

    await table.getByRole('tab', { name: 'Details' }).click();
    await eventually(async () => expect(await rowTexts(rows)).toHaveLength(3));
    await screenshot(page, 'features-details-tab');

    // The tab and the search are in the address: a reload shows the same, Back the step before.
    await page.waitForURL(/\/features\?feature=f1&view=details$|\/features\?view=details&feature=f1$/);
    await page.reload();
    await eventually(async () => expect(await rowTexts(rows)).toHaveLength(3));
    await expect(table.getByRole('tab', { name: 'Details' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(table.locator('[part="search-input"]').inputValue()).resolves.toBe('f1');
    await page.goBack();
    await page.waitForURL(/\/features\?feature=f1$/);
    await eventually(async () => expect(await table.getByRole('tab', { name: 'Summary' }).getAttribute('aria-selected')).toBe('true'));
    await eventually(async () => expect(await rowTexts(rows)).toHaveLength(2));
    await page.goForward();
    await eventually(async () => expect(await rowTexts(rows)).toHaveLength(3));

    await table.locator('[part="clear-button"]').click();
    await eventually(async () => expect((await rowTexts(rows)).length).toBeGreaterThan(3));
    await table.getByRole('tab', { name: 'Summary' }).click();
    await eventually(async () => expect((await rowTexts(rows)).length).toBe(all.length));

    // C10: 2099-01-01 is a date, not "Permanent".
    expect(all.find((row) => row.startsWith('modélisation'))).toMatch(/2099-01-01 2099-01-01/);

    // C13: a 2,000-character vendor string is shortened without breaking the layout, and shown whole on request.
    await rows.filter({ hasText: 'export-pdf' }).first().click();
    await page.waitForURL(/\/features\/\d+$/);
    const long = page.locator('ld-feature-details');
    await long.locator('[part="expand-button"]').getByText('Show all (2000 characters)').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await long.locator('[part="expand-button"]').click();
    expect((await long.locator('[part="vendor-string"]').innerText()).length).toBe(2000);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.goBack();
    await page.waitForURL(/\/features$/);
    await rows.first().waitFor();

    // Open f1 2.0: it is served to devices.
    const f1v2 = (await rowTexts(rows)).findIndex((row) => row.startsWith('f1 2.0'));
    expect(f1v2).toBeGreaterThanOrEqual(0);
    await rows.nth(f1v2).click();
    await page.waitForURL(/\/features\/\d+$/);
    const details = page.locator('ld-feature-details');
    await details.locator('[part="heading"]').getByText('f1').waitFor();
    const served = details.locator('[part="served-devices"] ld-data-table tbody tr');
    await served.first().waitFor();
    expect(await served.count()).toBeGreaterThan(0);
    await screenshot(page, 'feature-details');

    // The browser's back button returns to the list; forward to the feature again.
    const featureUrl = page.url();
    await page.goBack();
    await page.waitForURL(/\/features$/);
    await rows.first().waitFor();
    await page.goForward();
    await page.waitForURL(featureUrl);
    await details.locator('[part="served-devices"] ld-data-table tbody tr').first().waitFor();

    // A deep link opens the same page directly.
    await page.goto(featureUrl);
    await page.locator('ld-feature-details [part="served-devices"] ld-data-table tbody tr').first().waitFor();
    await page.locator('ld-feature-details').getByRole('button', { name: /Back to list/ }).click();
    await page.waitForURL(/\/features$/);
  });
});

describe('Devices', () => {
  it('pages through the devices, opens one, drops it when Settings allow it, and does not offer it otherwise', async () => {
    await navTo(page, 'Devices');
    await page.waitForURL(/\/devices$/);
    const table = page.locator('ld-devices-table');
    const rows = tableRows(table);
    await rows.first().waitFor();
    // Page size 25 from Settings.
    await eventually(async () => expect(await rows.count()).toBe(25));
    const total = await admin.devices.list().getPage(1, 1);
    await table.locator('[part="total"]').getByText(`Total records: ${total.total}`).waitFor();
    const first = await rowTexts(rows);
    await screenshot(page, 'devices');

    await table.getByRole('button', { name: 'Page 2', exact: true }).click();
    await page.waitForURL(/\/devices\?page=2$/);
    await eventually(async () => expect((await rowTexts(rows))[0]).not.toBe(first[0]));
    const second = await rowTexts(rows);
    expect(second.some((row) => first.includes(row))).toBe(false);

    // Paging adds history entries: Back shows page 1 of Devices again, Forward page 2.
    await page.goBack();
    await page.waitForURL(/\/devices$/);
    await eventually(async () => expect((await rowTexts(rows))[0]).toBe(first[0]));
    await page.goForward();
    await page.waitForURL(/\/devices\?page=2$/);
    await eventually(async () => expect((await rowTexts(rows))[0]).toBe(second[0]));

    // Open the first device of page 2.
    const hostid = second[0]!.split(' ')[0]!;
    await rows.first().click();
    await page.waitForURL(/\/devices\/\d+$/);
    const deviceUrl = page.url();
    const id = Number(deviceUrl.split('/').pop());
    const details = page.locator('ld-device-details');
    await details.getByText(hostid).first().waitFor();
    await details.getByRole('heading', { name: 'Consumed Features' }).waitFor();
    await screenshot(page, 'device-details');

    // Back returns to page 2 of the list.
    await page.goBack();
    await page.waitForURL(/\/devices\?page=2$/);
    await eventually(async () => expect((await rowTexts(rows))[0]).toBe(second[0]));

    await page.goForward();
    await page.waitForURL(deviceUrl);
    await details.locator('[part="drop-button"]').click();
    await details.locator('[part="dialog"]').getByText('Drop this device?').waitFor();
    await screenshot(page, 'device-drop-confirm');
    await details.locator('[part="confirm-button"]').click();
    await eventually(async () => {
      await expect(admin.devices.get(id)).rejects.toBeInstanceOf(NotFoundError);
    });

    // With device drop not allowed, the control is not offered.
    await putSettings({ allowDeviceDrop: false });
    const other = (await admin.devices.list().getPage(1, 1)).items[0]!;
    await page.goto(stack.url(`/devices/${other.id}`));
    await details.getByText(other.hostid.hostidValue).first().waitFor();
    await details.locator('[part="consumed-features"]').waitFor();
    expect(await details.locator('[part="drop-button"]').count()).toBe(0);
    await putSettings({ allowDeviceDrop: true });
  });
});

describe('Properties', () => {
  it('edits and saves a property, which is still there after a reload', async () => {
    await navTo(page, 'Properties');
    await page.waitForURL(/\/properties$/);
    const editor = page.locator('ld-properties-editor');
    const input = editor.locator('input[data-setting="server.name"]');
    await input.waitFor();
    await input.fill('Emulator under test');
    await editor.locator('[part="save-button"]').click();
    await eventually(async () => {
      const settings = await admin.settings.list();
      expect(settings.find((s) => s.name === 'server.name')?.value).toBe('Emulator under test');
    });
    await screenshot(page, 'properties');
    await page.reload();
    await expect(page.locator('ld-properties-editor input[data-setting="server.name"]').inputValue()).resolves.toBe('Emulator under test');
  });
});

describe('roles and credentials', () => {
  it('shows "access denied" to a user without the role, and a read-only user gets no edit controls (C22)', async () => {
    await loginAs(page, stack.manager.url, { user: 'operator', password: 'E2e-Operator-Pass1!' });
    await navTo(page, 'Features');
    const status = page.locator('ld-features-table ld-status');
    await status.getByText('Access denied', { exact: true }).waitFor();
    await status.getByText(/may not view the features/).waitFor();
    await screenshot(page, 'access-denied');

    await loginAs(page, stack.manager.url, READER);
    await navTo(page, 'Properties');
    const editor = page.locator('ld-properties-editor');
    await editor.getByText(/Changing them needs an administrator login/).waitFor();
    expect(await editor.locator('input[data-setting="server.name"]').count()).toBe(0);
    expect(await editor.locator('[part="save-button"]').count()).toBe(0);

    // Device drop is allowed in Settings, but the reader lacks ROLE_DROPCLIENT.
    const device = (await admin.devices.list().getPage(1, 1)).items[0]!;
    await page.goto(stack.url(`/devices/${device.id}`));
    await page.locator('ld-device-details [part="consumed-features"]').waitFor();
    expect(await page.locator('ld-device-details [part="drop-button"]').count()).toBe(0);
  });

  it('warns on the Login view before credentials go over plain http to another machine (C19)', async () => {
    await putSettings({ licenseServerHost: '10.0.0.5' });
    try {
      await page.goto(stack.url('/login'));
      await page.locator('.ldm-insecure').getByText(/over plain http/).waitFor();
      await screenshot(page, 'login-insecure');
    } finally {
      await putSettings({ licenseServerHost: '127.0.0.1' });
    }
    await page.goto(stack.url('/login'));
    await page.locator('ld-login-form input[type="password"]').waitFor();
    expect(await page.locator('.ldm-insecure').count()).toBe(0);
  });

  it('asks an anonymous visitor to log in (C22) and returns to the view afterwards', async () => {
    await logoutIfNeeded(page);
    await page.goto(stack.url('/features'));
    const status = page.locator('ld-features-table ld-status');
    await status.getByText('Login required').waitFor();
    await screenshot(page, 'login-required');
    // The header's Log in link returns here too.
    await expect(account(page).getByRole('link', { name: 'Log in' }).getAttribute('href')).resolves.toBe('/login?next=%2Ffeatures');
    await status.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/login\?next=%2Ffeatures$/);
    await submitLogin(page, ADMIN);
    await page.waitForURL(/\/features$/);
    await tableRows(page.locator('ld-features-table')).first().waitFor();
    await account(page).getByText(`Logged in as ${ADMIN.user}`).waitFor();
  });

  it('leads through the forced password change at first login and then continues', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ld-e2e-fresh-'));
    let fresh: RunningEmulator | undefined;
    try {
      fresh = await startEmulator({ port: 0, dataDir, seed: 'demo', secure: true, expiryTimer: false });
      await putSettings({ licenseServerPort: fresh.port });
      await page.goto(stack.url('/features'));
      // A different server: the old token was dropped when the settings changed.
      const status = page.locator('ld-features-table ld-status');
      await status.getByText('Login required').waitFor();
      await status.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(/\/login\?next=/);
      await submitLogin(page, { user: 'admin', password: DEFAULT_ADMIN_PASSWORD });
      const form = page.locator('ld-login-form');
      await form.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      expect(await page.evaluate(() => document.querySelectorAll('input[autocomplete="new-password"]').length)).toBe(2);
      await screenshot(page, 'login-change-password');
      await page.getByLabel('New password', { exact: true }).fill('Fresh-Admin-Pass2!');
      await page.getByLabel('Confirm new password').fill('Fresh-Admin-Pass2!');
      await page.getByLabel('Confirm new password').press('Enter');
      await page.waitForURL(/\/features$/);
      await tableRows(page.locator('ld-features-table')).first().waitFor();
      await account(page).getByText('Logged in as admin').waitFor();
    } finally {
      await putSettings({ licenseServerPort: stack.emulator.port });
      await fresh?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('layout', () => {
  it('never scrolls the page sideways, on a wide and on a narrow screen', async () => {
    await loginAs(page, stack.manager.url, ADMIN);
    const paths = ['/about', '/settings', '/login', '/properties', '/features', '/pools', '/pools?tab=model', '/devices', '/reservations', '/offline', '/client-key'];
    try {
      for (const width of [1280, 700]) {
        await page.setViewportSize({ width, height: 900 });
        for (const path of paths) {
          await page.goto(stack.url(path));
          await page.locator('main h2').first().waitFor();
          await page.locator('main ld-status[loading]').first().waitFor({ state: 'detached' }).catch(() => undefined);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
        }
      }
      await page.goto(stack.url('/features'));
      await tableRows(page.locator('ld-features-table')).first().waitFor();
      await screenshot(page, 'features-narrow');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('an unreachable license server', () => {
  it('says so with the address from Settings, keeps Settings editable, and recovers when the server returns', async () => {
    await page.goto(stack.url('/login'));
    await loginAs(page, stack.manager.url, ADMIN);
    await stack.emulator.stop();
    try {
      await page.goto(stack.url('/features'));
      const status = page.locator('ld-features-table ld-status');
      await status.getByText('License server unreachable').waitFor();
      await status.getByText(`http://127.0.0.1:${stack.emulator.port}`).waitFor();
      await screenshot(page, 'unreachable');

      // Settings still work: they live in the manager.
      await navTo(page, 'Settings');
      await page.locator('.ldm-probe-result').getByText(/License server unreachable/).waitFor();
      await expect(page.locator('.ldm-probe-result').innerText()).resolves.not.toMatch(/unreachable:\s*unreachable:/i);
      const form = page.locator('ld-settings-form');
      await form.locator('input[name="pageSize"]').fill('20');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByText('Settings saved.').waitFor();
      await screenshot(page, 'settings-unreachable');

      await navTo(page, 'About');
      await page.locator('ld-about-panel ld-status').getByText('License server unreachable').waitFor();
    } finally {
      await stack.emulator.restart();
    }
    await page.locator('ld-about-panel ld-status').getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('ld-about-panel [part="server-status"]').innerText()).resolves.toBe('RUNNING');
    await navTo(page, 'Features');
    await tableRows(page.locator('ld-features-table')).first().waitFor();
    // Same data folder: the session and the data are still there.
    await account(page).getByText(`Logged in as ${ADMIN.user}`).waitFor();
  });
});

describe('the page itself', () => {
  it('raised no uncaught errors and no Content-Security-Policy violations while using the views', () => {
    expect(stack.problems).toEqual([]);
  });
});
