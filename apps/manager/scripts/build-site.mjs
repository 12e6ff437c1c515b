#!/usr/bin/env node
// Builds the manager's site into dist/site with Vite (when the site sources exist), then writes
// .br and .gz copies of the text assets so the server can send them precompressed at the best level.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const APP = fileURLToPath(new URL('..', import.meta.url));
const SITE = join(APP, 'dist', 'site');
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest|xml)$/;

if (!existsSync(join(APP, 'index.html'))) {
  console.log('@licensedesk/manager: no site sources yet (index.html is missing): skipped the site build; the server will say so.');
  process.exit(0);
}

// NODE_ENV=production also when called from a test run (vitest sets "test"): otherwise Vite resolves
// the "development" export conditions and Lit's dev build ends up in the site.
const vite = spawnSync('vite', ['build'], {
  cwd: APP,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (vite.status !== 0) process.exit(vite.status ?? 1);
if (!existsSync(join(SITE, 'index.html'))) {
  console.error('@licensedesk/manager: vite build did not write dist/site/index.html (set build.outDir to "dist/site" in vite.config.ts).');
  process.exit(1);
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
for (const file of files(SITE)) {
  if (!COMPRESSIBLE.test(file) || statSync(file).size < 1024) continue;
  const data = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  count += 1;
}
console.log(`@licensedesk/manager: precompressed ${count} site files (.br, .gz).`);
