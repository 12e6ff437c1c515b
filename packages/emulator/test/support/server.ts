import { createLicenseServerClient, LicenseServerError, type LicenseServerClient } from '@licensedesk/sdk';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/index.js';
import { insertFeature, type NewFeature } from '../../src/store/features.js';

export const ADMIN_PASSWORD = 'Adm1n!pass';

/** A clock tests move by hand; starts at the real time. */
export class TestClock {
  offset = 0;
  now = (): number => Date.now() + this.offset;
  advance(ms: number): void {
    this.offset += ms;
  }
}

export interface TestServer {
  emu: RunningEmulator;
  clock: TestClock;
  /** A client logged in as admin. */
  admin: LicenseServerClient;
  base: string;
  /** A client without credentials (devices, anonymous). */
  anonymous(): LicenseServerClient;
  login(user: string, password: string): Promise<LicenseServerClient>;
  /** Installs feature lines directly (the back office's job in production). */
  addFeatures(...features: NewFeature[]): number[];
  close(): Promise<void>;
}

/** An in-memory, secure emulator with response validation, and an admin client. */
export async function startTestServer(options: EmulatorOptions = {}): Promise<TestServer> {
  const clock = new TestClock();
  const emu = await startEmulator({
    port: 0,
    memory: true,
    validateResponses: true,
    secure: true,
    adminPassword: ADMIN_PASSWORD,
    expiryTimer: false,
    clock: clock.now,
    ...options,
  });
  const admin = createLicenseServerClient({ server: emu.url });
  await admin.login('admin', ADMIN_PASSWORD);
  const ctx = emu.context;
  return {
    emu,
    clock,
    admin,
    base: `${emu.url}/api/1.0/instances/~`,
    anonymous: () => createLicenseServerClient({ server: emu.url }),
    async login(user, password) {
      const client = createLicenseServerClient({ server: emu.url });
      await client.login(user, password);
      return client;
    },
    addFeatures(...features) {
      const ids = ctx.tx(() => features.map((f) => insertFeature(ctx, f)));
      ctx.licensing.invalidate();
      return ids;
    },
    close: () => emu.close(),
  };
}

/** The error a call fails with (and a test failure when it succeeds). */
export async function rejection(promise: Promise<unknown>): Promise<LicenseServerError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LicenseServerError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A raw JSON call, for status codes and headers the SDK hides. */
export async function call(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  }
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body });
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Logs in with a raw call and returns the token. */
export async function tokenFor(base: string, user: string, password: string): Promise<string> {
  const r = await call(`${base}/authorize`, { method: 'POST', body: { user, password } });
  if (r.status !== 200) throw new Error(`login of ${user} failed: ${r.status} ${r.text}`);
  return r.json.token as string;
}

/** Client fields the emulator adds beyond the spec's `Client` (C28). */
export interface DeviceFlags {
  suspectedDuplicate?: boolean;
  previousCorrelationId?: string;
  pendingReclaim?: boolean;
  nextExpiryCheck?: string;
}

/** Reads the emulator's extra client fields. */
export const flags = (device: object): DeviceFlags => device as DeviceFlags;
