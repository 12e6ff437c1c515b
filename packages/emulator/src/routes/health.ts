import { EMULATED_SERVER, PACKAGE_VERSION } from '../version.js';
import type { RouteHandlers } from './types.js';

export const handlers: RouteHandlers = {
  getHealth(ctx) {
    let connectionCheck = 'success';
    try {
      ctx.db.prepare('SELECT 1').get();
    } catch {
      connectionCheck = 'failure';
    }
    return {
      LLS: {
        version: EMULATED_SERVER.version,
        buildDate: EMULATED_SERVER.buildDate,
        buildVersion: EMULATED_SERVER.buildVersion,
        branch: `licensedesk-emulator/${PACKAGE_VERSION}`,
        gitHash: EMULATED_SERVER.gitHash,
        patch: '0',
        fneBuildVersion: `${EMULATED_SERVER.version}.${EMULATED_SERVER.buildVersion}`,
        serverInstanceID: ctx.instanceId,
        database: { connectionCheck },
        security: ctx.settings.getBoolean('security.enabled') ? 'enabled' : 'disabled',
        httpAuth: 'disabled',
        licensingSecurityJSON: 'enabled',
        diskspace: 'ok',
        status: connectionCheck === 'success' ? 'RUNNING' : 'DEGRADED',
      },
    };
  },
};
