import { LdEvent } from './ld-event.js';

/** Sort directions of a table column. */
export const SORT_DIRECTIONS = ['ascending', 'descending'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** Detail of `ld-sort-change`: the column key and direction now applied. */
export interface LdSortChangeDetail {
  key: string;
  direction: SortDirection;
}

/** The user sorted a table by a column (the table sorts the rows it shows; a host may re-query). */
export class LdSortChangeEvent extends LdEvent<LdSortChangeDetail> {
  static readonly eventName = 'ld-sort-change' as const;
  constructor(detail: LdSortChangeDetail) {
    super(LdSortChangeEvent.eventName, detail);
  }
}
