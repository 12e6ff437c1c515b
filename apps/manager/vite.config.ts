import { readFileSync } from 'node:fs';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** The page the manager opens on; its code is preloaded by index.html. */
const FIRST_VIEW = 'src/pages/about/about-page.ts';

/**
 * Groups modules so that a view loads few files: the helpers every view shares (Lit directives
 * and tasks, the elements' internals and events) in `common`, the table and pager in `tables`;
 * each page keeps its own chunk.
 */
function chunkOf(id: string): string | undefined {
  const path = id.replace(/\\/g, '/');
  if (/\/web-components\/dist\/components\/(data-table|pager)\//.test(path)) return 'tables';
  if (/\/web-components\/dist\/(events|context)\//.test(path) && !path.endsWith('/events/admin.js')) return 'common';
  if (/\/web-components\/dist\/internal\/(ld-element|styles|errors|ids|focus|display|license-view-styles|network|roles|light-styles|define-element|sdk)\.js$/.test(path)) {
    return 'common';
  }
  if (/\/(@lit\/task|lit-html\/directives|lit-html\/directive|lit-html\/async-directive|lit\/directives|@lit\/reactive-element\/decorators)\//.test(path)) return 'common';
  if (/\/lit-html\/(directive|directive-helpers|async-directive)\.js$/.test(path)) return 'common';
  if (path.endsWith('/src/pages/page-element.ts')) return 'common';
  return undefined;
}

/** Adds `<link rel="modulepreload">` for the first view's chunks, so they load alongside the entry. */
function preloadFirstView(): Plugin {
  return {
    name: 'licensedesk-preload-first-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const page = chunks.find((chunk) => chunk.facadeModuleId?.replace(/\\/g, '/').endsWith(FIRST_VIEW));
        if (!page) return [];
        const entry = chunks.find((chunk) => chunk.isEntry);
        const already = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
        const files = [...page.imports, page.fileName].filter((file) => !already.has(file));
        return files.map<HtmlTagDescriptor>((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head',
        }));
      },
    },
  };
}

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
  plugins: [preloadFirstView()],
  build: {
    outDir: 'dist/site',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser that runs the elements supports modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    cssCodeSplit: true,
    sourcemap: true,
    reportCompressedSize: true,
    rollupOptions: {
      output: { manualChunks: chunkOf },
    },
  },
  server: {
    // `vite` dev server: send the license server API and the manager API to a running manager.
    proxy: {
      '/api': process.env.LD_MANAGER_URL ?? 'http://127.0.0.1:8080',
      '/manager-api': process.env.LD_MANAGER_URL ?? 'http://127.0.0.1:8080',
    },
  },
});
