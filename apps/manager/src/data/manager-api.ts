/**
 * The manager server's own API (`/manager-api/*`): the Settings kept by the manager, its build
 * information and the license server probe. These calls never go to the license server, so they
 * work while it is down.
 */

import type { ProbeResult } from '../shared/probe-result.js';

/** The manager's settings as `/manager-api/settings` answers them. */
export interface ManagerSettings {
  licenseServerHost: string;
  licenseServerPort: number;
  useHttps: boolean;
  pageSize: number;
  allowDeviceDrop: boolean;
  /** The license server's origin, e.g. `http://licsrv:7070` (read only). */
  licenseServerUrl: string;
}

/** What `/manager-api/info` answers. */
export interface ManagerInfo {
  name: string;
  version: string;
  buildDate: string | null;
  gitCommit: string | null;
  nodeVersion: string;
  platform: string;
  tls: boolean;
  licenseServerCaConfigured: boolean;
}

export type { ProbeResult };

/** A failed manager API call, with the manager's error key and per-field details. */
export class ManagerApiError extends Error {
  override name = 'ManagerApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly key?: string,
    readonly details: Array<{ path?: string; message: string }> = [],
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (cause) {
    throw new ManagerApiError(`The manager server could not be reached (${String((cause as Error)?.message ?? cause)}).`, 0);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body ?? {}) as { key?: string; message?: string; details?: Array<{ path?: string; message: string }> };
    throw new ManagerApiError(error.message ?? `The manager answered HTTP ${response.status}.`, response.status, error.key, error.details ?? []);
  }
  return body as T;
}

/** Reads the manager's settings. */
export function getSettings(): Promise<ManagerSettings> {
  return call('/manager-api/settings');
}

/** Validates and stores settings; the manager answers 400 with details for invalid fields. */
export function saveSettings(settings: Omit<ManagerSettings, 'licenseServerUrl'>): Promise<ManagerSettings> {
  return call('/manager-api/settings', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
}

/** Reads the manager's build information. */
export function getInfo(): Promise<ManagerInfo> {
  return call('/manager-api/info');
}

/** Asks the manager to look at the configured license server's health. */
export function probeLicenseServer(): Promise<ProbeResult> {
  return call('/manager-api/probe');
}

/** True for host names that never leave the machine (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/** C19: credentials would travel unencrypted from the manager to another machine. */
export function isInsecureLicenseServer(settings: Pick<ManagerSettings, 'useHttps' | 'licenseServerHost'>): boolean {
  return !settings.useHttps && !isLoopbackHost(settings.licenseServerHost);
}
