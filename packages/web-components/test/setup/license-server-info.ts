/** What the global setup gives browser tests about the emulator it started (read with `inject('licenseServer')`). */
export interface TestCredentials {
  user: string;
  password: string;
}

export interface LicenseServerInfo {
  /** Origin of the emulator (administrative security on), e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The administrator (password already chosen, no forced change). */
  admin: TestCredentials;
  /** A user with ROLE_READ only. */
  reader: TestCredentials;
  /** An address where nothing listens, for unreachable-server tests. */
  unreachableUrl: string;
  /**
   * A second emulator whose administrator still has the default password, so the first login must
   * change it (C22). Only one test may use it: after the change it no longer asks.
   */
  forcedChange: { url: string } & TestCredentials;
  /** Host ids the main emulator reports (C17): eth0, wlan0 and docker0. */
  hostIds: ReadonlyArray<{ name: string; mac: string }>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    licenseServer: LicenseServerInfo;
  }
}
