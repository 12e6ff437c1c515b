import { LdEvent } from './ld-event.js';

/** Detail of `ld-row-select`: the row object as given to the table and its index in `rows`. */
export interface LdRowSelectDetail<R = unknown> {
  row: R;
  index: number;
}

/** A table row was chosen by click or by Enter/Space on the focused row. */
export class LdRowSelectEvent<R = unknown> extends LdEvent<LdRowSelectDetail<R>> {
  static readonly eventName = 'ld-row-select' as const;
  constructor(detail: LdRowSelectDetail<R>) {
    super(LdRowSelectEvent.eventName, detail);
  }
}
