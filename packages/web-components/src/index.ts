/**
 * @licensedesk/web-components: element classes, contexts, events and helpers. Importing this
 * module registers nothing; import `@licensedesk/web-components/define` (or one `define/<name>`
 * entry) to register the tags.
 */
export { LdProvider } from './components/provider/provider.js';
export { LdStatus, STATUS_VARIANTS, type StatusVariant } from './components/status/status.js';
export {
  LdDataTable,
  type LdColumn,
  type CellValue,
} from './components/data-table/data-table.js';
export { LdPager, pageItems, type PageItem } from './components/pager/pager.js';
export { LdNav, DEFAULT_NAV_GROUPS, type LdNavGroup, type LdNavItem } from './components/nav/nav.js';
export { LdLoginForm } from './components/login-form/login-form.js';
export { LdSettingsForm, SETTINGS_FORM_STATES, type SettingsFormState } from './components/settings-form/settings-form.js';
export { LdAboutPanel, type BuildInfo } from './components/about-panel/about-panel.js';
export { LdHostIdInput } from './components/hostid-input/hostid-input.js';
export { LdPropertiesEditor } from './components/properties-editor/properties-editor.js';
export {
  LdFeaturesTable,
  FEATURES_TABLE_VIEWS,
  SUMMARY_COLUMNS,
  DETAILS_COLUMNS,
  summaryRows,
  type FeaturesTableView,
  type FeatureSummaryRow,
} from './components/features-table/features-table.js';
export { LdFeatureDetails, SERVED_DEVICE_COLUMNS, VENDOR_STRING_SHORT_LENGTH } from './components/feature-details/feature-details.js';
export { LdDevicesTable, DEVICE_COLUMNS, hostidPrefixFilter } from './components/devices-table/devices-table.js';
export { LdDeviceDetails, CONSUMED_FEATURE_COLUMNS } from './components/device-details/device-details.js';

export { LdCodeView, CODE_MARKER_SEVERITIES, formatPosition, type CodeMarker, type CodeMarkerSeverity } from './components/code-view/code-view.js';
export { LdReservationForm } from './components/reservation-form/reservation-form.js';
export { LdReservationsImport, IMPORT_STATES, type ImportState, type ImportProblem } from './components/reservations-import/reservations-import.js';
export { LdReservationsView, RESERVATIONS_PANELS, modelBlock, type ReservationsPanel, type ModelBlock } from './components/reservations-view/reservations-view.js';
export { LdModelEditor, MODEL_SIZE_LIMIT } from './components/model-editor/model-editor.js';
export { LdPoolsView, POOLS_VIEW_TABS, type PoolsViewTab } from './components/pools-view/pools-view.js';
export { LdOfflineUpdates, RESPONSE_UPLOAD_STATES, type ResponseUploadState } from './components/offline-updates/offline-updates.js';
export { LdClientKey, checkKeyBytes, describeKey, type ClientKeyInfo } from './components/client-key/client-key.js';
export { DEFAULT_RESERVATION_HOST_ID_TYPES, reservationRows, type ReservationRow, type PendingEntry } from './internal/reservations.js';

export * from './context/index.js';
export * from './events/index.js';
export { defineElement } from './internal/define-element.js';
export { describeError, ERROR_KINDS, type ErrorKind, type ErrorView } from './internal/errors.js';
export type { LicenseServerClient } from './internal/sdk.js';
