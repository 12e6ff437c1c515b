import { LdEvent } from './ld-event.js';

/** Detail of `ld-device-dropped`: the device removed from the server. */
export interface LdDeviceDroppedDetail {
  /** Server record id of the removed device. */
  id: number;
  /** Its host id value. */
  hostid: string;
}

/** A device was removed from the license server and the counts it held were released. */
export class LdDeviceDroppedEvent extends LdEvent<LdDeviceDroppedDetail> {
  static readonly eventName = 'ld-device-dropped' as const;
  constructor(detail: LdDeviceDroppedDetail) {
    super(LdDeviceDroppedEvent.eventName, detail);
  }
}
