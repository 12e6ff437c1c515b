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

export * from './context/index.js';
export * from './events/index.js';
export { defineElement } from './internal/define-element.js';
export { describeError, ERROR_KINDS, type ErrorKind, type ErrorView } from './internal/errors.js';
export type { LicenseServerClient } from './internal/sdk.js';
