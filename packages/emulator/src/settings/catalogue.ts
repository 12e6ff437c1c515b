/** The groups of the manager's Properties view, in display order. */
export const SETTING_GROUPS = [
  'General',
  'Secure REST API settings',
  'Server sync settings',
  'License generation',
  'Server-to-server sync',
  'Capability polling',
  'Locally deployed license server settings',
  'Logging',
] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

export const SETTING_TYPES = ['string', 'integer', 'boolean', 'duration', 'enum', 'hostid'] as const;
export type SettingType = (typeof SETTING_TYPES)[number];
export type SettingValue = string | number | boolean;

/** One known policy setting. `editable` = an administrator may change it; otherwise only the producer. */
export interface SettingDefinition {
  name: string;
  label: string;
  description: string;
  group: SettingGroup;
  type: SettingType;
  /** The value when neither producer nor administrator set one; `hostid` defaults are chosen per data folder. */
  default: SettingValue;
  editable: boolean;
  allowedValues?: string[];
  /** For integers: inclusive bounds. */
  min?: number;
  max?: number;
  /** For durations: smallest allowed value in seconds (0 allowed when absent). */
  minSeconds?: number;
}

const S = (d: SettingDefinition) => d;

/**
 * Every setting the emulator knows. Names from the vendor's policy reference where public
 * (`license-server-api.md` §4); the others are ours, one per field the Properties view groups need.
 */
