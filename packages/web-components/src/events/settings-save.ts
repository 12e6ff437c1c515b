import { LdEvent } from './ld-event.js';

/** The manager's own settings (not the license server's policy settings). */
export interface ManagerSettings {
  /** Records per page in paged views. */
  pageSize: number;
  /** License server host name or IP address. */
  host: string;
  /** License server port (7070 by default). */
  port: number;
  /** Talk to the license server over HTTPS. */
  https: boolean;
  /** Offer removing a device (releasing its licenses) in the Devices view. */
  allowDeviceDrop: boolean;
}

/** Detail of `ld-settings-save`. */
export interface LdSettingsSaveDetail {
  settings: ManagerSettings;
}

/** The user saved valid manager settings; the host persists them and sets the form's `state`. */
export class LdSettingsSaveEvent extends LdEvent<LdSettingsSaveDetail> {
  static readonly eventName = 'ld-settings-save' as const;
  constructor(detail: LdSettingsSaveDetail) {
    super(LdSettingsSaveEvent.eventName, detail);
  }
}
