/**
 * Runs once for the e2e project: makes sure the site is built (and not older than its sources),
 * then starts ONE headless Chromium (Debian's) that every test file connects to.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';

const APP = fileURLToPath(new URL('../..', import.meta.url));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'server') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function siteIsStale(): boolean {
  const built = join(APP, 'dist', 'site', 'index.html');
  if (!existsSync(built)) return true;
  // The site bundles the elements and the SDK: their builds count as sources too.
  const packages = ['web-components', 'sdk']
    .map((name) => join(APP, 'node_modules', '@licensedesk', name, 'dist'))
    .filter((dir) => existsSync(dir));
  const sources = Math.max(
    newest(join(APP, 'src')),
    newest(join(APP, 'index.html')),
    newest(join(APP, 'vite.config.ts')),
    ...packages.map((dir) => newest(dir)),
  );
  return sources > statSync(built).mtimeMs;
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserWsEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (siteIsStale()) {
    const result = spawnSync(process.execPath, [join(APP, 'scripts', 'build-site.mjs')], {
      cwd: APP,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${join(APP, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
    });
    if (result.status !== 0) throw new Error('The site build failed; see the output above.');
  }
  const server: BrowserServer = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  project.provide('browserWsEndpoint', server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
