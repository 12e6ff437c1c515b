import { LdEvent } from './ld-event.js';

/** Detail of `ld-back`: which list the user asked to return to. */
export interface LdBackDetail {
  /** The list the detail page belongs to, such as `features` or `devices`. */
  to: string;
}

/** The user pressed a detail page's "Back to list" control; the host shows the list again. */
export class LdBackEvent extends LdEvent<LdBackDetail> {
  static readonly eventName = 'ld-back' as const;
  constructor(detail: LdBackDetail) {
    super(LdBackEvent.eventName, detail);
  }
}
