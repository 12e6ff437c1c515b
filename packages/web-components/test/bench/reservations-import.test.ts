/**
 * Benchmark (issue 5, "Done when"): import of a 5,000-group reservation file through
 * `<ld-reservations-import>` (browser checks, dry run, atomic import), then the first page of
 * `<ld-reservations-view>`. Runs with `pnpm --filter @licensedesk/web-components bench` (the normal
 * test run leaves test/bench out); prints the figures against the 3 s target.
 */
import { html } from 'lit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixture, shadowQuery } from '../setup/fixture.js';
import { grantFeatures, startAdminServer, type AdminServer } from '../setup/admin-server.js';
import type { LicenseServerClient } from '../../src/internal/sdk.js';
import type { LdReservationsImport } from '../../src/components/reservations-import/reservations-import.js';
import type { LdReservationsView } from '../../src/components/reservations-view/reservations-view.js';
import type { LdDataTable } from '../../src/components/data-table/data-table.js';

const GROUPS = 5_000;
const TARGET_MS = 3_000;

let server: AdminServer;
let admin: LicenseServerClient;

describe('benchmark: 5,000-group reservation import', () => {
  beforeAll(async () => {
    server = await startAdminServer({ seed: 'none' });
    admin = await server.client();
    await grantFeatures(server, admin, 'ACT-BENCH', [
      { featureName: 'f1', featureVersion: '1.0', count: GROUPS * 2 },
      { featureName: 'f2', featureVersion: '2.0', count: GROUPS },
    ]);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('validates, dry-runs, imports and shows the first page', async () => {
    const groups = Array.from({ length: GROUPS }, (_, i) => ({
      name: `group-${String(i).padStart(5, '0')}`,
      reservations: [
        {
          hostId: { value: (0x100000000000 + i).toString(16).toUpperCase(), type: 'ETHERNET' },
          reservationEntries: [
            { featureName: 'f1', featureVersion: '1.0', featureCount: 1 },
            { featureName: 'f2', featureVersion: '2.0', featureCount: 1 },
          ],
        },
      ],
    }));
    const text = JSON.stringify(groups, null, 2);
    const file = new File([text], 'bench.json', { type: 'application/json' });

    const panel = await fixture<LdReservationsImport>(html`<ld-reservations-import .client=${admin}></ld-reservations-import>`);
    const t0 = performance.now();
    expect(await panel.check(file)).toBe('ready');
    await panel.updateComplete;
    const t1 = performance.now();
    expect(await panel.import()).toBe(true);
    const t2 = performance.now();
    const view = await fixture<LdReservationsView>(html`<ld-reservations-view .client=${admin} page-size="50"></ld-reservations-view>`);
    await vi.waitFor(() => {
      const table = shadowQuery<LdDataTable>(view, 'ld-data-table');
      expect(table.shadowRoot!.querySelectorAll('tbody tr.row')).toHaveLength(100);
    }, { timeout: 10_000, interval: 5 });
    const t3 = performance.now();

    const figures = {
      fileKB: Math.round(text.length / 1024),
      checkAndDryRunMs: Math.round(t1 - t0),
      importMs: Math.round(t2 - t1),
      firstPageMs: Math.round(t3 - t2),
      totalMs: Math.round(t3 - t0),
    };
    console.log(`[bench] 5,000-group reservation import (target ${TARGET_MS} ms end to end): ${JSON.stringify(figures)}`);
    expect((await admin.reservations.list().getPage(1, 1)).total).toBe(GROUPS);
  }, 120_000);
});
