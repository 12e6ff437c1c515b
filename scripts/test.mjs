#!/usr/bin/env node
// `npm test`: installs what the tests need, then runs every package's tests (spec lint, SDK,
// emulator, elements in Chromium, manager end to end) one package at a time, since the browser
// and emulator suites share a two-core machine.
import { spawnSync } from 'node:child_process';
import { ROOT, TURBO_ENV, ensureChromium, ensureDependencies, ensurePnpm } from './lib/bootstrap.mjs';

ensurePnpm();
ensureDependencies();
ensureChromium();

const result = spawnSync('pnpm', ['exec', 'turbo', 'run', 'test', '--concurrency=1', '--continue', '--output-logs=full'], {
  cwd: ROOT,
  env: TURBO_ENV,
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
  maxBuffer: 512 * 1024 * 1024,
});
process.stdout.write(result.stdout ?? '');
const tasks = /Tasks:\s+(\d+) successful, (\d+) total/.exec(result.stdout ?? '');
if (tasks) {
  const [passed, total] = [Number(tasks[1]), Number(tasks[2])];
  console.log(`\ntest tasks: ${passed} passed, ${total - passed} failed`);
}
process.exit(result.status ?? 1);
