/**
 * Issue 5 end to end: Reservations, Named License Pools and the model, Offline Server Updates and
 * Client Key Operations, through the real manager server and a real emulator (demo seed with
 * three reservation groups, administrative security on) in Debian's Chromium.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { LicenseServerClient } from '@licensedesk/sdk';
import type { Download, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, loginAs, navTo, rowTexts, tableRows } from './helpers.js';
import { ADMIN, READER, adminClient, screenshot, startStack, type Stack } from './stack.js';

const run = promisify(execFile);
const EMULATOR_CLI = join(dirname(createRequire(import.meta.url).resolve('@licensedesk/emulator/package.json')), 'dist', 'cli.js');

let stack: Stack;
let page: Page;
let admin: LicenseServerClient;
let work: string;

/** Chooses a file for an `<input type=file>` inside an element (shadow DOM is pierced). */
async function chooseFile(selector: string, name: string, content: string | Buffer, mimeType = 'application/octet-stream'): Promise<void> {
  await page.locator(selector).setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

async function savedText(download: Download): Promise<string> {
  const path = join(work, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return readFile(path, 'utf8');
}

async function groupNames(): Promise<string[]> {
  return (await admin.reservations.list().all()).map((g) => g.name).sort();
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ld-e2e-admin-'));
  stack = await startStack();
  page = stack.page;
  admin = await adminClient(stack.emulator);
  await admin.users.create({ name: READER.user, password: READER.password, roles: ['ROLE_READ'] });
  await loginAs(page, stack.manager.url, ADMIN);
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await screenshot(page, `failed-${context.task.name.replace(/\W+/g, '-').slice(0, 60)}`);
});

afterAll(async () => {
  await stack?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('Reservations', () => {
  it('adds a group with two entries through the form and submits it', async () => {
    await navTo(page, 'Reservations');
    await page.waitForURL(/\/reservations$/);
    const view = page.locator('ld-reservations-view');
    await tableRows(view).first().waitFor();
    await screenshot(page, 'reservations');

    await view.getByRole('button', { name: 'Add group' }).click();
    const form = view.locator('ld-reservation-form');
    await form.locator('input[name="groupName"]').fill('lab-e2e');
    // Checks as you type: a version must be a.b, a count a positive whole number.
    await form.locator('input[name="featureVersion"]').fill('1.x');
    await form.locator('input[name="featureVersion"]').blur();
    await form.locator('[part="field-error"]').first().waitFor();
    const entries = [
      { deviceId: 'AA11BB22CC01', idType: 'ETHERNET', featureName: 'f1', featureVersion: '1.0', featureCount: '1' },
      { deviceId: 'lab-build-01', idType: 'STRING', featureName: 'f2', featureVersion: '2.0', featureCount: '2' },
    ];
    for (const entry of entries) {
      await form.locator('input[name="deviceId"]').fill(entry.deviceId);
      await form.locator('select[name="idType"]').selectOption(entry.idType);
      await form.locator('input[name="featureName"]').fill(entry.featureName);
      await form.locator('input[name="featureVersion"]').fill(entry.featureVersion);
      await form.locator('input[name="featureCount"]').fill(entry.featureCount);
      await form.locator('[part="add-button"]').click();
    }
    await eventually(async () => expect(await form.locator('[part~="pending-row"]').count()).toBe(2));
    await screenshot(page, 'reservations-add');
    await form.locator('[part="submit-button"]').click();

    await eventually(async () => expect(await groupNames()).toContain('lab-e2e'));
    const [group] = await admin.reservations.list({ name: 'lab-e2e' }).all();
    const stored = group!.reservations.flatMap((r) => r.reservationEntries.map((e) => `${r.hostId.value}/${r.hostId.type} ${e.featureName} ${e.featureVersion} ${e.featureCount}`));
    expect(stored.sort()).toEqual(['AA11BB22CC01/ETHERNET f1 1.0 1', 'lab-build-01/STRING f2 2.0 2']);
    await eventually(async () => expect((await rowTexts(tableRows(view))).some((row) => row.includes('lab-e2e'))).toBe(true));
  });

  it('edits a group in place: its entries come back into the form and Submit replaces the group', async () => {
    const view = page.locator('ld-reservations-view');
    await view.getByRole('button', { name: 'Edit group lab-e2e' }).click();
    const form = view.locator('ld-reservation-form');
    await form.getByRole('heading', { name: 'Edit reservation group lab-e2e' }).waitFor();
    await eventually(async () => expect(await form.locator('[part~="pending-row"]').count()).toBe(2));
    await form.locator('input[name="deviceId"]').fill('lab-build-02');
    await form.locator('select[name="idType"]').selectOption('STRING');
    await form.locator('input[name="featureName"]').fill('analyzer');
    await form.locator('input[name="featureVersion"]').fill('5.0');
    await form.locator('input[name="featureCount"]').fill('1');
    await form.locator('[part="add-button"]').click();
    await eventually(async () => expect(await form.locator('[part~="pending-row"]').count()).toBe(3));
    await form.locator('[part="submit-button"]').click();
    await eventually(async () => {
      const [group] = await admin.reservations.list({ name: 'lab-e2e' }).all();
      expect(group!.reservations.flatMap((r) => r.reservationEntries)).toHaveLength(3);
    });
    expect((await groupNames()).filter((name) => name === 'lab-e2e')).toHaveLength(1);
  });

  it('shows every problem of an import file with where it is (C02), and the short feature of a group that cannot be satisfied (C01)', async () => {
    const view = page.locator('ld-reservations-view');
    await view.getByRole('button', { name: 'Import' }).click();
    const importer = view.locator('ld-reservations-import');
    const bad = [
      { name: 'qa2', reservations: [{ hostId: { value: '0A0B0C0D0E1F', type: 'ETHERNET' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 1 }] }] },
      { name: 'dev2', reservations: [{ hostId: { value: '0A0B0C0D0E1F', type: 'ETHERNET' }, reservationEntries: [{ featureName: 'f2', featureVersion: '2.0', featureCount: '2' }] }] },
      { name: 'qa', reservations: [{ hostId: { value: 'qa-box', type: 'STRING' }, reservationEntries: [{ featureName: 'f2', featureVersion: '2.0', featureCount: 1 }] }] },
    ];
    await chooseFile('ld-reservations-import [part="file-input"]', 'bad.json', JSON.stringify(bad, null, 2), 'application/json');
    const problems = importer.locator('[part="problem"]');
    await eventually(async () => expect(await problems.count()).toBe(3));
    const codes = await problems.evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));
    expect(codes.sort()).toEqual(['duplicateHostId', 'existingGroupName', 'invalidCount']);
    const texts = await rowTexts(problems);
    expect(texts.find((t) => t.includes('featureCount'))).toMatch(/dev2/);
    await screenshot(page, 'reservations-import-errors');
    expect(await groupNames()).not.toContain('qa2');

    // C01: the free counts of f1 2.0 (3 in all, reserved and in use) cannot cover 5 more.
    const short = [{ name: 'lab', reservations: [{ hostId: { value: 'AA11BB22CC33', type: 'ETHERNET' }, reservationEntries: [{ featureName: 'f1', featureVersion: '2.0', featureCount: 5 }] }] }];
    await chooseFile('ld-reservations-import [part="file-input"]', 'short.json', JSON.stringify(short, null, 2), 'application/json');
    await eventually(async () => {
      const text = await importer.locator('section[part="base"]').first().innerText();
      expect(text).toMatch(/f1 2\.0 needs 5, \d+ free/);
      expect(text).toMatch(/group "lab", reservation 1, entry 1/);
    });
    await screenshot(page, 'reservations-import-short');
    expect(await groupNames()).not.toContain('lab');
  });

  it('imports a valid file, naming the group the file left unnamed (C02)', async () => {
    const importer = page.locator('ld-reservations-view ld-reservations-import');
    const good = [
      { name: 'imported-e2e', reservations: [{ hostId: { value: 'imp-host-1', type: 'STRING' }, reservationEntries: [{ featureName: 'f2', featureVersion: '2.0', featureCount: 1 }] }] },
      { reservations: [{ hostId: { value: 'imp-user@example.com', type: 'USER' }, reservationEntries: [{ featureName: 'translate', featureVersion: '1.0', featureCount: 1 }] }] },
    ];
    await chooseFile('ld-reservations-import [part="file-input"]', 'good.json', JSON.stringify(good, null, 2), 'application/json');
    await importer.locator('[part="summary"]').getByText(/ready to import: 2 groups with\s+2 reservation entries/).waitFor();
    await importer.locator('[part="preview"]').getByText('imp-host-1').waitFor();
    await importer.locator('[part="import-button"]').click();
    await importer.locator('[part="summary"]').getByText(/Imported good\.json: 2 groups created/).waitFor();
    await importer.getByText(/The server named the groups the file left unnamed/).waitFor();
    await screenshot(page, 'reservations-imported');
    const names = await groupNames();
    expect(names).toContain('imported-e2e');
    expect(names.length).toBe(3 + 1 + 2);
  });

  it('exports the reservations, deletes groups through pending deletions, and imports the export back unchanged', async () => {
    const view = page.locator('ld-reservations-view');
    const before = await admin.reservations.export();
    const [download] = await Promise.all([page.waitForEvent('download'), view.locator('[part="export-button"]').click()]);
    expect(download.suggestedFilename()).toBe('reservations.json');
    const exported = await savedText(download);
    expect(JSON.parse(exported)).toEqual(JSON.parse(JSON.stringify(before)));

    // Tick every group on the page, put them into pending deletions, submit.
    await page.reload();
    await tableRows(view).first().waitFor();
    const boxes = view.locator('[part="group-checkbox"]');
    const ids = new Set(await boxes.evaluateAll((items) => items.map((item) => item.getAttribute('data-group'))));
    for (const id of ids) await view.locator(`[part="group-checkbox"][data-group="${id}"]`).first().check();
    await view.locator('[part="delete-button"]').click();
    await view.locator('[part="pending-deletions"]').waitFor();
    await screenshot(page, 'reservations-pending-deletions');
    await view.locator('[part="submit-deletions-button"]').click();
    await eventually(async () => expect(await groupNames()).toEqual([]));
    await view.getByText(/No reservations/).waitFor();

    // The export imports back as it was.
    await view.getByRole('button', { name: 'Import' }).click();
    await chooseFile('ld-reservations-import [part="file-input"]', 'reservations.json', exported, 'application/json');
    const importer = view.locator('ld-reservations-import');
    await importer.locator('[part="import-button"]:not([disabled])').click();
    await importer.locator('[part="summary"]').getByText(/Imported reservations\.json/).waitFor();
    expect(await admin.reservations.export()).toEqual(before);
  });
});

