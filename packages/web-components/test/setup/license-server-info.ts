/** What the global setup gives browser tests about the emulator it started (read with `inject('licenseServer')`). */
export interface TestCredentials {
  user: string;
  password: string;
}

export interface LicenseServerInfo {
  /** Origin of the emulator, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The administrator (all roles but producer). */
  admin: TestCredentials;
  /** A user with ROLE_READ only. */
  reader: TestCredentials;
  /** An address where nothing listens, for unreachable-server tests. */
  unreachableUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    licenseServer: LicenseServerInfo;
  }
}
