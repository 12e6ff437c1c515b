#!/usr/bin/env node
// Launcher for `licensedesk-manager`. It is committed (dist is not), so package managers can link
// the command before the first build; it runs the built server CLI, or says how to build it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/server/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error(
    `licensedesk-manager: ${fileURLToPath(cli)} is missing — the manager is not built yet.\n` +
      'Run pnpm build first (or: pnpm --filter @licensedesk/manager... build).',
  );
  process.exit(1);
}
await import(cli.href);
