import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Database } from 'better-sqlite3';
import type { ErrorDetail } from '../errors.js';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

export const ROLES = [
  'ROLE_READ',
  'ROLE_RESERVATIONS',
  'ROLE_DROPCLIENT',
  'ROLE_OFFLINE',
  'ROLE_ADMIN',
  'ROLE_PRODUCER',
] as const;
export type Role = (typeof ROLES)[number];

/** The default administrator's roles: every role except the producer's. */
export const ADMIN_ROLES: Role[] = ['ROLE_ADMIN', 'ROLE_RESERVATIONS', 'ROLE_DROPCLIENT', 'ROLE_OFFLINE', 'ROLE_READ'];
export const PRODUCER_ROLES: Role[] = ['ROLE_PRODUCER', 'ROLE_ADMIN', 'ROLE_READ'];

export interface User {
  name: string;
  roles: Role[];
  passwordChangeRequired: boolean;
}

interface UserRow {
  name: string;
  hash: string;
  roles: string;
  password_change_required: number;
}

// scrypt cost: N=2^14, r=8, p=1 (about 30 ms per hash here), 32-byte salt, 64-byte key.
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(32);
  const key = await scrypt(password, salt, 64, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Special characters the password rules accept (the cloud license server's list). */
export const PASSWORD_SPECIALS = '(^*$-+?_&=!%{}/#)';

/** Checks the password rules: 8–30 characters, upper and lower case, a digit, a special, no spaces. */
export function checkPasswordRules(password: string, path = 'password'): ErrorDetail[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < 8 || length > 30) problems.push('must be 8 to 30 characters long');
  if (!/[A-Z]/.test(password)) problems.push('needs an upper-case letter');
  if (!/[a-z]/.test(password)) problems.push('needs a lower-case letter');
  if (!/[0-9]/.test(password)) problems.push('needs a digit');
  if (![...password].some((c) => PASSWORD_SPECIALS.includes(c))) {
    problems.push(`needs one of the special characters ${PASSWORD_SPECIALS.split('').join(' ')}`);
  }
  if (/\s/.test(password)) problems.push('must not contain spaces');
  return problems.map((message) => ({ path, message }));
}

/** Users, their roles and password hashes; rows cached in memory and refreshed on every write. */
export class UserService {
  private cache = new Map<string, UserRow>();

  constructor(private readonly db: Database, private readonly now: () => number) {
    this.reload();
  }

  reload(): void {
    this.cache.clear();
    const rows = this.db.prepare('SELECT name, hash, roles, password_change_required FROM users').all() as UserRow[];
    for (const row of rows) this.cache.set(row.name, row);
  }

  get(name: string): User | undefined {
    const row = this.cache.get(name);
    return row ? toUser(row) : undefined;
  }

  list(): User[] {
    return [...this.cache.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(toUser);
  }

  async verify(name: string, password: string): Promise<User | undefined> {
    const row = this.cache.get(name);
    if (!row) {
      // Spend the same time as for a known user so names cannot be probed by timing.
      await verifyPassword(password, DUMMY_HASH);
      return undefined;
    }
    return (await verifyPassword(password, row.hash)) ? toUser(row) : undefined;
  }

  /** Inserts a user; the caller hashes first (async) and writes inside its transaction. */
  insert(name: string, hash: string, roles: Role[], passwordChangeRequired: boolean): void {
    const now = this.now();
    this.db
      .prepare(
        'INSERT INTO users (name, hash, roles, password_change_required, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(name, hash, normaliseRoles(roles).join(','), passwordChangeRequired ? 1 : 0, now, now);
    this.reload();
  }

  setPassword(name: string, hash: string, passwordChangeRequired: boolean): void {
    this.db
      .prepare('UPDATE users SET hash = ?, password_change_required = ?, updated_at = ? WHERE name = ?')
      .run(hash, passwordChangeRequired ? 1 : 0, this.now(), name);
    this.reload();
  }

  remove(name: string): void {
    this.db.prepare('DELETE FROM users WHERE name = ?').run(name);
    this.reload();
  }
}

function normaliseRoles(roles: readonly Role[]): Role[] {
  return ROLES.filter((r) => roles.includes(r));
}

function toUser(row: UserRow): User {
  return {
    name: row.name,
    roles: row.roles.split(',').filter(Boolean) as Role[],
    passwordChangeRequired: row.password_change_required === 1,
  };
}

const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';
