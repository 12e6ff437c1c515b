#!/usr/bin/env node
// Serves examples/embed.html with Vite next to a demo emulator (in memory), and prints the URL and
// the demo administrator's credentials. Stop with Ctrl-C.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startEmulator } from '@licensedesk/emulator';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = fileURLToPath(new URL('../src/', import.meta.url));
const adminPassword = process.env.LICENSEDESK_ADMIN_PASSWORD || 'Demo-Admin-Pass1!';
const port = Number(process.env.PORT || 5180);

const vite = await createServer({
  root,
  configFile: false,
  server: { host: '127.0.0.1', port, strictPort: true },
  resolve: {
    alias: [
      { find: /^@licensedesk\/web-components\/define$/, replacement: `${src}define.ts` },
      { find: /^@licensedesk\/web-components$/, replacement: `${src}index.ts` },
    ],
  },
  // The elements use TypeScript legacy decorators without define semantics (see tsconfig.json).
  esbuild: { tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } } },
});
await vite.listen();
const origin = `http://127.0.0.1:${port}`;

const emulator = await startEmulator({
  port: Number(process.env.LICENSEDESK_EMULATOR_PORT || 0),
  memory: true,
  seed: 'demo',
  secure: true,
  adminPassword,
  cors: [origin, `http://localhost:${port}`],
});

console.log(`\nEmbedding example: ${origin}/examples/embed.html?server=${encodeURIComponent(emulator.url)}`);
console.log(`License server (emulator): ${emulator.url}   log in as admin / ${adminPassword}\n`);

const stop = async () => {
  await Promise.allSettled([vite.close(), emulator.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
