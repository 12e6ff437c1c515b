import { licenseServerOrigin, type ManagerSettings } from './settings.js';
import { describeUpstreamError, type Upstream } from './upstream.js';
import type { ProbeResult } from '../shared/probe-result.js';

export type { ProbeResult };

export const HEALTH_PATH = '/api/1.0/instances/~/health';
const MAX_BODY = 256 * 1024;

/** Asks the configured license server for its health and says what was found there (C15). */
export function probeLicenseServer(settings: ManagerSettings, upstream: Upstream): Promise<ProbeResult> {
  const url = `${licenseServerOrigin(settings)}${HEALTH_PATH}`;
  const started = Date.now();
  const done = (result: Omit<ProbeResult, 'url' | 'elapsedMs'>): ProbeResult => ({ ...result, url, elapsedMs: Date.now() - started });

  return new Promise((resolve) => {
    const request = upstream.request(settings, 'GET', HEALTH_PATH, { accept: 'application/json' });
    request.once('error', (error) => {
      const failure = describeUpstreamError(error, settings);
      if (failure.kind === 'unreachable' || failure.kind === 'timeout') {
        resolve(done({ reachable: false, isFlexNetEmbedded: false, error: `unreachable: ${url}: ${failure.cause}` }));
      } else if (failure.kind === 'tls') {
        resolve(done({ reachable: true, isFlexNetEmbedded: false, error: failure.body.message }));
      } else {
        resolve(done({ reachable: true, isFlexNetEmbedded: false, error: `not a FlexNet Embedded server: ${failure.cause}` }));
      }
    });
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) {
          response.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.once('error', () => resolve(done({ reachable: true, isFlexNetEmbedded: false, httpStatus: response.statusCode, error: 'not a FlexNet Embedded server: the answer broke off' })));
      response.once('end', () => {
        const httpStatus = response.statusCode ?? 0;
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = undefined;
        }
        const lls = (body as { LLS?: unknown } | undefined)?.LLS;
        if (lls && typeof lls === 'object') {
          const { version, status } = lls as { version?: unknown; status?: unknown };
          resolve(
            done({
              reachable: true,
              isFlexNetEmbedded: true,
              httpStatus,
              ...(typeof version === 'string' ? { version } : {}),
              ...(typeof status === 'string' ? { status } : {}),
              ...(httpStatus >= 400 ? { error: `the health check answered HTTP ${httpStatus}` } : {}),
            }),
          );
          return;
        }
        const key = (body as { key?: unknown } | undefined)?.key;
        if (typeof key === 'string' && key.startsWith('glsErr.')) {
          // A FlexNet Embedded error body: the right kind of server, refusing the health check.
          resolve(done({ reachable: true, isFlexNetEmbedded: true, httpStatus, error: `the health check answered HTTP ${httpStatus} (${key})` }));
          return;
        }
        resolve(
          done({
            reachable: true,
            isFlexNetEmbedded: false,
            httpStatus,
            error: `not a FlexNet Embedded server: ${url} answered HTTP ${httpStatus} without a FlexNet Embedded health document`,
          }),
        );
      });
    });
    request.end();
  });
}
