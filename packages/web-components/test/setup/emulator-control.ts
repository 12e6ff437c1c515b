/**
 * State the global setup and the browser commands share inside the vitest Node process (both run
 * there; `globalThis` keeps one copy even when the modules are loaded twice).
 */
export interface EmulatorControl {
  /** The network interfaces the main emulator reports as host ids. */
  interfaces: Array<{ name: string; mac: string }>;
}

const KEY = Symbol.for('licensedesk.test.emulator-control');
const store = globalThis as unknown as Record<symbol, EmulatorControl | undefined>;

export const emulatorControl: EmulatorControl = (store[KEY] ??= { interfaces: [] });
