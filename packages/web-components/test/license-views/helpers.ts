/** Reading what the feature and device views show, for their browser tests. */
import { vi } from 'vitest';
import { settle } from '../setup/fixture.js';

/** Visible text of an element, with white space collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The shadow root of an element, failing clearly when it has none. */
export function rootOf(element: Element): ShadowRoot {
  const root = element.shadowRoot;
  if (!root) throw new Error(`<${element.localName}> has no shadow root`);
  return root;
}

/** The `<ld-data-table>` inside a view (the first one, or the one matching `selector`). */
export function tableIn(view: Element, selector = 'ld-data-table'): HTMLElement | null {
  return rootOf(view).querySelector<HTMLElement>(selector);
}

/** Header texts of a data table. */
export function headers(table: Element): string[] {
  return [...rootOf(table).querySelectorAll('thead th')].map((th) => textOf(th));
}

/** Text of a cell: the value itself, without the labels of its More/Copy controls. */
export function cellText(cell: Element): string {
  const value = cell.querySelector('[part~="truncated"]');
  return value ? (value.textContent ?? '') : textOf(cell);
}

/** The record rows of a data table as arrays of cell texts. */
export function rows(table: Element): string[][] {
  return [...rootOf(table).querySelectorAll('tbody tr.row')].map((tr) => [...tr.querySelectorAll('td')].map(cellText));
}

/** The record rows as objects keyed by header text. */
export function rowObjects(table: Element): Array<Record<string, string>> {
  const names = headers(table);
  return rows(table).map((cells) => Object.fromEntries(cells.map((text, i) => [names[i] ?? String(i), text])));
}

/** The `<tr>` elements of a data table's records. */
export function rowElements(table: Element): HTMLTableRowElement[] {
  return [...rootOf(table).querySelectorAll<HTMLTableRowElement>('tbody tr.row')];
}

/** Waits until the view shows a data table with at least one row and no pending load; returns it. */
export async function waitForTable(view: Element, selector = 'ld-data-table'): Promise<HTMLElement> {
  let found: HTMLElement | null = null;
  await vi.waitFor(
    () => {
      found = tableIn(view, selector);
      if (!found || found.hasAttribute('loading') || rows(found).length === 0) throw new Error('table not ready');
    },
    { timeout: 10_000, interval: 25 },
  );
  await settle(found!);
  return found!;
}

/** The `<ld-status>` elements of a view. */
export function statuses(view: Element): HTMLElement[] {
  return [...rootOf(view).querySelectorAll<HTMLElement>('ld-status')];
}

/** Text shown by the view's status banners. */
export function statusText(view: Element): string {
  return statuses(view)
    .map((s) => textOf(s.shadowRoot))
    .join(' ')
    .trim();
}

/** Waits until one of the view's status banners shows `text`. */
export async function waitForStatus(view: Element, text: string | RegExp): Promise<string> {
  let shown = '';
  await vi.waitFor(
    () => {
      shown = statusText(view);
      const ok = typeof text === 'string' ? shown.includes(text) : text.test(shown);
      if (!ok) throw new Error(`status shows "${shown}", expected ${String(text)}`);
    },
    { timeout: 10_000, interval: 25 },
  );
  return shown;
}

/** The `<dd>` text of a detail page field by its label. */
export function fieldValue(view: Element, label: string): string {
  for (const row of rootOf(view).querySelectorAll('[part~="field"]')) {
    if (textOf(row.querySelector('dt')) === label) return textOf(row.querySelector('dd'));
  }
  throw new Error(`no field labelled ${label}`);
}

/** All field labels of a detail page, in order. */
export function fieldLabels(view: Element): string[] {
  return [...rootOf(view).querySelectorAll('[part~="field"] dt')].map((dt) => textOf(dt));
}

/** The vendor string used to check that server values are never parsed as HTML. */
export const HTML_PAYLOAD = '<img src=x onerror=alert(1)>';

/** Every element below `root`, through open shadow roots. */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const found: Element[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const child of node.querySelectorAll('*')) {
      found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  walk(root);
  return found;
}

/**
 * A fetch for the SDK client that passes every request to the emulator and rewrites JSON bodies
 * on the way back (the emulator offers no way to install a feature with a chosen vendor string).
 */
export function rewritingFetch(rewrite: (url: URL, body: unknown) => unknown): (input: Request, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!(response.headers.get('content-type') ?? '').includes('json')) return response;
    const body: unknown = await response.json();
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(rewrite(new URL(input.url), body)), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}
