import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { SignJWT, jwtVerify } from 'jose';
import type { EmulatorContext } from '../context.js';
import { ApiError } from '../errors.js';
import { ADMIN_ROLES, type Role } from '../store/users.js';
import type { OperationInfo } from './spec.js';

/** Who is calling. `user` is null for anonymous access. */
export interface Principal {
  user: string | null;
  roles: Role[];
  passwordChangeRequired: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const ALG = 'HS512';

export async function issueToken(
  ctx: EmulatorContext,
  secret: Uint8Array,
  user: { name: string; roles: Role[] },
): Promise<{ token: string; expires: string }> {
  const now = ctx.clock.now();
  const lifetime = ctx.settings.getSeconds('security.token.duration');
  const iat = Math.floor(now / 1000);
  const exp = iat + lifetime;
  const token = await new SignJWT({ roles: user.roles.join(','), xsrfToken: randomUUID() })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setSubject(user.name)
    .setIssuer(ctx.instanceId)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(secret);
  return { token, expires: new Date(exp * 1000).toISOString() };
}

/** The user a bearer token names, or null when it is missing, malformed, expired or foreign. */
export async function verifyToken(ctx: EmulatorContext, secret: Uint8Array, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: [ALG],
      issuer: ctx.instanceId,
      currentDate: new Date(ctx.clock.now()),
      clockTolerance: 0,
    });
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** The canonical path of a request, for error arguments (`/api/1.0/instances/~/features`). */
export function requestPath(request: FastifyRequest): string {
  return request.url.split('?')[0]!;
}

/**
 * Decides whether a request may run the operation, per the spec's `x-licensedesk-roles`:
 * an empty list needs no token; otherwise a valid token of a user with any one of the roles, or
 * anonymous access (administrative security off; or `security.anonymous` for GETs that need only
 * ROLE_READ; or an address on `security.ip.whitelist`). Throws 401/403 ApiErrors.
 */
export async function authorizeRequest(
  ctx: EmulatorContext,
  secret: Uint8Array,
  op: OperationInfo,
  request: FastifyRequest,
): Promise<void> {
  request.principal = null;
  const path = requestPath(request);
  const securityOn = ctx.settings.getBoolean('security.enabled');
  const token = bearer(request);
  let principal: Principal | null = null;

  if (token) {
    const name = await verifyToken(ctx, secret, token);
    const user = name ? ctx.users.get(name) : undefined;
    if (user) principal = { user: user.name, roles: user.roles, passwordChangeRequired: user.passwordChangeRequired };
    else if (securityOn && op.roles.length > 0) {
      throw new ApiError(401, 'glsErr.unauthorized', 'The token is invalid or has expired; log in again.', { args: [path] });
    }
  }
  request.principal = principal;
  if (op.roles.length === 0) return;

  if (!principal) {
    if (!securityOn) {
      request.principal = { user: null, roles: [...ADMIN_ROLES], passwordChangeRequired: false };
      return;
    }
    const whitelist = ctx.settings
      .getString('security.ip.whitelist')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (whitelist.includes(request.ip)) {
      request.principal = { user: null, roles: [...ADMIN_ROLES], passwordChangeRequired: false };
      return;
    }
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (isRead && op.roles.includes('ROLE_READ') && ctx.settings.getBoolean('security.anonymous')) {
      request.principal = { user: null, roles: ['ROLE_READ'], passwordChangeRequired: false };
      return;
    }
    throw new ApiError(401, 'glsErr.unauthorized', 'Full authentication is required to access this resource.', {
      args: [path],
    });
  }

  const params = (request.params ?? {}) as Record<string, string>;
  const self = op.selfAllowed && principal.user !== null && params.userName === principal.user;
  if (principal.passwordChangeRequired && !(op.operationId === 'changePassword' && self)) {
    throw new ApiError(403, 'glsErr.passwordChangeRequired', 'The password must be changed before other operations.', {
      args: [principal.user ?? ''],
    });
  }
  if (self) return;
  if (!op.roles.some((r) => principal.roles.includes(r))) {
    throw new ApiError(403, 'glsErr.accessDenied', `Access denied: needs ${op.roles.join(' or ')}.`, {
      args: [path, op.roles.join(',')],
    });
  }
}

/** Counts failed logins per user and address; refuses with 429 while over the limit. */
export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(private readonly ctx: EmulatorContext) {}

  private window(): number {
    return this.ctx.settings.getSeconds('security.login.lockout') * 1000;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.window());
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  check(user: string, ip: string): void {
    const now = this.ctx.clock.now();
    const key = `${user}\u0000${ip}`;
    const list = this.recent(key, now);
    const max = this.ctx.settings.getInteger('security.login.maxAttempts');
    if (list.length >= max) {
      const retry = Math.max(1, Math.ceil((list[0]! + this.window() - now) / 1000));
      throw new ApiError(429, 'glsErr.tooManyAttempts', 'Too many failed login attempts; try again later.', {
        args: [user, String(retry)],
        headers: { 'retry-after': String(retry) },
      });
    }
  }

  fail(user: string, ip: string): void {
    const key = `${user}\u0000${ip}`;
    const now = this.ctx.clock.now();
    const list = this.recent(key, now);
    list.push(now);
    this.failures.set(key, list);
  }

  succeed(user: string, ip: string): void {
    this.failures.delete(`${user}\u0000${ip}`);
  }
}
