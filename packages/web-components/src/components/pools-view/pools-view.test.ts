import { html } from 'lit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations, fixture, shadowQuery } from '../../../test/setup/fixture.js';
import { grantFeatures, startAdminServer, visibleText, type AdminServer } from '../../../test/setup/admin-server.js';
import type { LicenseServerClient } from '../../internal/sdk.js';
import type { LdDataTable } from '../data-table/data-table.js';
import type { LdModelEditor } from '../model-editor/model-editor.js';
import type { LdPoolsView } from './pools-view.js';

let server: AdminServer;
let admin: LicenseServerClient;

const MODEL = `model "teams" {
  partitions {
    partition "eng" { "f1" 1.0 4 }
    partition "lab" { "f2" 2.0 50% }
  }
  on hostid("F01898AD8DD3/ETHERNET") { use "eng" accept }
  on any() { use "lab", "default" accept }
}
`;

beforeAll(async () => {
  server = await startAdminServer({ seed: 'none' });
  admin = await server.client();
  await grantFeatures(server, admin, 'ACT-POOLS', [
    { featureName: 'f1', featureVersion: '1.0', count: 10 },
    { featureName: 'f2', featureVersion: '2.0', count: 4, expiry: '2099-12-31' },
  ]);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function mount(client: LicenseServerClient = admin, pageSize = 20): Promise<LdPoolsView> {
  const el = await fixture<LdPoolsView>(html`<ld-pools-view .client=${client} page-size=${pageSize}></ld-pools-view>`);
  await vi.waitFor(() => expect(el.shadowRoot!.querySelector('.pools, ld-status')).not.toBeNull());
  await vi.waitFor(() => expect(el.pools.length).toBeGreaterThan(0));
  await el.updateComplete;
  return el;
}

function toggles(el: LdPoolsView): HTMLButtonElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="pool-toggle"]')];
}

