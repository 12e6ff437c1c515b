import { LdEvent } from './ld-event.js';

/** Detail of `ld-device-select`: the server record id of the device (client) chosen. */
export interface LdDeviceSelectDetail {
  /** Server record id of the device (for `client.devices.get(id)`). */
  id: number;
  /** The device's host id value, as shown in the Device ID column. */
  hostid: string;
  /** The host id type, such as `ETHERNET`. */
  hostidType: string;
}

/** A device row was chosen (click, or Enter/Space on the focused row). */
export class LdDeviceSelectEvent extends LdEvent<LdDeviceSelectDetail> {
  static readonly eventName = 'ld-device-select' as const;
  constructor(detail: LdDeviceSelectDetail) {
    super(LdDeviceSelectEvent.eventName, detail);
  }
}
