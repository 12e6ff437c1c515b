import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startManager, tempDir } from './helpers.js';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-AbC123_x.js"></script></head><body><ld-app></ld-app></body></html>';
const SCRIPT = `export const app = ${JSON.stringify('x'.repeat(4000))};\n`;

let site: Awaited<ReturnType<typeof tempDir>>;
let manager: Awaited<ReturnType<typeof startManager>>;

beforeAll(async () => {
  site = await tempDir('ld-site-');
  await mkdir(join(site.path, 'assets'), { recursive: true });
  await writeFile(join(site.path, 'index.html'), INDEX);
  await writeFile(join(site.path, 'assets', 'index-AbC123_x.js'), SCRIPT);
  await writeFile(join(site.path, 'assets', 'theme-Zz99Yy88.css'), `:root{--a:1}\n${'/* pad */\n'.repeat(300)}`);
  // A precompressed copy with a marker, to show the server prefers it.
  await writeFile(join(site.path, 'assets', 'theme-Zz99Yy88.css.br'), brotliCompressSync(Buffer.from(':root{--a:"precompressed"}')));
  await writeFile(join(site.path, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(site.path, '.secret'), 'hidden');
  manager = await startManager({ siteDir: site.path });
});

afterAll(async () => {
  await manager.cleanup();
  await site.remove();
});

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('serving the built site', () => {
  it('serves index.html at / without caching', async () => {
    const response = await fetch(`${manager.url}/`, { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(INDEX);
  });

  it.each(['/features', '/features/42', '/devices/HOST-1?page=2', '/settings/', '/reservations/import'])(
    'falls back to index.html for the deep link %s',
    async (path) => {
      const response = await fetch(`${manager.url}${path}`, { headers: html });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(INDEX);
    },
  );

  it('caches hashed assets for a year and revalidates other files', async () => {
    const script = await fetch(`${manager.url}/assets/index-AbC123_x.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe(SCRIPT);
    const icon = await fetch(`${manager.url}/favicon.svg`);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    expect(icon.headers.get('etag')).toBeTruthy();
  });

  it('answers a conditional request with 304', async () => {
    const first = await fetch(`${manager.url}/assets/index-AbC123_x.js`);
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    // fetch() turns a conditional request into a no-cache one, so this one is sent as is.
    const second = await rawRequest(manager.port, `GET /assets/index-AbC123_x.js HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: ${etag}\r\n\r\n`);
    expect(second.status).toBe(304);
  });

  it('compresses on the fly, and prefers precompressed files', async () => {
    const script = await rawRequest(manager.port, `GET /assets/index-AbC123_x.js HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip, br\r\n\r\n`);
    expect(script.head.toLowerCase()).toMatch(/content-encoding: (br|gzip)/);
    const css = await fetch(`${manager.url}/assets/theme-Zz99Yy88.css`, { headers: { 'accept-encoding': 'br' } });
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toBe(':root{--a:"precompressed"}');
    const raw = await rawRequest(manager.port, `GET /assets/theme-Zz99Yy88.css HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: br\r\n\r\n`);
    expect(raw.head.toLowerCase()).toContain('content-encoding: br');
    expect(brotliDecompressSync(Buffer.from(raw.body, 'latin1')).toString()).toBe(':root{--a:"precompressed"}');
  });

  it('answers 404 (not the page) for missing files that are not HTML navigations', async () => {
    const missing = await fetch(`${manager.url}/assets/missing-12345678.js`, { headers: { accept: '*/*' } });
    expect(missing.status).toBe(404);
    expect((await missing.json()).key).toBe('ldErr.notFound');
  });

  it('never falls back to the page for API paths', async () => {
    const response = await fetch(`${manager.url}/manager-api/nothing-here`, { headers: html });
    expect(response.status).toBe(404);
    expect((await response.json()).key).toBe('ldErr.notFound');
    const post = await fetch(`${manager.url}/features`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(post.status).toBe(404);
  });

  it('does not serve files outside the site or dot files', async () => {
    for (const target of ['/..%2f..%2f..%2fetc%2fpasswd', '/../../../../etc/passwd', '/assets/..%2f..%2fpackage.json', '/.secret', '/%2e%2e/%2e%2e/etc/passwd']) {
      const answer = await rawRequest(manager.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n`);
      expect(answer.status, target).toBe(404);
      expect(answer.body).not.toContain('root:');
      expect(answer.body).not.toContain('hidden');
    }
  });
});

describe('without a built site', () => {
  it('explains how to build it instead of crashing, and the APIs still work', async () => {
    const bare = await startManager();
    try {
      const page = await fetch(`${bare.url}/features`, { headers: html });
      expect(page.status).toBe(503);
      expect(await page.text()).toMatch(/has not been built yet[\s\S]*pnpm --filter @licensedesk\/manager/);
      const script = await fetch(`${bare.url}/assets/index-AbC123_x.js`);
      expect(script.status).toBe(404);
      expect((await fetch(`${bare.url}/manager-api/settings`)).status).toBe(200);
      expect(bare.siteBuilt).toBe(false);
    } finally {
      await bare.cleanup();
    }
  });
});
