/**
 * Paging over list endpoints whose body is a plain JSON array.
 *
 * The server may page (it honours `pageSize`/`pageNumber` and says how many records exist in
 * `X-Total-Count`) or may not (no header: the body is the whole list). Both look the same to
 * callers: pages are cut locally when the server sends everything.
 */

/** Default number of records per page for iteration. */
export const DEFAULT_PAGE_SIZE = 100;

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** Number of records in the whole list (at the time this page was read). */
  total: number;
  /** 1-based page number. */
  pageNumber: number;
  pageSize: number;
  pageCount: number;
}

/** What a page fetcher hands back: the body array and the `X-Total-Count` value, if sent. */
export interface FetchedPage<T> {
  items: T[];
  /** `null` when the server sent no `X-Total-Count`: `items` is then the whole list. */
  total: number | null;
}

/**
 * Fetches one page from the server (`pageNumber` is 1-based), or the whole list when called
 * without a page.
 */
export type PageFetcher<T> = (page?: { pageNumber: number; pageSize: number }) => Promise<FetchedPage<T>>;

/** A page read from a server that pages, or the whole list from one that does not. */
type Answer<T> = { kind: 'page'; items: T[]; total: number } | { kind: 'whole'; all: T[] };

export interface PaginatedOptions<T> {
  /** Page size used by iteration and `all()` when none is given. */
  pageSize?: number;
  /** Identity of a record, to yield each once across pages. Defaults to its `id` field. */
  idOf?: (item: T) => unknown;
}

function defaultIdOf(item: unknown): unknown {
  return typeof item === 'object' && item !== null && 'id' in item ? (item as { id: unknown }).id : undefined;
}

function checkPaging(pageNumber: number, pageSize: number): void {
  if (!Number.isInteger(pageNumber) || pageNumber < 1) {
    throw new RangeError(`pageNumber must be an integer from 1, got ${String(pageNumber)}.`);
  }
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`pageSize must be a positive integer, got ${String(pageSize)}.`);
  }
}

function localPage<T>(all: T[], pageNumber: number, pageSize: number): Page<T> {
  const start = (pageNumber - 1) * pageSize;
  return {
    items: all.slice(start, start + pageSize),
    total: all.length,
    pageNumber,
    pageSize,
    pageCount: Math.ceil(all.length / pageSize),
  };
}

/**
 * A list that can be read page by page or record by record:
 * `for await (const feature of client.features.list())`, `await list.getPage(2, 50)`,
 * `for await (const page of list.pages(500))`, or `await list.all()`.
 *
 * Nothing is fetched until one of those is called, and every call reads fresh data.
 * Iteration yields each record once (by `id`) even when records are added while it runs.
 */
export class Paginated<T> implements AsyncIterable<T> {
  readonly #fetchPage: PageFetcher<T>;
  readonly #pageSize: number;
  readonly #idOf: (item: T) => unknown;

  constructor(fetchPage: PageFetcher<T>, options: PaginatedOptions<T> = {}) {
    this.#fetchPage = fetchPage;
    this.#pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.#idOf = options.idOf ?? defaultIdOf;
    checkPaging(1, this.#pageSize);
  }

  /**
   * Asks for one page. Without `X-Total-Count` the answer is taken as the whole list, except
   * when its length cannot tell (exactly one page's worth, or a later page): then the whole
   * list is read once without paging parameters, so a server whose header is hidden (by a
   * proxy or CORS) never truncates the list.
   */
  async #read(pageNumber: number, pageSize: number): Promise<Answer<T>> {
    const fetched = await this.#fetchPage({ pageNumber, pageSize });
    if (fetched.total !== null) return { kind: 'page', items: fetched.items, total: fetched.total };
    const length = fetched.items.length;
    const unambiguous = length > pageSize || (pageNumber === 1 && length < pageSize);
    if (unambiguous) return { kind: 'whole', all: fetched.items };
    const whole = await this.#fetchPage();
    if (whole.total !== null && whole.items.length < whole.total) {
      return { kind: 'page', items: fetched.items, total: whole.total };
    }
    return { kind: 'whole', all: whole.items };
  }

  /** Reads one page (1-based). Pages the whole list locally when the server does not page. */
  async getPage(pageNumber: number, pageSize: number = this.#pageSize): Promise<Page<T>> {
    checkPaging(pageNumber, pageSize);
    const answer = await this.#read(pageNumber, pageSize);
    if (answer.kind === 'whole') return localPage(answer.all, pageNumber, pageSize);
    return {
      items: answer.items,
      total: answer.total,
      pageNumber,
      pageSize,
      pageCount: Math.ceil(answer.total / pageSize),
    };
  }

  /**
   * Iterates over the pages in order. Records already yielded on an earlier page are left
   * out of later ones, so inserts during iteration never repeat a record.
   */
  async *pages(pageSize: number = this.#pageSize): AsyncGenerator<Page<T>, void, undefined> {
    checkPaging(1, pageSize);
    const seen = new Set<unknown>();
    const fresh = (items: T[]): T[] =>
      items.filter((item) => {
        const id = this.#idOf(item);
        if (id === undefined || id === null) return true;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });

    for (let pageNumber = 1; ; pageNumber += 1) {
      const answer = await this.#read(pageNumber, pageSize);
      if (answer.kind === 'whole') {
        // The server sent the whole list: cut it into pages here, with no further requests.
        const pageCount = Math.ceil(answer.all.length / pageSize);
        for (let local = pageNumber; local <= pageCount; local += 1) {
          const page = localPage(answer.all, local, pageSize);
          yield { ...page, items: fresh(page.items) };
        }
        return;
      }
      const { items, total } = answer;
      const pageCount = Math.ceil(total / pageSize);
      if (items.length === 0) return;
      yield { items: fresh(items), total, pageNumber, pageSize, pageCount };
      // The newest total decides, so records added during iteration are still reached.
      if (items.length < pageSize || pageNumber >= pageCount) return;
    }
  }

  /** Reads every record into one array. */
  async all(pageSize: number = this.#pageSize): Promise<T[]> {
    const items: T[] = [];
    for await (const page of this.pages(pageSize)) items.push(...page.items);
    return items;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page.items;
  }
}
