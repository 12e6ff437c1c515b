/** This package's version (kept in step with package.json by the build). */
export const PACKAGE_VERSION = '0.1.0';

/** The FlexNet Embedded server release the emulator presents itself as. */
export const EMULATED_SERVER = {
  version: '2024.11.0',
  buildVersion: '301224',
  buildDate: '2024-11-18T09:12:44Z',
  gitHash: 'ld0emul',
} as const;
