import { existsSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors.js';

/** Cache-Control for files whose names carry a content hash (Vite's `assets/name-<hash>.ext`). */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Cache-Control for index.html and other unhashed files: always revalidate. */
export const REVALIDATE_CACHE = 'no-cache';

const HASHED_ASSET = /^assets\/(?:.+\/)?[^/]+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/;

/** Paths that belong to the manager's APIs and never fall back to the site. */
const API_PREFIXES = ['api/', 'manager-api/'];

/** Where the built site is looked for when --site is not given: dist/site next to the server build. */
export function defaultSiteDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [resolve(here, '../site'), resolve(here, '../../dist/site')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]!;
}

/** Whether a directory holds a built site. */
export function hasBuiltSite(dir: string): boolean {
  try {
    return statSync(join(dir, 'index.html')).isFile();
  } catch {
    return false;
  }
}

function acceptsHtml(request: FastifyRequest): boolean {
  return /\btext\/html\b/i.test(String(request.headers.accept ?? ''));
}

function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = (request.raw.url ?? '').split('?')[0] ?? '';
  return reply.code(404).send(errorBody('ldErr.notFound', `Not found: ${request.method} ${path}`, [path]));
}

const NOT_BUILT_PAGE = (dir: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LicenseDesk manager: site not built</title></head>
<body><h1>The LicenseDesk manager site has not been built yet</h1>
<p>The manager server is running, but there is no built site in <code>${escapeHtml(dir)}</code>.</p>
<p>Build it with <code>pnpm --filter @licensedesk/manager... build</code> (or run <code>npm start</code> from the repository root),
or start the server with <code>--site DIR</code> pointing at a built site.</p>
<p>The manager's APIs (<code>/manager-api/settings</code>, <code>/manager-api/info</code>, <code>/manager-api/probe</code>) and the relay under <code>/api/1.0/</code> work without it.</p>
</body></html>
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Serves the built site with a fallback to index.html for deep links (HTML navigations that
 * match no file), long caching for hashed assets and revalidation for everything else.
 * Precompressed `.br`/`.gz` files are used when present.
 */
export async function registerSite(app: FastifyInstance, siteDir: string): Promise<{ built: boolean }> {
  const root = resolve(siteDir);
  const built = hasBuiltSite(root);

  if (!built) {
    app.get('/*', async (request, reply) => {
      const rel = String((request.params as Record<string, string>)['*'] ?? '');
      if (API_PREFIXES.some((prefix) => rel.startsWith(prefix)) || !acceptsHtml(request)) return notFound(request, reply);
      return reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT_PAGE(root));
    });
    return { built };
  }

  await app.register(fastifyStatic, {
    root,
    serve: false,
    preCompressed: true,
    cacheControl: false,
    etag: true,
    lastModified: true,
    dotfiles: 'ignore',
    index: false,
  });

  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', REVALIDATE_CACHE).sendFile('index.html');

  app.get('/*', async (request, reply) => {
    const rel = String((request.params as Record<string, string>)['*'] ?? '');
    if (API_PREFIXES.some((prefix) => rel.startsWith(prefix))) return notFound(request, reply);
    if (rel === '' || rel === 'index.html') return sendIndex(reply);

    let decoded: string;
    try {
      decoded = decodeURIComponent(rel);
    } catch {
      return notFound(request, reply);
    }
    const file = resolve(root, decoded);
    const inside = relative(root, file);
    const safe = !decoded.includes('\0') && inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) && !inside.split(sep).some((part) => part.startsWith('.'));
    if (safe) {
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) {
        reply.header('cache-control', HASHED_ASSET.test(inside.split(sep).join('/')) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
        return reply.sendFile(inside.split(sep).join('/'));
      }
    }
    if (acceptsHtml(request)) return sendIndex(reply);
    return notFound(request, reply);
  });
  return { built };
}
