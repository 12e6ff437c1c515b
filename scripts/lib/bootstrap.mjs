// Shared by `npm start` and `npm test`: a fresh machine has only Node and npm, so these
// scripts bring pnpm, the workspace's dependencies and (for tests) Chromium themselves.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PNPM_VERSION = '10.34.9';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Runs a command in the repository root with inherited output; exits on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function pnpmVersion() {
  const result = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Makes sure pnpm at the pinned version is on PATH, installing it with npm when it is not. */
export function ensurePnpm() {
  if (pnpmVersion() === PNPM_VERSION) return;
  console.log(`Installing pnpm ${PNPM_VERSION} with npm (newer pnpm releases do not run on Node 20)...`);
  run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`, '--no-fund', '--no-audit']);
}

/**
 * Installs the workspace's dependencies exactly as the lockfile pins them. Quiet when it works;
 * when it fails, pnpm's whole output is shown.
 */
export function ensureDependencies() {
  console.log('Installing the dependencies (pnpm install --frozen-lockfile)...');
  const args = ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'];
  const result = spawnSync('pnpm', args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    if (result.error) console.error(result.error.message);
    console.error(`\npnpm ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** Makes sure Debian's Chromium is present for the browser tests, installing it as root when missing. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install it (Debian: apt-get install chromium) ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
    process.exit(1);
  }
  console.log('Installing Chromium from Debian for the browser tests...');
  run('apt-get', ['update'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** Environment for turbo: no telemetry, no update checks. */
export const TURBO_ENV = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', CHROMIUM_PATH };
