export { LdEvent } from './ld-event.js';
export { LdRowSelectEvent, type LdRowSelectDetail } from './row-select.js';
export { LdPageChangeEvent, type LdPageChangeDetail } from './page-change.js';
export { LdSortChangeEvent, SORT_DIRECTIONS, type SortDirection, type LdSortChangeDetail } from './sort-change.js';
export { LdCopyEvent, type LdCopyDetail } from './copy.js';
export {
  LdLoginEvent,
  LdLoginRequiredEvent,
  LdLogoutEvent,
  LdAuthChangeEvent,
  LOGIN_REQUIRED_REASONS,
  type LoginRequiredReason,
  type LdAuthUser,
  type LdLoginDetail,
  type LdLoginRequiredDetail,
  type LdLogoutDetail,
  type LdAuthChangeDetail,
} from './auth.js';
export { LdNavigateEvent, type LdNavigateDetail } from './navigate.js';
export { LdSettingsSaveEvent, type LdSettingsSaveDetail, type ManagerSettings } from './settings-save.js';
export { LdPropertiesSaveEvent, type LdPropertiesSaveDetail } from './properties.js';
export { LdRetryEvent } from './retry.js';
export { LdFeatureSelectEvent, type LdFeatureSelectDetail } from './feature-select.js';
export { LdDeviceSelectEvent, type LdDeviceSelectDetail } from './device-select.js';
export { LdDeviceDroppedEvent, type LdDeviceDroppedDetail } from './device-dropped.js';
export { LdBackEvent, type LdBackDetail } from './back.js';

export {
  LdReservationsChangedEvent,
  LdReservationsImportedEvent,
  LdModelChangeEvent,
  LdDownloadEvent,
  LdOfflineResponseUploadEvent,
  LdClientKeyChangeEvent,
  LdCancelEvent,
  RESERVATION_CHANGE_ACTIONS,
  MODEL_CHANGE_ACTIONS,
  type ReservationChangeAction,
  type ModelChangeAction,
  type LdReservationsChangedDetail,
  type LdReservationsImportedDetail,
  type LdModelChangeDetail,
  type LdDownloadDetail,
  type LdOfflineResponseUploadDetail,
  type LdClientKeyChangeDetail,
  type LdCancelDetail,
  type LicenseChange,
} from './admin.js';

import type { LdRowSelectEvent } from './row-select.js';
import type { LdPageChangeEvent } from './page-change.js';
import type { LdSortChangeEvent } from './sort-change.js';
import type { LdCopyEvent } from './copy.js';
import type { LdAuthChangeEvent, LdLoginEvent, LdLoginRequiredEvent, LdLogoutEvent } from './auth.js';
import type { LdNavigateEvent } from './navigate.js';
import type { LdSettingsSaveEvent } from './settings-save.js';
import type { LdPropertiesSaveEvent } from './properties.js';
import type { LdRetryEvent } from './retry.js';
import type { LdFeatureSelectEvent } from './feature-select.js';
import type { LdDeviceSelectEvent } from './device-select.js';
import type { LdDeviceDroppedEvent } from './device-dropped.js';
import type { LdBackEvent } from './back.js';
import type {
  LdReservationsChangedEvent,
  LdReservationsImportedEvent,
  LdModelChangeEvent,
  LdDownloadEvent,
  LdOfflineResponseUploadEvent,
  LdClientKeyChangeEvent,
  LdCancelEvent,
} from './admin.js';

declare global {
  interface HTMLElementEventMap {
    'ld-row-select': LdRowSelectEvent;
    'ld-page-change': LdPageChangeEvent;
    'ld-sort-change': LdSortChangeEvent;
    'ld-copy': LdCopyEvent;
    'ld-login': LdLoginEvent;
    'ld-login-required': LdLoginRequiredEvent;
    'ld-logout': LdLogoutEvent;
    'ld-auth-change': LdAuthChangeEvent;
    'ld-navigate': LdNavigateEvent;
    'ld-settings-save': LdSettingsSaveEvent;
    'ld-properties-save': LdPropertiesSaveEvent;
    'ld-retry': LdRetryEvent;
    'ld-feature-select': LdFeatureSelectEvent;
    'ld-device-select': LdDeviceSelectEvent;
    'ld-device-dropped': LdDeviceDroppedEvent;
    'ld-back': LdBackEvent;
    'ld-reservations-changed': LdReservationsChangedEvent;
    'ld-reservations-imported': LdReservationsImportedEvent;
    'ld-model-change': LdModelChangeEvent;
    'ld-download': LdDownloadEvent;
    'ld-offline-response-upload': LdOfflineResponseUploadEvent;
    'ld-client-key-change': LdClientKeyChangeEvent;
    'ld-cancel': LdCancelEvent;
  }
}
