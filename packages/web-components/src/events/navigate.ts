import { LdEvent } from './ld-event.js';

/** Detail of `ld-navigate`: the navigation item chosen and its href. */
export interface LdNavigateDetail {
  id: string;
  href: string | undefined;
}

/**
 * A navigation item was activated. Cancelable: a single-page host calls `preventDefault()` to route
 * itself, and the browser then does not follow the link.
 */
export class LdNavigateEvent extends LdEvent<LdNavigateDetail> {
  static readonly eventName = 'ld-navigate' as const;
  constructor(detail: LdNavigateDetail) {
    super(LdNavigateEvent.eventName, detail, { cancelable: true });
  }
}
