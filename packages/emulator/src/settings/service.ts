import type { Database } from 'better-sqlite3';
import { normaliseHostId, parseDuration, parseHostIdSpec } from '@licensedesk/sdk';
import { ApiError, type ErrorDetail } from '../errors.js';
import { SETTINGS_BY_NAME, SETTINGS_CATALOGUE, type SettingDefinition, type SettingValue } from './catalogue.js';

export type SettingSource = 'default' | 'producer' | 'admin';

/** A setting as the API lists it. */
export interface Setting {
  name: string;
  label: string;
  description: string;
  group: string;
  type: string;
  value: SettingValue;
  default: SettingValue;
  editable: boolean;
  source: SettingSource;
  allowedValues?: string[];
}

export interface SettingsServiceOptions {
  db: Database;
  now: () => number;
  /** Producer-level values given at start (like a producer-settings file); stored values win over them. */
  overrides?: Record<string, SettingValue>;
  /** Defaults chosen per data folder (e.g. the server host id picked at creation). */
  dynamicDefault?: (name: string) => SettingValue | undefined;
  /** Host ids a `hostid` setting may take right now, as value/TYPE specs. */
  hostIdChoices?: () => string[];
}

/**
 * Policy settings: catalogue default < start-up overrides (producer) < stored values
 * (`settings` table, written by PATCH). Reads are served from memory.
 */
export class SettingsService {
  private stored = new Map<string, { value: SettingValue; source: 'admin' | 'producer' }>();
  private listeners = new Set<(names: string[]) => void>();
  private readonly overrides: Map<string, SettingValue>;

  constructor(private readonly options: SettingsServiceOptions) {
    this.overrides = new Map();
    for (const [name, value] of Object.entries(options.overrides ?? {})) {
      const def = SETTINGS_BY_NAME.get(name);
      if (!def) throw new Error(`Unknown setting in overrides: ${name}`);
      const checked = checkValue(def, value, this.options.hostIdChoices, false);
      if (!checked.ok) throw new Error(`Bad value for setting ${name}: ${checked.message}`);
      this.overrides.set(name, checked.value);
    }
    this.reload();
  }

  /** Re-reads stored values (after a transaction was rolled back, for instance). */
  reload(): void {
    this.stored.clear();
    const rows = this.options.db.prepare('SELECT name, value, source FROM settings').all() as {
      name: string;
      value: string;
      source: 'admin' | 'producer';
    }[];
    for (const row of rows) this.stored.set(row.name, { value: JSON.parse(row.value) as SettingValue, source: row.source });
  }

  /** The effective value of a setting. */
  get(name: string): SettingValue {
    return this.resolve(this.definition(name)).value;
  }

  getBoolean(name: string): boolean {
    return this.get(name) === true;
  }

  getString(name: string): string {
    return String(this.get(name));
  }

  getInteger(name: string): number {
    return Number(this.get(name));
  }

  /** A duration setting in seconds. */
  getSeconds(name: string): number {
    const parsed = parseDuration(this.get(name) as string);
    if (!parsed.ok) throw new Error(`Setting ${name} holds a bad duration: ${parsed.error}`);
    return parsed.value;
  }

  list(): Setting[] {
    return SETTINGS_CATALOGUE.map((def) => {
      const { value, source } = this.resolve(def);
      const setting: Setting = {
        name: def.name,
        label: def.label,
        description: def.description,
        group: def.group,
        type: def.type,
        value,
        default: this.defaultOf(def),
        editable: def.editable,
        source,
      };
      if (def.allowedValues) setting.allowedValues = [...def.allowedValues];
      return setting;
    });
  }

