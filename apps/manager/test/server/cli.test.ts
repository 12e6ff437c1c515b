import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const CLI = fileURLToPath(new URL('../../dist/server/cli.js', import.meta.url));

let data: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the server first (pnpm --filter @licensedesk/manager build:server).`);
  data = await tempDir();
});
afterAll(() => data.remove());

function startCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /listening at (\S+?)\/?\n/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return { child, exited, listening, output: () => ({ stdout, stderr }) };
}

describe('licensedesk-manager CLI', () => {
  it('prints its options with --help', () => {
    const result = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    for (const flag of ['--port', '--host', '--data', '--license-server ', '--license-server-ca', '--tls-cert', '--tls-key', '--site', 'LICENSEDESK_MANAGER_PORT', '0.0.0.0']) {
      expect(result.stdout).toContain(flag);
    }
  });

  it('rejects unknown options with a pointer to --help', () => {
    const result = spawnSync(process.execPath, [CLI, '--prot', '1'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--help/);
  });

  it('starts on LICENSEDESK_MANAGER_PORT, prints its URL and stops cleanly on SIGTERM', async () => {
    const run = startCli(['--data', data.path, '--license-server', 'http://127.0.0.1:7999'], { LICENSEDESK_MANAGER_PORT: '0' });
    const url = await run.listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.output().stdout).toContain('license server: http://127.0.0.1:7999');
    const settings = await (await fetch(`${url}/manager-api/settings`)).json();
    expect(settings.licenseServerPort).toBe(7999);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('stops cleanly on SIGINT', async () => {
    const run = startCli(['--data', data.path, '--port', '0']);
    await run.listening;
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('names the flag and the variable when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const result = spawnSync(process.execPath, [CLI, '--data', data.path, '--port', String(port)], { encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).toContain('LICENSEDESK_MANAGER_PORT');
    } finally {
      blocker.close();
    }
  });

  it('refuses an lmgrd address for --license-server', () => {
    const result = spawnSync(process.execPath, [CLI, '--data', data.path, '--port', '0', '--license-server', '8224@licsrv'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/lmgrd/);
    // Wording for the command line: the option and a URL to give it, not the web form's fields.
    expect(result.stderr).toMatch(/--license-server/);
    expect(result.stderr).toContain('http://licsrv:7070');
    expect(result.stderr).not.toMatch(/License Server Port|\bhere\b/);
  });
});
