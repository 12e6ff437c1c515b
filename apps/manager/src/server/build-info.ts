import { createRequire } from 'node:module';

// Replaced by tsup at build time (see tsup.config.ts); absent when running from source.
declare const __LD_MANAGER_VERSION__: string | undefined;
declare const __LD_BUILD_DATE__: string | undefined;
declare const __LD_GIT_COMMIT__: string | undefined;

/** What GET /manager-api/info answers. */
export interface ManagerBuildInfo {
  name: string;
  version: string;
  buildDate: string | null;
  gitCommit: string | null;
  nodeVersion: string;
  platform: string;
}

function sourceVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return '0.0.0-dev';
  }
}

/** The manager's build information, with the runtime's Node version. */
export function buildInfo(): ManagerBuildInfo {
  return {
    name: 'LicenseDesk Manager',
    version: typeof __LD_MANAGER_VERSION__ === 'string' ? __LD_MANAGER_VERSION__ : sourceVersion(),
    buildDate: typeof __LD_BUILD_DATE__ === 'string' ? __LD_BUILD_DATE__ : null,
    gitCommit: typeof __LD_GIT_COMMIT__ === 'string' && __LD_GIT_COMMIT__ ? __LD_GIT_COMMIT__ : null,
    nodeVersion: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}
