import { LdEvent } from './ld-event.js';

/** Detail of `ld-page-change`: the 1-based page asked for and the page size in use. */
export interface LdPageChangeDetail {
  pageNumber: number;
  pageSize: number;
}

/** The user asked for another page. */
export class LdPageChangeEvent extends LdEvent<LdPageChangeDetail> {
  static readonly eventName = 'ld-page-change' as const;
  constructor(detail: LdPageChangeDetail) {
    super(LdPageChangeEvent.eventName, detail);
  }
}
