import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The manager site: index.html + src/main.ts, built into dist/site (served by the manager server,
 * which owns dist/server). Page modules are split per route by the dynamic imports in src/router.ts.
 */
export default defineConfig({
  root: '.',
  publicDir: 'public',
  define: {
    __LD_SITE_VERSION__: JSON.stringify(pkg.version),
    __LD_SITE_BUILD_DATE__: JSON.stringify(new Date().toISOString().slice(0, 10)),
  },
  build: {
    outDir: 'dist/site',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser that runs the elements supports modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    cssCodeSplit: true,
    sourcemap: true,
    reportCompressedSize: true,
  },
  server: {
    // `vite` dev server: send the license server API and the manager API to a running manager.
    proxy: {
      '/api': process.env.LD_MANAGER_URL ?? 'http://127.0.0.1:8080',
      '/manager-api': process.env.LD_MANAGER_URL ?? 'http://127.0.0.1:8080',
    },
  },
});