export const SETTINGS_CATALOGUE: readonly SettingDefinition[] = [
  // General
  S({ name: 'server.hostid.selected', label: 'Server host id', group: 'General', type: 'hostid', default: '', editable: true,
    description: 'The host id (value/TYPE) the server registers with the back office. Changing it needs a return of all licenses and a trusted-storage reset on a real server.' }),
  S({ name: 'server.name', label: 'Server name', group: 'General', type: 'string', default: 'LicenseDesk emulator', editable: true,
    description: 'A human-readable name shown by management tools.' }),
  S({ name: 'database.backup-enabled', label: 'Trusted-storage backup', group: 'General', type: 'boolean', default: false, editable: false,
    description: 'Periodic backup of the trusted storage on the server.' }),

  // Secure REST API settings
  S({ name: 'security.enabled', label: 'Administrative security', group: 'Secure REST API settings', type: 'boolean', default: false, editable: false,
    description: 'When on, administrative calls need a login; when off, every call is allowed without one.' }),
  S({ name: 'security.anonymous', label: 'Anonymous read access', group: 'Secure REST API settings', type: 'boolean', default: false, editable: true,
    description: 'When on, read operations need no credentials even with administrative security enabled.' }),
  S({ name: 'security.token.duration', label: 'Token lifetime', group: 'Secure REST API settings', type: 'duration', default: '24h', editable: true, minSeconds: 1,
    description: 'How long a token from authorize stays valid before the user must log in again.' }),
  S({ name: 'security.ip.whitelist', label: 'Trusted IP addresses', group: 'Secure REST API settings', type: 'string', default: '', editable: true,
    description: 'Comma-separated IP addresses granted administrative rights without a login (empty: none).' }),
  S({ name: 'security.login.maxAttempts', label: 'Failed logins before lockout', group: 'Secure REST API settings', type: 'integer', default: 5, editable: true, min: 1, max: 100,
    description: 'Failed logins allowed per user and address within the lockout window before further attempts are refused.' }),
  S({ name: 'security.login.lockout', label: 'Login lockout window', group: 'Secure REST API settings', type: 'duration', default: '1m', editable: true, minSeconds: 1,
    description: 'The window over which failed logins are counted, and how long a lockout lasts.' }),

  // Server sync settings (to the back office)
  S({ name: 'lfs.syncTo.enabled', label: 'Sync to back office', group: 'Server sync settings', type: 'boolean', default: false, editable: false,
    description: 'Send usage data to the back office online.' }),
  S({ name: 'lfs.syncTo.includeAll', label: 'Sync full history', group: 'Server sync settings', type: 'boolean', default: false, editable: false,
    description: 'Off: only the current state of each active client is synchronised; on: the full history.' }),
  S({ name: 'lfs.syncTo.interval', label: 'Sync interval', group: 'Server sync settings', type: 'duration', default: '24h', editable: true, minSeconds: 60,
    description: 'How often usage data is sent to the back office.' }),
  S({ name: 'lfs.syncTo.url', label: 'Back-office URL', group: 'Server sync settings', type: 'string', default: '', editable: false,
    description: 'Where usage data is sent.' }),

  // License generation
  S({ name: 'licensing.borrowInterval', label: 'Server borrow interval', group: 'License generation', type: 'duration', default: '1w', editable: false, minSeconds: 1,
    description: 'The default borrow interval of served features when the license sets none.' }),
  S({ name: 'licensing.borrowIntervalMax', label: 'Maximum borrow interval', group: 'License generation', type: 'duration', default: '4w', editable: true, minSeconds: 1,
    description: 'An administrator cap on the borrow interval: served borrow expiries never exceed now plus this.' }),
  S({ name: 'licensing.renewInterval', label: 'Renew interval', group: 'License generation', type: 'duration', default: '15m', editable: false,
    description: 'How often clients are asked to renew, as a hint in responses.' }),
  S({ name: 'licensing.responseLifetime', label: 'Response lifetime', group: 'License generation', type: 'duration', default: '1d', editable: false, minSeconds: 1,
    description: 'How long a capability response stays valid for the client to process.' }),
  S({ name: 'licensing.clientExpiryTimer', label: 'Client expiry timer', group: 'License generation', type: 'duration', default: '1m', editable: true, minSeconds: 1,
    description: 'How often expired client features are reclaimed (number with optional s/m/h/d/w; a bare number is seconds).' }),
  S({ name: 'licensing.allowDuplicateClients', label: 'Allow duplicate clients', group: 'License generation', type: 'boolean', default: false, editable: false,
    description: 'Whether a second session of the same host id counts as a new client instead of replacing the first.' }),
  S({ name: 'licensing.modelUploadLock', label: 'Model upload lock', group: 'License generation', type: 'duration', default: '10s', editable: true,
    description: 'How long further model definition uploads are refused after a successful one.' }),

  // Server-to-server sync (failover)
  S({ name: 'failover.role', label: 'Failover role', group: 'Server-to-server sync', type: 'enum', default: 'none', editable: true, allowedValues: ['none', 'main', 'backup'],
    description: 'This server’s role in a failover pair.' }),
  S({ name: 'failover.peerUrl', label: 'Failover peer URL', group: 'Server-to-server sync', type: 'string', default: '', editable: true,
    description: 'The other server of the failover pair.' }),
  S({ name: 'failover.syncInterval', label: 'Failover sync interval', group: 'Server-to-server sync', type: 'duration', default: '5m', editable: true, minSeconds: 1,
    description: 'How often the pair synchronise their state.' }),
  S({ name: 'failover.maintenanceInterval', label: 'Failover maintenance interval', group: 'Server-to-server sync', type: 'duration', default: '1h', editable: false, minSeconds: 1,
    description: 'How long the backup serves on its own before it stops.' }),

  // Capability polling
  S({ name: 'polling.enabled', label: 'Capability polling', group: 'Capability polling', type: 'boolean', default: false, editable: true,
    description: 'Poll the back office for license updates.' }),
  S({ name: 'polling.interval', label: 'Polling interval', group: 'Capability polling', type: 'duration', default: '1d', editable: true, minSeconds: 60,
    description: 'How often the back office is polled.' }),
  S({ name: 'polling.url', label: 'Polling URL', group: 'Capability polling', type: 'string', default: '', editable: false,
    description: 'The back-office address polled for updates.' }),

  // Locally deployed license server settings
  S({ name: 'server.port', label: 'HTTP port', group: 'Locally deployed license server settings', type: 'integer', default: 7070, editable: true, min: 1, max: 65535,
    description: 'The port the server listens on (takes effect after a restart).' }),
  S({ name: 'server.requestLog.enabled', label: 'Request log', group: 'Locally deployed license server settings', type: 'boolean', default: false, editable: true,
    description: 'Write every licensing request to the request log.' }),
  S({ name: 'database.backup-interval', label: 'Backup interval', group: 'Locally deployed license server settings', type: 'duration', default: '1d', editable: false, minSeconds: 60,
    description: 'How often the trusted storage is backed up when backups are on.' }),

  // Logging
  S({ name: 'logging.threshold', label: 'Log level', group: 'Logging', type: 'enum', default: 'INFO', editable: true, allowedValues: ['ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE'],
    description: 'The least severe level written to the server log.' }),
  S({ name: 'logging.maxFileSize', label: 'Log file size (MB)', group: 'Logging', type: 'integer', default: 10, editable: true, min: 1, max: 1024,
    description: 'The size in megabytes at which the log file rolls over.' }),
  S({ name: 'logging.maxHistory', label: 'Log files kept', group: 'Logging', type: 'integer', default: 7, editable: true, min: 1, max: 365,
    description: 'How many rolled-over log files are kept.' }),
];

export const SETTINGS_BY_NAME: ReadonlyMap<string, SettingDefinition> = new Map(
  SETTINGS_CATALOGUE.map((d) => [d.name, d]),
);
