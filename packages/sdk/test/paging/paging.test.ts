import { afterEach, describe, expect, it } from 'vitest';
import { createLicenseServerClient, Paginated, type Device, type FetchedPage } from '../../src/index.js';
import { query, route, sendJson, startServer, type LocalServer } from '../client/local-server.js';

interface Row {
  id: number;
  name: string;
}

const rows = (n: number, from = 1): Row[] => Array.from({ length: n }, (_, i) => ({ id: from + i, name: `r${from + i}` }));

type Call = { pageNumber: number; pageSize: number } | undefined;

/**
 * A fetcher over an in-memory list that pages like the emulator (with a total), not at all,
 * or pages with its total hidden (a proxy or CORS dropping `X-Total-Count`).
 */
function fetcher(list: Row[], paged: boolean | 'hidden-total', calls: Call[] = []) {
  return async (page?: { pageNumber: number; pageSize: number }): Promise<FetchedPage<Row>> => {
    calls.push(page);
    if (!paged || !page) return { items: [...list], total: null };
    const start = (page.pageNumber - 1) * page.pageSize;
    return { items: list.slice(start, start + page.pageSize), total: paged === 'hidden-total' ? null : list.length };
  };
}

describe('Paginated', () => {
  it('uses the server pages and X-Total-Count when the server pages', async () => {
    const calls: Call[] = [];
    const list = new Paginated(fetcher(rows(25), true, calls));
    const page = await list.getPage(2, 10);
    expect(page).toEqual({ items: rows(10, 11), total: 25, pageNumber: 2, pageSize: 10, pageCount: 3 });
    expect(calls).toEqual([{ pageNumber: 2, pageSize: 10 }]);
  });

  it('pages the full array locally when the server sends no total', async () => {
    const list = new Paginated(fetcher(rows(25), false));
    expect(await list.getPage(3, 10)).toEqual({ items: rows(5, 21), total: 25, pageNumber: 3, pageSize: 10, pageCount: 3 });
    expect(await list.getPage(4, 10)).toEqual({ items: [], total: 25, pageNumber: 4, pageSize: 10, pageCount: 3 });
  });

  it('iterates pages with one request each when the server pages, and one request in all when it does not', async () => {
    const pagedCalls: Call[] = [];
    const paged = [];
    for await (const page of new Paginated(fetcher(rows(25), true, pagedCalls)).pages(10)) paged.push(page.items.length);
    expect(paged).toEqual([10, 10, 5]);
    expect(pagedCalls.map((c) => c?.pageNumber)).toEqual([1, 2, 3]);

    const fullCalls: Call[] = [];
    const local = [];
    for await (const page of new Paginated(fetcher(rows(25), false, fullCalls)).pages(10)) local.push(page.pageNumber);
    expect(local).toEqual([1, 2, 3]);
    expect(fullCalls).toHaveLength(1);
  });

  it('stops without an extra request when the total is a multiple of the page size', async () => {
    const calls: Call[] = [];
    expect(await new Paginated(fetcher(rows(20), true, calls)).all(10)).toHaveLength(20);
    expect(calls).toHaveLength(2);
  });

  it('yields nothing for an empty list', async () => {
    expect(await new Paginated(fetcher([], true)).all()).toEqual([]);
    expect(await new Paginated(fetcher([], false)).all()).toEqual([]);
  });

  it('yields each record once when records are inserted before the current page during iteration', async () => {
    const list = rows(30, 100);
    const seen: number[] = [];
    let inserted = false;
    for await (const row of new Paginated(fetcher(list, true), { pageSize: 10 })) {
      seen.push(row.id);
      if (row.id === 115 && !inserted) {
        // Three records with lower ids arrive: later pages shift by three.
        list.unshift(...rows(3, 1));
        inserted = true;
      }
    }
    const original = rows(30, 100).map((r) => r.id);
    expect(seen.filter((id) => id >= 100)).toEqual(original);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('reads the whole list once more instead of truncating when a full page comes back without a total', async () => {
    const calls: Call[] = [];
    const list = new Paginated(fetcher(rows(25), 'hidden-total', calls));
    expect(await list.all(10)).toEqual(rows(25));
    expect(calls).toEqual([{ pageNumber: 1, pageSize: 10 }, undefined]);

    const page = await new Paginated(fetcher(rows(25), 'hidden-total')).getPage(2, 10);
    expect(page).toEqual({ items: rows(10, 11), total: 25, pageNumber: 2, pageSize: 10, pageCount: 3 });
  });

  it('needs no second request when a short first page without a total is the whole list', async () => {
    const calls: Call[] = [];
    expect(await new Paginated(fetcher(rows(7), 'hidden-total', calls)).all(10)).toEqual(rows(7));
    expect(calls).toHaveLength(1);
  });

  it('refuses page numbers below 1 and page sizes below 1', async () => {
    const list = new Paginated(fetcher(rows(3), true));
    await expect(list.getPage(0, 10)).rejects.toBeInstanceOf(RangeError);
    await expect(list.getPage(1, 0)).rejects.toBeInstanceOf(RangeError);
  });
});

describe('lists over HTTP', () => {
  const servers: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  /** A server with `devices`, paging with X-Total-Count or not; `onPage` may change the list. */
  async function deviceServer(devices: Device[], options: { paged: boolean; onPage?: (pageNumber: number) => void }) {
    const server = await startServer((req, res) => {
      if (route(req) !== '/clients') return res.writeHead(404).end();
      const params = query(req);
      const pageSize = Number(params.get('pageSize'));
      const pageNumber = Number(params.get('pageNumber') || '1');
      let list = devices;
      const prefix = params.get('hostid');
      if (prefix?.endsWith('*')) list = list.filter((d) => d.hostid.hostidValue.startsWith(prefix.slice(0, -1)));
      const sorted = [...list].sort((a, b) => a.id - b.id);
      if (!options.paged || !pageSize) return sendJson(res, 200, sorted);
      const start = (pageNumber - 1) * pageSize;
      sendJson(res, 200, sorted.slice(start, start + pageSize), { 'X-Total-Count': String(sorted.length) });
      options.onPage?.(pageNumber);
    });
    servers.push(server);
    return server;
  }

  const device = (id: number, host = `HOST-${id}`): Device => ({
    id,
    servedStatus: 'NORMAL',
    hostid: { hostidValue: host, hostidType: 'STRING' },
  });

  it('reads a page with its total from a server that sends X-Total-Count', async () => {
    const server = await deviceServer(Array.from({ length: 42 }, (_, i) => device(i + 1)), { paged: true });
    const client = createLicenseServerClient({ server: server.url });
    const page = await client.devices.list().getPage(3, 20);
    expect(page.items.map((d) => d.id)).toEqual([41, 42]);
    expect(page).toMatchObject({ total: 42, pageNumber: 3, pageSize: 20, pageCount: 3 });
    expect(query(server.requests[0]!).get('pageSize')).toBe('20');
    expect(query(server.requests[0]!).get('pageNumber')).toBe('3');
  });

  it('pages locally against a server that ignores the paging parameters and sends no X-Total-Count', async () => {
    const server = await deviceServer(Array.from({ length: 42 }, (_, i) => device(i + 1)), { paged: false });
    const client = createLicenseServerClient({ server: server.url });
    const page = await client.devices.list().getPage(3, 20);
    expect(page.items.map((d) => d.id)).toEqual([41, 42]);
    expect(page).toMatchObject({ total: 42, pageCount: 3 });
    const all = await client.devices.list({}, { pageSize: 10 }).all();
    expect(all).toHaveLength(42);
    expect(server.requests).toHaveLength(2);
  });

  it('passes filters to the server on every page', async () => {
    const devices = [device(1, 'HOST-1A'), device(2, 'LAB-2'), device(3, 'HOST-1B'), device(4, 'HOST-2')];
    const server = await deviceServer(devices, { paged: true });
    const client = createLicenseServerClient({ server: server.url });
    const found = await client.devices.list({ hostid: 'HOST-1*' }, { pageSize: 1 }).all();
    expect(found.map((d) => d.id)).toEqual([1, 3]);
    expect(server.requests.every((r) => query(r).get('hostid') === 'HOST-1*')).toBe(true);
  });

  it('yields each of 12,000 devices exactly once while 50 new devices arrive mid-iteration, page size 500 (C27)', async () => {
    const devices = Array.from({ length: 12_000 }, (_, i) => device(i + 1));
    let arrived = 0;
    const server = await deviceServer(devices, {
      paged: true,
      onPage: (pageNumber) => {
        if (pageNumber === 5 || pageNumber === 12) {
          for (let i = 0; i < 25; i += 1) devices.push(device(20_000 + arrived++));
        }
      },
    });
    const client = createLicenseServerClient({ server: server.url });

    const counts = new Map<number, number>();
    for await (const d of client.devices.list({}, { pageSize: 500 })) counts.set(d.id, (counts.get(d.id) ?? 0) + 1);

    expect(arrived).toBe(50);
    for (let id = 1; id <= 12_000; id += 1) {
      if (counts.get(id) !== 1) throw new Error(`device ${id} was yielded ${counts.get(id) ?? 0} times`);
    }
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(server.requests.every((r) => query(r).get('pageSize') === '500')).toBe(true);
  });
});
