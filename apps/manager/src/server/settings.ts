import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_LICENSE_SERVER_PORT, checkHost, hostForUrl } from './host.js';
import { ManagerError } from './errors.js';

/** The manager's own settings: where the license server is and how the views behave. */
export interface ManagerSettings {
  /** Host name, IPv4 or IPv6 address of the FlexNet Embedded license server (no scheme, no port). */
  licenseServerHost: string;
  /** The license server's REST port (FlexNet Embedded default 7070). */
  licenseServerPort: number;
  /** Whether the manager talks to the license server over HTTPS. */
  useHttps: boolean;
  /** Records per page in the paged views (5..500). */
  pageSize: number;
  /** Whether the Devices view offers dropping a device. */
  allowDeviceDrop: boolean;
}

export const SETTINGS_FILE_NAME = 'settings.json';
export const SETTINGS_FILE_VERSION = 1;
export const PAGE_SIZE_MIN = 5;
export const PAGE_SIZE_MAX = 500;

const KEYS = ['licenseServerHost', 'licenseServerPort', 'useHttps', 'pageSize', 'allowDeviceDrop'] as const;
/** Read-only fields that GET adds; PUT ignores them so a client can send back what it read. */
const READ_ONLY_KEYS = new Set(['licenseServerUrl']);

/** The settings a fresh manager starts with. */
export function defaultSettings(overrides: Partial<ManagerSettings> = {}): ManagerSettings {
  return {
    licenseServerHost: 'localhost',
    licenseServerPort: DEFAULT_LICENSE_SERVER_PORT,
    useHttps: false,
    pageSize: 20,
    allowDeviceDrop: false,
    ...overrides,
  };
}

/** The license server's origin for the given settings, e.g. `http://licsrv:7070`. */
export function licenseServerOrigin(settings: ManagerSettings): string {
  return `${settings.useHttps ? 'https' : 'http'}://${hostForUrl(settings.licenseServerHost)}:${settings.licenseServerPort}`;
}

type Detail = { path: string; message: string };

/**
 * Validates a (partial) settings object against the current settings and returns the merged
 * result, or throws a 400 ManagerError listing every invalid field.
 */
export function validateSettings(input: unknown, current: ManagerSettings): ManagerSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ManagerError(400, 'ldErr.invalidSettings', 'The settings must be a JSON object.', [], [
      { path: '$', message: 'Expected a JSON object.' },
    ]);
  }
  const record = input as Record<string, unknown>;
  const details: Detail[] = [];
  const next: ManagerSettings = { ...current };

  for (const key of Object.keys(record)) {
    if (!(KEYS as readonly string[]).includes(key) && !READ_ONLY_KEYS.has(key)) {
      details.push({ path: key, message: `Unknown setting "${key}".` });
    }
  }

  if ('licenseServerHost' in record) {
    const host = checkHost(record.licenseServerHost);
    if (host.ok) next.licenseServerHost = host.host;
    else details.push({ path: 'licenseServerHost', message: host.message });
  }
  if ('licenseServerPort' in record) {
    const port = toInteger(record.licenseServerPort);
    if (port === null || port < 1 || port > 65535) {
      details.push({ path: 'licenseServerPort', message: 'The port must be a whole number from 1 to 65535 (FlexNet Embedded default: 7070).' });
    } else next.licenseServerPort = port;
  }
  if ('useHttps' in record) {
    if (typeof record.useHttps !== 'boolean') details.push({ path: 'useHttps', message: 'Connect Using HTTPS must be true or false.' });
    else next.useHttps = record.useHttps;
  }
  if ('pageSize' in record) {
    const size = toInteger(record.pageSize);
    if (size === null || size < PAGE_SIZE_MIN || size > PAGE_SIZE_MAX) {
      details.push({ path: 'pageSize', message: `The page size must be a whole number from ${PAGE_SIZE_MIN} to ${PAGE_SIZE_MAX}.` });
    } else next.pageSize = size;
  }
  if ('allowDeviceDrop' in record) {
    if (typeof record.allowDeviceDrop !== 'boolean') details.push({ path: 'allowDeviceDrop', message: 'Allow Device Drop must be true or false.' });
    else next.allowDeviceDrop = record.allowDeviceDrop;
  }

  if (details.length > 0) {
    const message = details.length === 1 ? details[0]!.message : `${details.length} settings are not valid.`;
    throw new ManagerError(400, 'ldErr.invalidSettings', message, details.map((d) => d.path), details);
  }
  return next;
}

function toInteger(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** What the settings file holds. */
export interface SettingsFile extends ManagerSettings {
  version: number;
  updatedAt: string;
}

/** Keeps the settings in `<dataDir>/settings.json`, written atomically (temp file + rename). */
export class SettingsStore {
  readonly file: string;
  private current: ManagerSettings;
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(readonly dataDir: string, settings: ManagerSettings) {
    this.file = join(dataDir, SETTINGS_FILE_NAME);
    this.current = settings;
  }

  /**
   * Loads the settings file, or starts from `initial` when there is none. A damaged file is
   * reported through `warn` and replaced on the next save.
   */
  static async open(dataDir: string, initial: ManagerSettings, warn: (message: string) => void = () => {}): Promise<SettingsStore> {
    const file = join(dataDir, SETTINGS_FILE_NAME);
    let text: string | null = null;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text === null) return new SettingsStore(dataDir, initial);

    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      warn(`${file} is not valid JSON; using the default settings until they are saved again.`);
      return new SettingsStore(dataDir, initial);
    }
    const merged: ManagerSettings = { ...initial };
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const key of KEYS) {
        const value = (parsed as Record<string, unknown>)[key];
        if (value === undefined) continue;
        try {
          Object.assign(merged, validateSettings({ [key]: value }, merged));
        } catch (error) {
          warn(`${file}: ignoring ${key}: ${(error as Error).message}`);
        }
      }
    }
    return new SettingsStore(dataDir, merged);
  }

  /** The settings in effect. */
  get(): ManagerSettings {
    return { ...this.current };
  }

  /** Validates and merges a partial update, writes it to disk, and returns the new settings. */
  async update(input: unknown): Promise<ManagerSettings> {
    const run = this.writing.then(async () => {
      const next = validateSettings(input, this.current);
      await this.write(next);
      this.current = next;
      return { ...next };
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async write(settings: ManagerSettings): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    const content: SettingsFile = { version: SETTINGS_FILE_VERSION, ...settings, updatedAt: new Date().toISOString() };
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(content, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}
