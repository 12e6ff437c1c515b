#!/usr/bin/env node
// `npm test`: installs what the tests need, then runs every package's tests (spec lint, SDK,
// emulator, elements in Chromium, manager end to end) one package at a time, since the browser
// and emulator suites share a two-core machine.
import { spawn } from 'node:child_process';
import { ROOT, TURBO_ENV, ensureChromium, ensureDependencies, ensurePnpm } from './lib/bootstrap.mjs';

ensurePnpm();
ensureDependencies();
ensureChromium();

const turbo = spawn('pnpm', ['exec', 'turbo', 'run', 'test', '--concurrency=1', '--continue', '--output-logs=full'], {
  cwd: ROOT,
  env: TURBO_ENV,
  stdio: ['ignore', 'pipe', 'inherit'],
});
// Output streams through as it comes; the tail is kept to read turbo's task summary.
let tail = '';
turbo.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tail = (tail + chunk.toString('utf8')).slice(-4096);
});
turbo.on('close', (code, signal) => {
  const tasks = /Tasks:\s+(\d+) successful, (\d+) total/.exec(tail);
  if (tasks) {
    const [passed, total] = [Number(tasks[1]), Number(tasks[2])];
    console.log(`\ntest tasks: ${passed} passed, ${total - passed} failed`);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => turbo.kill(signal));
