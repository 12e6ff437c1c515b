/**
 * Browser commands: run in the vitest Node process, called from browser tests with
 * `import { commands } from '@vitest/browser/context'`.
 */
import type { BrowserCommand } from 'vitest/node';
import { emulatorControl } from './emulator-control.js';

/** Removes a network interface from the main emulator's host ids (its source disappeared). */
export const removeNetworkInterface: BrowserCommand<[name: string]> = (_context, name) => {
  emulatorControl.interfaces = emulatorControl.interfaces.filter((nic) => nic.name !== name);
};

/** Puts the network interfaces back as the global setup started them. */
export const resetNetworkInterfaces: BrowserCommand<[list: Array<{ name: string; mac: string }>]> = (_context, list) => {
  emulatorControl.interfaces = list.map((nic) => ({ ...nic }));
};

declare module '@vitest/browser/context' {
  interface BrowserCommands {
    removeNetworkInterface: (name: string) => Promise<void>;
    resetNetworkInterfaces: (list: Array<{ name: string; mac: string }>) => Promise<void>;
  }
}
