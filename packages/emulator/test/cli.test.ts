import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLicenseServerClient } from '@licensedesk/sdk';
import { startEmulator } from '../src/index.js';
import { DEFAULT_ADMIN_PASSWORD, DEFAULT_PRODUCER_PASSWORD, DEMO_CREDENTIALS } from '../src/options.js';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
// The committed launcher that `licensedesk-emulator` is linked to; it runs dist/cli.js.
const BIN = join(PACKAGE, 'bin', 'licensedesk-emulator.js');
const CLI = join(PACKAGE, 'dist', 'cli.js');
const folders: string[] = [];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

beforeAll(() => {
  // These tests run the real command, so the build must include the current sources.
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < newestSource(join(PACKAGE, 'src'))) {
    execFileSync('npx', ['tsup'], { cwd: PACKAGE, stdio: 'ignore' });
  }
}, 120_000);

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `licensedesk-emulator ...args` to its end. */
function runCli(args: string[]): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: PACKAGE, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`licensedesk-emulator ${args.join(' ')} did not end:\n${stdout}${stderr}`));
    }, 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts `licensedesk-emulator start ...args`, returns its banner once printed, and stops it. */
function startBanner(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'start', '--port', '0', ...args], { cwd: PACKAGE, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let banner: string | undefined;
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (banner === undefined && out.includes('Press Ctrl-C')) {
        banner = out;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (banner !== undefined && code === 0) resolve(banner);
      else reject(new Error(`start exited with ${code}:\n${out}`));
    });
  });
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'licensedesk-cli-'));
  folders.push(dir);
  return dir;
}

/** The banner line of one account. */
function accountLine(banner: string, user: string): string | undefined {
  return banner.split('\n').find((line) => line.trimStart().startsWith(`${user} `));
}

describe('licensedesk-emulator start', () => {
  it('says which port is busy and how to choose another, and exits with 1', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runCli(['start', '--port', String(port), '--memory']);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`Port ${port} is already in use: choose another with --port`);
      expect(result.stderr).not.toContain('EADDRINUSE');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('mentions --seed on an existing folder only when it was given, and shows a password only while it is the default', async () => {
    const data = join(tempDir(), 'emulator');
    const first = await startBanner(['--data', data, '--seed', 'demo']);
    expect(first).toContain('(new, demo seed)');
    expect(accountLine(first, 'admin')).toContain(`${DEFAULT_ADMIN_PASSWORD}  — must be changed at first login`);
    expect(accountLine(first, 'producer')).toContain(DEFAULT_PRODUCER_PASSWORD);
    expect(accountLine(first, 'viewer')).toContain(DEMO_CREDENTIALS.viewer.password);

    const again = await startBanner(['--data', data]);
    expect(again).toContain('(existing)');
    expect(again).not.toContain('--seed');
    expect(accountLine(again, 'producer')).toContain(DEFAULT_PRODUCER_PASSWORD);

    // Change two passwords through the API, then start on the folder again.
    const emu = await startEmulator({ port: 0, dataDir: data, expiryTimer: false });
    try {
      const producer = createLicenseServerClient({ server: emu.url });
      await producer.login('producer', DEFAULT_PRODUCER_PASSWORD);
      await producer.users.changePassword('producer', { currentPassword: DEFAULT_PRODUCER_PASSWORD, newPassword: 'Pr0ducer!new' });
      await producer.users.changePassword('viewer', { newPassword: 'V1ewer!new' });
    } finally {
      await emu.close();
    }
    const changed = await startBanner(['--data', data, '--seed', 'demo']);
    expect(changed).toContain('(existing; --seed ignored)');
    expect(accountLine(changed, 'producer')).toContain('(changed: not the default)');
    expect(changed).not.toContain(DEFAULT_PRODUCER_PASSWORD);
    expect(accountLine(changed, 'viewer')).not.toContain(DEMO_CREDENTIALS.viewer.password);
    expect(accountLine(changed, 'admin')).toContain(`${DEFAULT_ADMIN_PASSWORD}  — must be changed at first login`);
    expect(accountLine(changed, 'reservations')).toContain(DEMO_CREDENTIALS.reservations.password);
  }, 60_000);
});

describe('licensedesk-emulator backoffice help', () => {
  const commands = {
    respond: ['--request FILE', '--entitlements FILE', '--producer-key FILE', 'backoffice respond --data'],
    inspect: ['backoffice inspect FILE', 'signature', 'backoffice inspect resp.bin'],
    'export-key': ['export-key --data DIR --out FILE', 'PKCS#8', 'backoffice export-key --data'],
  };

  for (const [command, expected] of Object.entries(commands)) {
    it(`backoffice ${command} --help shows that command's own help`, async () => {
      for (const args of [['backoffice', command, '--help'], ['backoffice', command, '-h'], ['backoffice', 'help', command]]) {
        const result = await runCli(args);
        expect(result.code, args.join(' ')).toBe(0);
        expect(result.stdout.startsWith(`licensedesk-emulator backoffice ${command} — `), args.join(' ')).toBe(true);
        for (const section of ['Usage:', 'Options:', 'Example:', ...expected]) expect(result.stdout).toContain(section);
        // Not the general back office help, which lists every command.
        expect(result.stdout).not.toContain('Commands:');
      }
    });
  }

  it('backoffice --help still lists every command and points at the per-command help', async () => {
    const result = await runCli(['backoffice', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Commands:');
    for (const command of Object.keys(commands)) expect(result.stdout).toContain(`  ${command}`);
    expect(result.stdout).toContain('backoffice <command> --help');
  });
});
