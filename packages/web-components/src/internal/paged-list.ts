import { html, type ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { LdPageChangeEvent } from '../events/page-change.js';
import type { LdRowSelectEvent } from '../events/row-select.js';
import type { LdColumn } from '../components/data-table/data-table.js';
import type { Page } from './sdk.js';

/** An SDK list that can read one page (`Paginated<T>`). */
export interface PageSource<T> {
  getPage(pageNumber: number, pageSize: number): Promise<Page<T>>;
}

export interface PagedListOptions<T, A extends readonly unknown[]> {
  /** What the list depends on besides paging (client, filter, record id, ...); a change loads again. */
  args: () => A;
  /** The SDK list for these values, or undefined when there is nothing to load (no client, no record). */
  list: (args: A, signal: AbortSignal) => PageSource<T> | undefined;
  /** The page to load (1-based). */
  pageNumber: () => number;
  /** Records per page (the element's own `page-size`, else the manager option). */
  pageSize: () => number;
}

/**
 * One page of a list read from the SDK, loaded again whenever its arguments, page number or page
 * size change. Keeps the loading / empty / error state the views show around their table.
 */
export class PagedList<T, A extends readonly unknown[] = readonly unknown[]> {
  private readonly task: Task<readonly unknown[], Page<T>>;

  constructor(host: ReactiveControllerHost, options: PagedListOptions<T, A>) {
    this.task = new Task(host, {
      task: async (values, { signal }): Promise<Page<T> | typeof initialState> => {
        const [pageNumber, pageSize] = values.slice(-2) as [number, number];
        const list = options.list(values.slice(0, -2) as unknown as A, signal);
        return list ? list.getPage(pageNumber, pageSize) : initialState;
      },
      // Spread, so that each value is compared on its own and an unchanged list is not read again.
      args: () => [...options.args(), options.pageNumber(), options.pageSize()],
    });
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  /** What the last load failed with. */
  get error(): unknown {
    return this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
  }

  /** The page shown: the last one read (also while the next one loads), none after an error. */
  get page(): Page<T> | undefined {
    return this.error ? undefined : this.task.value;
  }

  /** Nothing read yet and no error: the first load is under way. */
  get loading(): boolean {
    return !this.error && this.task.status !== TaskStatus.COMPLETE && !this.page;
  }

  /** Read, and the list has no records. */
  get empty(): boolean {
    const page = this.page;
    return !!page && page.total === 0;
  }

  /** Loads the current page again. */
  run(): void {
    void this.task.run();
  }
}

export interface PagedTableOptions<T> {
  caption: string;
  columns: LdColumn<T>[];
  /** Whether a newer page is being read (the table shows it as busy). */
  loading: boolean;
  onSelect: (event: LdRowSelectEvent<T>) => void;
  /** Accessible name of the pager. */
  pagerLabel: string;
  /** What the pager counts ("records", "devices"). */
  noun: string;
  onPageChange: (event: LdPageChangeEvent) => void;
}

/** The data table (`part="table"`) and pager (`part="pager"`) of one page of records. */
export function pagedTable<T>(page: Pick<Page<T>, 'items' | 'total' | 'pageSize' | 'pageNumber'>, options: PagedTableOptions<T>) {
  return html`<ld-data-table
      part="table"
      caption=${options.caption}
      hide-caption
      .columns=${options.columns}
      .rows=${page.items}
      ?loading=${options.loading}
      @ld-row-select=${options.onSelect}
    ></ld-data-table>
    <ld-pager
      part="pager"
      label=${options.pagerLabel}
      noun=${options.noun}
      total=${page.total}
      page-size=${page.pageSize}
      page-number=${page.pageNumber}
      @ld-page-change=${options.onPageChange}
    ></ld-pager>`;
}

/** What a list view's status banner shows. */
export interface ListState {
  error: unknown;
  loading: boolean;
  empty: boolean;
}

export interface ListStatusTexts {
  /** The banner's part name. */
  part: string;
  emptyText: string;
  loadingText: string;
  /** What the user was doing, for error messages ("view the devices"). */
  operation: string;
}

/** The loading / empty / error banner of a list, with a Retry control (`ld-retry`). */
export function listStatus(state: ListState, texts: ListStatusTexts) {
  return html`<ld-status
    part=${texts.part}
    .error=${state.error}
    ?loading=${state.loading}
    ?empty=${state.empty}
    empty-text=${texts.emptyText}
    loading-text=${texts.loadingText}
    operation=${texts.operation}
    retryable
  ></ld-status>`;
}
