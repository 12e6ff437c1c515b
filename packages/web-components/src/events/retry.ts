import { LdEvent } from './ld-event.js';

/** The user asked to try a failed load again (from an `<ld-status>` "Try again" button). */
export class LdRetryEvent extends LdEvent<Record<string, never>> {
  static readonly eventName = 'ld-retry' as const;
  constructor() {
    super(LdRetryEvent.eventName, {});
  }
}