function poolRows(el: LdPoolsView, pool: string): string[][] {
  const table = el.shadowRoot!.querySelector<LdDataTable>(`[data-pool="${pool}"] ld-data-table`);
  if (!table) return [];
  return [...table.shadowRoot!.querySelectorAll('tbody tr.row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => visibleText(td)));
}

describe('<ld-pools-view>', () => {
  describe('what the server reports', () => {
    /** A client that answers only the pools list, with the pools given. */
    function poolsClient(pools: unknown[]): LicenseServerClient {
      return { session: null, pools: { list: async () => pools } } as unknown as LicenseServerClient;
    }
    const feature = (overrides: Record<string, unknown>) => ({
      featureId: 'FID_1',
      featureName: 'f1',
      featureVersion: '1.0',
      expiry: 'permanent',
      allocated: 10,
      used: 0,
      uncounted: false,
      status: 'OK',
      ...overrides,
    });

    it('shows Uncounted instead of Allocated 0, Expired for a passed expiry, and a warning when the default pool is over-used', async () => {
      const el = await mount(
        poolsClient([
          {
            name: 'default',
            default: true,
            features: [
              feature({ featureId: 'FID_A', allocated: 617, used: 651 }),
              feature({ featureId: 'FID_B', featureName: 'viewer', allocated: 0, used: 12, uncounted: true }),
              feature({ featureId: 'FID_C', featureName: 'old', expiry: '2020-01-01', allocated: 0, used: 0, status: 'OK' }),
            ],
          },
        ]),
      );
      const [pool] = toggles(el);
      expect(visibleText(pool!)).toContain('617 allocated, 651 used');
      expect(visibleText(shadowQuery(el, '[part~="over-use"]'))).toBe('over by 34: counts held from before the model');
      expect(visibleText(pool!)).not.toContain('651 of 617');
      pool!.click();
      await el.updateComplete;
      await vi.waitFor(() => expect(poolRows(el, 'default')).toHaveLength(3));
      const rows = poolRows(el, 'default').map((r) => [r[0]!.replace(/\s*Copy$/, ''), r[3], r[4], r[5]]);
      expect(rows).toContainEqual(['viewer', 'Uncounted', '12', 'OK']);
      expect(rows).toContainEqual(['old', '0', '0', 'Expired']);
      await expectNoAxeViolations(el);
    });
  });

  describe('without a model', () => {
    it('shows the default pool holding every count', async () => {
      const el = await mount();
      expect(el.pools.map((p) => p.name)).toEqual(['default']);
      expect(visibleText(el)).toContain('No model definition with named pools is active');
      toggles(el)[0]!.click();
      await el.updateComplete;
      await vi.waitFor(() => expect(poolRows(el, 'default')).toHaveLength(2));
      expect(poolRows(el, 'default').map((r) => [r[0]!.replace(/\s*Copy$/, ''), r[1], r[3]])).toEqual([
        ['f1', '1.0', '10'],
        ['f2', '2.0', '4'],
      ]);
    });
  });

  describe('with a model', () => {
    it('lists the named pools and the default pool; a disclosure button expands a pool to its features', async () => {
      await admin.model.upload(MODEL);
      try {
        // A device the rule sends to "eng" takes one count there.
        await admin.licensing.request({ hostId: { value: 'F01898AD8DD3', type: 'ETHERNET' }, features: [{ featureName: 'f1', featureVersion: '1.0', count: 1 }] });
        const el = await mount();
        expect(el.pools.map((p) => p.name)).toEqual(['eng', 'lab', 'default']);
        const [eng] = toggles(el);
        expect(eng!.getAttribute('aria-expanded')).toBe('false');
        expect(visibleText(eng!)).toContain('1 of 4 used');
        const body = el.shadowRoot!.getElementById(eng!.getAttribute('aria-controls')!)!;
        expect(body.hidden).toBe(true);

        eng!.click();
        await el.updateComplete;
        expect(eng!.getAttribute('aria-expanded')).toBe('true');
        expect(body.hidden).toBe(false);
        await vi.waitFor(() => expect(poolRows(el, 'eng')).toHaveLength(1));
        const table = shadowQuery<LdDataTable>(el, '[data-pool="eng"] ld-data-table');
        expect([...table.shadowRoot!.querySelectorAll('th')].map((th) => visibleText(th))).toEqual([
          'Feature Name',
          'Version',
          'Expiration Date',
          'Allocated',
          'Used',
          'Status',
        ]);
        expect(poolRows(el, 'eng')[0]!.map((c) => c.replace(/\s*Copy$/, ''))).toEqual(['f1', '1.0', 'Permanent', '4', '1', 'OK']);

        toggles(el)[1]!.click();
        await el.updateComplete;
        await vi.waitFor(() => expect(poolRows(el, 'lab')).toHaveLength(1));
        expect(poolRows(el, 'lab')[0]!.slice(1, 4)).toEqual(['2.0', '2099-12-31', '2']);
        await expectNoAxeViolations(el);

        eng!.click();
        await el.updateComplete;
        expect(eng!.getAttribute('aria-expanded')).toBe('false');
      } finally {
        await server.advance(60_000);
        await admin.model.delete();
      }
    });

    it('pages the pools with the page size given', async () => {
      await admin.model.upload(MODEL);
      try {
        const el = await mount(admin, 2);
        expect(toggles(el).map((t) => t.querySelector('.pool-name')!.textContent)).toEqual(['eng', 'lab']);
        const pager = shadowQuery(el, 'ld-pager');
        shadowQuery<HTMLButtonElement>(pager, 'button[aria-label="Page 2"]').click();
        await el.updateComplete;
        expect(toggles(el).map((t) => t.querySelector('.pool-name')!.textContent)).toEqual(['default']);
      } finally {
        await server.advance(60_000);
        await admin.model.delete();
      }
    });
  });

  describe('tabs', () => {
    it('switches between Pools and Model with the mouse and the arrow keys', async () => {
      const el = await mount();
      const tabs = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
      expect(tabs.map((t) => t.textContent!.trim())).toEqual(['Pools', 'Model']);
      expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
      tabs[0]!.focus();
      tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
      await vi.waitFor(() => expect(el.tab).toBe('model'));
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).toBe(tabs[1]);
      expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
      const editor = shadowQuery<LdModelEditor>(el, 'ld-model-editor');
      await vi.waitFor(() => expect(visibleText(editor)).toContain('No model definition is active'));
      expect(shadowQuery(el, '[role="tabpanel"]').getAttribute('aria-labelledby')).toBe(tabs[1]!.id);
      await expectNoAxeViolations(el);
      tabs[0]!.click();
      await el.updateComplete;
      expect(el.tab).toBe('pools');
    });

    it('shows a login prompt when the server asks for credentials', async () => {
      const anonymous = await server.client(null);
      const el = await fixture<LdPoolsView>(html`<ld-pools-view .client=${anonymous}></ld-pools-view>`);
      await vi.waitFor(() => expect(visibleText(el)).toContain('Login required'));
    });
  });
});
