/** Tokens, sessions and where the token is kept. */

type MaybePromise<T> = T | Promise<T>;

/**
 * Where the client keeps its bearer token. The default keeps it in memory; a browser app may
 * keep it in `sessionStorage`, a CLI in a file. Methods may be synchronous or asynchronous.
 */
export interface TokenStore {
  get(): MaybePromise<string | null | undefined>;
  set(token: string): MaybePromise<void>;
  clear(): MaybePromise<void>;
}

/** A {@link TokenStore} that keeps the token in memory, for the life of the client. */
export function memoryTokenStore(initial?: string): TokenStore {
  let token: string | null = initial ?? null;
  return {
    get: () => token,
    set: (value) => {
      token = value;
    },
    clear: () => {
      token = null;
    },
  };
}

/** User name and password, used to log in and to log in again when the token expires. */
export interface Credentials {
  user: string;
  password: string;
}

/** Who is logged in, read from the token. */
export interface Session {
  /** User name (the token's `sub`). */
  user: string;
  /** Roles granted to the user, such as `ROLE_ADMIN`. */
  roles: string[];
  /** When the token expires, if known. */
  expires: Date | null;
  /** True when the server demands a new password before anything else (first login). */
  passwordChangeRequired: boolean;
  /** The bearer token itself. */
  token: string;
}

/** The claims of a license server token that the SDK reads. */
export interface TokenClaims {
  sub?: string;
  roles?: string | string[];
  exp?: number;
  iat?: number;
  iss?: string;
  [claim: string]: unknown;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Reads the payload of a JWT without verifying it (the server verifies; the client only needs
 * to know the user, roles and expiry). Returns null when the token is not a readable JWT.
 */
export function decodeToken(token: string): TokenClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(base64UrlDecode(payload));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as TokenClaims) : null;
  } catch {
    return null;
  }
}

/** Builds a {@link Session} from a token and, when at hand, the authorize answer. */
export function sessionFromToken(
  token: string,
  extra: { user?: string; expires?: string; passwordChangeRequired?: boolean } = {},
): Session {
  const claims = decodeToken(token) ?? {};
  const roles = Array.isArray(claims.roles)
    ? claims.roles.map(String)
    : typeof claims.roles === 'string'
      ? claims.roles.split(',').map((r) => r.trim()).filter(Boolean)
      : [];
  let expires: Date | null = null;
  if (extra.expires && !Number.isNaN(Date.parse(extra.expires))) expires = new Date(extra.expires);
  else if (typeof claims.exp === 'number') expires = new Date(claims.exp * 1000);
  const claimFlag = claims.passwordChangeRequired === true;
  return {
    user: typeof claims.sub === 'string' ? claims.sub : (extra.user ?? ''),
    roles,
    expires,
    passwordChangeRequired: extra.passwordChangeRequired ?? claimFlag,
    token,
  };
}
