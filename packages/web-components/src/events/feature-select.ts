import { LdEvent } from './ld-event.js';

/** Detail of `ld-feature-select`: the feature record chosen, by server record id, name and version. */
export interface LdFeatureSelectDetail {
  /** Server record id of the feature (for `client.features.get(id)`); the first record of a summary row. */
  id: number;
  featureName: string;
  /** The version exactly as the server sends it (`"1.10"` stays `"1.10"`). */
  featureVersion: string;
  /** Every record id the chosen row stands for (one for a details row, all of a summary group). */
  recordIds: number[];
}

/** A feature row was chosen (click, or Enter/Space on the focused row). */
export class LdFeatureSelectEvent extends LdEvent<LdFeatureSelectDetail> {
  static readonly eventName = 'ld-feature-select' as const;
  constructor(detail: LdFeatureSelectDetail) {
    super(LdFeatureSelectEvent.eventName, detail);
  }
}
