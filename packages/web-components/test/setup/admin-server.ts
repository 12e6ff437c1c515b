/**
 * Browser-side helpers for the administrative view tests: a test file's own emulator (see
 * `admin-emulator.ts`) and SDK clients for it.
 */
import { commands } from '@vitest/browser/context';
import { createLicenseServerClient } from '@licensedesk/sdk';
import type { LicenseServerClient } from '../../src/internal/sdk.js';
import { licenseServer } from './client.js';
import type { AdminEmulatorOptions } from './admin-emulator.js';

/** A running test emulator of one test file. */
export interface AdminServer {
  url: string;
  /** A client of that emulator, logged in as `as` (admin by default; `null` = not logged in). */
  client(as?: 'admin' | 'reader' | null, options?: { fetch?: typeof fetch }): Promise<LicenseServerClient>;
  /** Moves the emulator's clock forward. */
  advance(ms: number): Promise<void>;
  /** Has the emulator's back office answer a request file with these entitlements. */
  respond(request: Uint8Array, entitlements: unknown): Promise<Uint8Array>;
  stop(): Promise<void>;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Starts an emulator for this test file (call in `beforeAll`, stop in `afterAll`). */
export async function startAdminServer(options: AdminEmulatorOptions = {}): Promise<AdminServer> {
  const { url } = await commands.startAdminEmulator(options);
  const info = licenseServer();
  return {
    url,
    async client(as = 'admin', clientOptions = {}) {
      const client = createLicenseServerClient({ server: url, ...(clientOptions.fetch ? { fetch: clientOptions.fetch } : {}) });
      if (as) await client.login(info[as].user, info[as].password);
      return client;
    },
    advance: (ms) => commands.advanceAdminEmulatorClock(url, ms),
    respond: async (request, entitlements) => fromBase64(await commands.backofficeRespond(url, toBase64(request), entitlements)),
    stop: () => commands.stopAdminEmulator(url),
  };
}

/** SHA-256 of bytes as hex, to compare binary files. */
export async function sha256Hex(bytes: Uint8Array | ArrayBuffer | Blob): Promise<string> {
  const data = bytes instanceof Blob ? await bytes.arrayBuffer() : bytes;
  const digest = await crypto.subtle.digest('SHA-256', data as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sets the files of a native file input as if the user chose them, and fires `change`. */
export function chooseFiles(input: HTMLInputElement, files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** One feature record of a back-office entitlement (per unit of its activation id). */
export interface GrantedFeature {
  featureName: string;
  featureVersion: string;
  count: number;
  expiry?: string;
}

/**
 * Installs features on a test emulator the way an administrator would offline: an activation
 * request, the back office's response, and its upload. Resolves with what the server changed.
 */
export async function grantFeatures(
  server: AdminServer,
  client: LicenseServerClient,
  activationId: string,
  features: GrantedFeature[],
  units = 1,
) {
  const request = await client.offline.activationRequest({ activationId, count: units });
  const response = await server.respond(request, { [activationId]: { count: units, features } });
  return client.offline.uploadResponse(response);
}

/** Types a value into a native input or select as a user would (sets it and fires `input` and `change`). */
export function typeInto(control: HTMLInputElement | HTMLSelectElement, value: string): void {
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Deletes every reservation group on the server. */
export async function deleteAllGroups(client: LicenseServerClient): Promise<void> {
  for (const group of await client.reservations.list().all()) await client.reservations.delete(group.id);
}

/** The text of an element and its shadow content, whitespace collapsed (for assertions on what people read). */
export function visibleText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) {
      parts.push(n.textContent ?? '');
      return;
    }
    if (!(n instanceof Element)) return;
    if (n.localName === 'style' || n.localName === 'script' || (n as HTMLElement).hidden) return;
    if (n.shadowRoot) {
      n.shadowRoot.childNodes.forEach(walk);
      return;
    }
    if (n instanceof HTMLSlotElement) {
      const assigned = n.assignedNodes({ flatten: true });
      (assigned.length > 0 ? assigned : [...n.childNodes]).forEach(walk);
      return;
    }
    n.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
