import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isIP } from 'node:net';
import { errorBody } from './errors.js';

/**
 * The manager's Content-Security-Policy: scripts and styles only from the manager's own files
 * (no inline script; Lit's styles use constructable stylesheets, which need no 'unsafe-inline'),
 * all API calls to the manager itself (the relay), and no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Headers every manager response carries (HSTS is added only when the manager itself runs HTTPS). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export const HSTS = 'max-age=31536000';

/** The security headers for a response (with HSTS when the manager runs HTTPS). */
export function securityHeaders(tls: boolean): Record<string, string> {
  return tls ? { ...SECURITY_HEADERS, 'strict-transport-security': HSTS } : { ...SECURITY_HEADERS };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  return name === '::1';
}

/** Whether the listening address only accepts local connections. */
export function isLoopbackAddress(host: string): boolean {
  return isLoopbackName(host);
}

function hostnameOf(hostHeader: string): string {
  const bracketed = /^\[[^\]]*\]/.exec(hostHeader);
  if (bracketed) return bracketed[0];
  return hostHeader.replace(/:\d*$/, '');
}

export interface SecurityOptions {
  tls: boolean;
  /** When set, only these Host names are accepted (protects a loopback-only manager against DNS rebinding). */
  allowedHostNames: Set<string> | null;
}

/** Adds the security headers, the Host check and the cross-site write check. */
export function registerSecurity(app: FastifyInstance, options: SecurityOptions): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (options.allowedHostNames) {
      const hostname = hostnameOf(request.headers.host ?? '').toLowerCase();
      if (!isLoopbackName(hostname) && !options.allowedHostNames.has(hostname)) {
        return reply
          .code(421)
          .send(
            errorBody(
              'ldErr.hostNotAllowed',
              `This manager listens on a loopback address and only answers to localhost names, not "${hostname}". ` +
                'Start it with --host 0.0.0.0 to serve other machines, or add the name with --allowed-host.',
              [hostname],
            ),
          );
      }
    }
    if (!SAFE_METHODS.has(request.method)) {
      const site = request.headers['sec-fetch-site'];
      const origin = request.headers.origin;
      let crossSite = site === 'cross-site' || site === 'same-site';
      if (!crossSite && typeof origin === 'string' && origin !== 'null') {
        try {
          crossSite = new URL(origin).host.toLowerCase() !== String(request.headers.host ?? '').toLowerCase();
        } catch {
          crossSite = true;
        }
      } else if (origin === 'null') {
        crossSite = true;
      }
      if (crossSite) {
        return reply
          .code(403)
          .send(errorBody('ldErr.crossSiteRequest', 'The manager does not accept changes sent from other web sites.', [String(origin ?? site)]));
      }
    }
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    if (!options.tls) reply.removeHeader('strict-transport-security');
    reply.headers(securityHeaders(options.tls));
    return payload;
  });
}