const BAD_MODEL = 'model "e2e" {\n  partitions {\n    partition "eng" {\n      "f2" 2.0 4\n    }\n  }\n  on hostid("SIM-ENG-1/STRING") { use "eng" accept \n}\n';
const VALID_MODEL = [
  'model "e2e" {',
  '  partitions {',
  '    partition "eng" {',
  '      "f2" 2.0 4',
  '      "analyzer" 5.2 2',
  '    }',
  '  }',
  '  on hostid("SIM-ENG-1/STRING", "SIM-ENG-2/STRING", "F01898AD8DD3/ETHERNET") { use "eng" accept }',
  '  on any() { use "default" accept }',
  '}',
  '',
].join('\n');

describe('Named License Pools and the model', () => {
  it('explains that a model cannot be uploaded while reservations exist, and offers the way out (C03)', async () => {
    await page.goto(stack.url('/pools?tab=model'));
    const editor = page.locator('ld-pools-view ld-model-editor');
    await editor.locator('[part="reservations-notice"]').getByText(/cannot be uploaded while reservation groups exist/).waitFor();
    await screenshot(page, 'pools-model-reservations-block');
    await editor.getByRole('button', { name: /Delete the reservation groups/ }).click();
    await editor.getByRole('button', { name: 'Delete the groups' }).click();
    await eventually(async () => expect(await groupNames()).toEqual([]));
    await eventually(async () => expect(await editor.locator('[part="reservations-notice"]').count()).toBe(0));
  });

  it('checks a model with a syntax error in the browser and shows line and column (C05)', async () => {
    const editor = page.locator('ld-pools-view ld-model-editor');
    await chooseFile('ld-model-editor [part="file-input"]', 'broken.model', BAD_MODEL, 'text/plain');
    await editor.getByText(/broken\.model has a problem/).waitFor();
    const code = editor.locator('ld-code-view[part="file-code"]');
    await code.locator('[part~="line-error"]').first().waitFor();
    // The closing brace of the rule is missing: the error points at line 8, column 2, in a view of the text.
    const messages = await code.locator('[part~="message"]').allInnerTexts();
    expect(messages.join(' ')).toMatch(/line 8, column 2: missing "\}"/);
    await code.locator('[part~="line-error"]').getByText('8').first().waitFor();
    await expect(editor.locator('[part="upload-button"]').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'pools-model-syntax-error');

    // C04: the same feature twice in one pool is refused with the line of the repeat.
    const twice = VALID_MODEL.replace('"analyzer" 5.2 2', '"f2" 2.0 1');
    await chooseFile('ld-model-editor [part="file-input"]', 'twice.model', twice, 'text/plain');
    await editor.getByText(/twice\.model has a problem/).waitFor();
    expect((await code.locator('[part~="message"]').allInnerTexts()).join(' ')).toMatch(/listed twice/);

    // C06: "default" is a reserved model name.
    await chooseFile('ld-model-editor [part="file-input"]', 'default.model', VALID_MODEL.replace('model "e2e"', 'model "default"'), 'text/plain');
    await editor.getByText(/default\.model has a problem/).waitFor();
    expect((await code.locator('[part~="message"]').allInnerTexts()).join(' ')).toMatch(/reserved/);
    expect(await admin.model.get()).toBeNull();
  });

  it('uploads a valid model and the pools fill as devices request licenses; the rule dry run names the pool (C07)', async () => {
    const editor = page.locator('ld-pools-view ld-model-editor');
    await chooseFile('ld-model-editor [part="file-input"]', 'e2e.model', VALID_MODEL, 'text/plain');
    await editor.getByText(/e2e\.model .* has no problems/).waitFor();
    await editor.locator('[part="upload-button"]').click();
    await eventually(async () => expect(await admin.model.get()).toBe(VALID_MODEL));
    await editor.locator('[part="active-code"]').getByText('partition "eng"').waitFor();
    await screenshot(page, 'pools-model');

    // C06: uploads lock for a while after an upload.
    await chooseFile('ld-model-editor [part="file-input"]', 'again.model', VALID_MODEL, 'text/plain');
    await editor.locator('[part="lock-notice"]').waitFor();
    await expect(editor.locator('[part="upload-button"]').isDisabled()).resolves.toBe(true);

    // C07: which rule would match a host id?
    const evaluate = editor.locator('[part="evaluate-form"]');
    await evaluate.getByRole('textbox', { name: 'Host ID', exact: true }).fill('F01898AD8DD3');
    await evaluate.getByRole('button').last().click();
    await evaluate.locator('..').locator('[part="evaluate-result"]').getByText(/eng/).waitFor();

    // Devices request licenses: those the rule sends to "eng" draw from it.
    await admin.licensing.request({ hostId: { value: 'SIM-ENG-1', type: 'STRING' }, features: [{ featureName: 'f2', featureVersion: '2.0', count: 2 }] });
    await admin.licensing.request({ hostId: { value: 'SIM-ENG-2', type: 'STRING' }, features: [{ featureName: 'analyzer', featureVersion: '5.2', count: 1 }] });
    await admin.licensing.request({ hostId: { value: 'SIM-OTHER-1', type: 'STRING' }, features: [{ featureName: 'f2', featureVersion: '2.0', count: 1 }] });

    await page.goto(stack.url('/pools'));
    const view = page.locator('ld-pools-view');
    const eng = view.locator('[part="pool"][data-pool="eng"]');
    await eng.locator('[part="pool-toggle"]').getByText('3 of 6 used').waitFor();
    await eng.locator('[part="pool-toggle"]').click();
    const rows = eng.locator('[part="pool-features"]').locator('tbody tr');
    await eventually(async () => {
      // Name, version, expiry, allocated, used, status (the name cell also holds a Copy button).
      const texts = (await rowTexts(rows)).map((t) => t.replace(' Copy ', ' '));
      expect(texts.find((t) => t.startsWith('f2 2.0'))).toMatch(/ 4 2 OK$/);
      expect(texts.find((t) => t.startsWith('analyzer 5.2'))).toMatch(/ 2 1 OK$/);
    });
    await view.locator('[part="pool"][data-pool="default"]').waitFor();
    await screenshot(page, 'pools');
  });

  it('explains that reservations cannot be managed while the model is active (C03), then the model is deleted', async () => {
    await navTo(page, 'Reservations');
    const view = page.locator('ld-reservations-view');
    await view.locator('[part="model-notice"]').getByText(/cannot be managed while the model definition/).waitFor();
    expect(await view.getByRole('button', { name: 'Add group' }).count()).toBe(0);
    await screenshot(page, 'reservations-model-block');

    await page.goto(stack.url('/pools?tab=model'));
    const editor = page.locator('ld-pools-view ld-model-editor');
    await editor.locator('[part="delete-button"]').click();
    await editor.getByRole('button', { name: 'Delete', exact: true }).click();
    await eventually(async () => expect(await admin.model.get()).toBeNull());
  });
});

