import { LdEvent } from './ld-event.js';

/** Detail of `ld-properties-save`: the names and new values the server accepted. */
export interface LdPropertiesSaveDetail {
  changes: Record<string, string | number | boolean>;
}

/** License server properties were saved. */
export class LdPropertiesSaveEvent extends LdEvent<LdPropertiesSaveDetail> {
  static readonly eventName = 'ld-properties-save' as const;
  constructor(detail: LdPropertiesSaveDetail) {
    super(LdPropertiesSaveEvent.eventName, detail);
  }
}
