import { createContext } from '@lit/context';

/** Options the manager's Settings give to the views: page size and whether devices may be dropped. */
export interface ManagerOptions {
  /** Records per page in paged views. */
  pageSize: number;
  /** Whether the Devices view offers removing a device. */
  allowDeviceDrop: boolean;
}

/** The page size used when no provider gives one. */
export const DEFAULT_PAGE_SIZE = 20;

/** What elements use when no `<ld-provider>` is above them. */
export const DEFAULT_MANAGER_OPTIONS: Readonly<ManagerOptions> = Object.freeze({
  pageSize: DEFAULT_PAGE_SIZE,
  allowDeviceDrop: false,
});

/** Manager options shared with the views below a provider. */
export const managerOptionsContext = createContext<ManagerOptions>(Symbol.for('licensedesk.manager-options'));