  /**
   * Applies a change set all or nothing. Throws 400 (details per setting) for unknown names and bad
   * values, 403 `glsErr.settingNotEditable` for producer-only settings unless `asProducer`.
   * `null` resets a setting to its default. Must run inside a transaction.
   */
  update(changes: Record<string, unknown>, asProducer: boolean): string[] {
    const details: ErrorDetail[] = [];
    const notEditable: string[] = [];
    const accepted: [SettingDefinition, SettingValue | null][] = [];
    for (const [name, raw] of Object.entries(changes)) {
      const def = SETTINGS_BY_NAME.get(name);
      if (!def) {
        details.push({ path: name, message: `unknown setting "${name}"` });
        continue;
      }
      if (!def.editable && !asProducer) {
        notEditable.push(name);
        continue;
      }
      if (raw === null) {
        accepted.push([def, null]);
        continue;
      }
      const checked = checkValue(def, raw, this.options.hostIdChoices, true);
      if (!checked.ok) details.push({ path: name, message: checked.message });
      else accepted.push([def, checked.value]);
    }
    if (notEditable.length > 0) {
      throw new ApiError(
        403,
        'glsErr.settingNotEditable',
        `Only the producer may change ${notEditable.join(', ')}.`,
        { args: notEditable, details: notEditable.map((n) => ({ path: n, message: 'producer-only setting' })) },
      );
    }
    if (details.length > 0) {
      throw new ApiError(400, 'glsErr.invalidSetting', `Invalid settings: ${details.map((d) => d.path).join(', ')}.`, {
        args: details.map((d) => d.path ?? ''),
        details,
      });
    }
    const db = this.options.db;
    const upsert = db.prepare(
      `INSERT INTO settings (name, value, source, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET value = excluded.value, source = excluded.source, updated_at = excluded.updated_at`,
    );
    const remove = db.prepare('DELETE FROM settings WHERE name = ?');
    const now = this.options.now();
    for (const [def, value] of accepted) {
      if (value === null) remove.run(def.name);
      else upsert.run(def.name, JSON.stringify(value), asProducer ? 'producer' : 'admin', now);
    }
    return accepted.map(([def]) => def.name);
  }

  /** Tells listeners which settings changed (call after the transaction committed). */
  notify(names: string[]): void {
    this.reload();
    for (const listener of this.listeners) listener(names);
  }

  onChange(listener: (names: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private definition(name: string): SettingDefinition {
    const def = SETTINGS_BY_NAME.get(name);
    if (!def) throw new Error(`Unknown setting ${name}`);
    return def;
  }

  private defaultOf(def: SettingDefinition): SettingValue {
    return this.options.dynamicDefault?.(def.name) ?? def.default;
  }

  private resolve(def: SettingDefinition): { value: SettingValue; source: SettingSource } {
    const stored = this.stored.get(def.name);
    if (stored) return stored;
    const override = this.overrides.get(def.name);
    if (override !== undefined) return { value: override, source: 'producer' };
    return { value: this.defaultOf(def), source: 'default' };
  }
}

type Checked = { ok: true; value: SettingValue } | { ok: false; message: string };

function checkValue(
  def: SettingDefinition,
  raw: unknown,
  hostIdChoices: (() => string[]) | undefined,
  strictHostId: boolean,
): Checked {
  switch (def.type) {
    case 'boolean':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : { ok: false, message: 'must be true or false' };
    case 'integer': {
      if (typeof raw !== 'number' || !Number.isInteger(raw)) return { ok: false, message: 'must be a whole number' };
      if (def.min !== undefined && raw < def.min) return { ok: false, message: `must be at least ${def.min}` };
      if (def.max !== undefined && raw > def.max) return { ok: false, message: `must be at most ${def.max}` };
      return { ok: true, value: raw };
    }
    case 'string':
      if (typeof raw !== 'string') return { ok: false, message: 'must be a string' };
      if (raw.length > 2000) return { ok: false, message: 'must be at most 2000 characters' };
      return { ok: true, value: raw };
    case 'enum':
      if (typeof raw !== 'string' || !def.allowedValues?.includes(raw)) {
        return { ok: false, message: `must be one of ${def.allowedValues?.join(', ')}` };
      }
      return { ok: true, value: raw };
    case 'duration': {
      if (typeof raw !== 'string' && typeof raw !== 'number') {
        return { ok: false, message: 'must be a duration such as "30s", "5m", "2h", "1d" or "1w"' };
      }
      const parsed = parseDuration(raw);
      if (!parsed.ok) return { ok: false, message: parsed.error };
      if (def.minSeconds !== undefined && parsed.value < def.minSeconds) {
        return { ok: false, message: `must be at least ${def.minSeconds} s` };
      }
      return { ok: true, value: typeof raw === 'number' ? String(raw) : raw.trim() };
    }
    case 'hostid': {
      if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, message: 'must be a host id as value/TYPE' };
      const spec = normaliseHostId(parseHostIdSpec(raw.trim()));
      const text = `${spec.value}/${spec.type}`;
      if (strictHostId && hostIdChoices) {
        const choices = hostIdChoices();
        if (!choices.includes(text)) {
          return { ok: false, message: `${text} is not one of this server's host ids (${choices.join(', ')})` };
        }
      }
      return { ok: true, value: text };
    }
  }
}