describe('Offline Server Updates', () => {
  it('runs the whole offline loop: request file, back office response, upload, new features (C23, C24)', async () => {
    await navTo(page, 'Offline Server Updates');
    await page.waitForURL(/\/offline$/);
    const offline = page.locator('ld-offline-updates');

    // The capability request downloads as the server's bytes.
    const [capability] = await Promise.all([page.waitForEvent('download'), offline.locator('[part="capability-button"]').click()]);
    const capabilityPath = join(work, 'capability.bin');
    await capability.saveAs(capabilityPath);
    expect((await readFile(capabilityPath)).subarray(0, 4).toString('latin1')).toBe('LDCR');

    // An offline activation request for a new activation id (counts are checked before sending).
    await offline.locator('[part~="activation-id-input"]').fill('ACT-E2E');
    await offline.locator('[part~="count-input"]').fill('-1');
    await offline.locator('[part~="count-input"]').blur();
    await offline.locator('[part="field-error"]').first().waitFor();
    await offline.locator('[part~="count-input"]').fill('0');
    await offline.getByText('0 = return all').waitFor();
    await offline.locator('[part~="count-input"]').fill('2');
    const [activation] = await Promise.all([page.waitForEvent('download'), offline.locator('[part="generate-button"]').click()]);
    const requestPath = join(work, 'activation.bin');
    await activation.saveAs(requestPath);
    expect((await readFile(requestPath)).subarray(0, 4).toString('latin1')).toBe('LDAR');
    await screenshot(page, 'offline');

    // The back office answers it.
    const entitlements = join(work, 'entitlements.json');
    await writeFile(entitlements, JSON.stringify({ 'ACT-E2E': [{ featureName: 'e2e-cad', featureVersion: '3.1', count: 5, vendorString: 'Zoë Ω' }] }));
    const responsePath = join(work, 'response.bin');
    await run(process.execPath, [EMULATOR_CLI, 'backoffice', 'respond', '--request', requestPath, '--entitlements', entitlements, '--out', responsePath, '--data', stack.emulator.dataDir]);

    // Upload it (as multipart/form-data: the browser sets the boundary, the relay passes it on).
    const uploads: Request[] = [];
    const listener = (request: Request) => {
      if (request.url().endsWith('/capability_response')) uploads.push(request);
    };
    page.on('request', listener);
    await chooseFile('ld-offline-updates [part="file-input"]', 'response.bin', await readFile(responsePath));
    await offline.locator('[part="upload-button"]').click();
    const result = offline.locator('[part="result"]');
    await result.getByText(/The server applied response\.bin/).waitFor();
    await result.getByText(/1 added/).waitFor();
    await result.locator('[part="changes"][data-kind="added"]').getByText('e2e-cad').waitFor();
    page.off('request', listener);
    expect(uploads).toHaveLength(1);
    expect(await uploads[0]!.headerValue('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    await screenshot(page, 'offline-applied');

    // The same response again is stale, and nothing changes.
    await chooseFile('ld-offline-updates [part="file-input"]', 'response.bin', await readFile(responsePath));
    await offline.locator('[part="upload-button"]').click();
    await offline.locator('[part="result"][data-key="glsErr.responseStale"]').waitFor();

    // The new feature is in the Features view.
    await navTo(page, 'Features');
    const table = page.locator('ld-features-table');
    await table.locator('[part="search-input"]').fill('e2e-cad');
    await table.locator('[part="search-button"]').click();
    await eventually(async () => expect((await rowTexts(tableRows(table)))[0]).toMatch(/^e2e-cad 3\.1 10 /));
  });
});

describe('Client Key Operations', () => {
  it('uploads an RSA 2048 public key, refuses wrong files, and shows access denied to a reader', async () => {
    await navTo(page, 'Client Key Operations');
    await page.waitForURL(/\/client-key$/);
    const element = page.locator('ld-client-key');

    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = publicKey.export({ type: 'spki', format: 'der' });
    await chooseFile('ld-client-key [part="file-input"]', 'client.der', der);
    await element.locator('[part="upload-button"]').click();
    await element.getByText(/the server now holds the key with SHA-256 fingerprint/).waitFor();
    await element.locator('[part="fingerprint"]').waitFor();
    expect(Buffer.from((await admin.keys.get())!.publicKey, 'base64').equals(der)).toBe(true);
    await screenshot(page, 'client-key');

    // A PEM text file and a 1024-bit key are refused with a reason.
    const pem = publicKey.export({ type: 'spki', format: 'pem' });
    // PEM text is caught in the browser: Upload stays off.
    await chooseFile('ld-client-key [part="file-input"]', 'client.pem', pem);
    await element.locator('[part="file-error"]').getByText(/is PEM text/).waitFor();
    await expect(element.locator('[part="upload-button"]').isDisabled()).resolves.toBe(true);
    // A 1024-bit key looks like DER: the server refuses it and says what it found.
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' });
    await chooseFile('ld-client-key [part="file-input"]', 'small.der', small);
    await element.locator('[part="upload-button"]:not([disabled])').click();
    await element.locator('[part~="result"]').getByText(/1024/).first().waitFor();
    await screenshot(page, 'client-key-wrong');
    expect(Buffer.from((await admin.keys.get())!.publicKey, 'base64').equals(der)).toBe(true);

    await loginAs(page, stack.manager.url, READER);
    await navTo(page, 'Client Key Operations');
    await page.locator('ld-client-key ld-status').getByText('Access denied', { exact: true }).waitFor();
    await screenshot(page, 'client-key-access-denied');
    await loginAs(page, stack.manager.url, ADMIN);
  });
});

describe('the page itself', () => {
  it('raised no uncaught errors and no Content-Security-Policy violations while using the administrative views', () => {
    expect(stack.problems).toEqual([]);
  });
});
