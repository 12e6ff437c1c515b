import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { StartInfo } from '../bootstrap.js';
import type { EmulatorContext } from '../context.js';
import { startEmulator, type RunningEmulator } from '../index.js';
import { DEFAULT_ADMIN_PASSWORD, DEFAULT_PRODUCER_PASSWORD, DEMO_CREDENTIALS } from '../options.js';

export const START_HELP = `licensedesk-emulator start — run a FlexNet Embedded license server emulator

Usage: licensedesk-emulator start [options]

Options:
  --port N              Port to listen on (default 7070; 0 = any free port)
  --host ADDR           Interface to listen on (default 127.0.0.1; 0.0.0.0 for all)
  --data DIR            Data folder (default ~/.licensedesk/emulator, or ./.licensedesk/emulator
                        when the home folder is not usable). Created when missing.
  --memory              Keep everything in memory (nothing is written)
  --seed demo|none      What a NEW data folder starts with (default none). Never changes an
                        existing folder.
  --secure              Administrative security on: everything except health, authorize and
                        device licensing needs a login
  --admin-password P    Initial password of "admin" (new folders; also LICENSEDESK_ADMIN_PASSWORD).
                        Without it, admin's password is ${DEFAULT_ADMIN_PASSWORD} and must be changed at first login.
  --tls-cert FILE       Serve HTTPS with this certificate (PEM); needs --tls-key
  --tls-key FILE        Private key (PEM) of the certificate
  --cors ORIGIN,...     Browser origins allowed to call the server directly
  --log                 Log every request (JSON lines on stdout)
  -h, --help            Show this help

Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.`;

/** What to say when the server cannot listen; undefined for other errors. */
function listenErrorMessage(error: unknown, port: number, host: string): string | undefined {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EADDRINUSE':
      return `Port ${port} is already in use: choose another with --port`;
    case 'EACCES':
      return `Not allowed to listen on port ${port} (ports below 1024 need privileges): choose another with --port`;
    case 'EADDRNOTAVAIL':
      return `Cannot listen on ${host}: no such address on this machine (see --host)`;
    default:
      return undefined;
  }
}

/**
 * The banner's account lines, saying what is true now: a password is shown only while it is
 * still the account's default (checked against the stored hash), otherwise it is the account's
 * own. Whether it must be changed at the next login comes from the account itself.
 */
async function accountLines(ctx: EmulatorContext, info: StartInfo): Promise<string[]> {
  const accounts: { name: string; password: string; note: string }[] = [
    { name: 'admin', password: DEFAULT_ADMIN_PASSWORD, note: '' },
    { name: 'producer', password: DEFAULT_PRODUCER_PASSWORD, note: '  (ROLE_PRODUCER)' },
    ...Object.entries(DEMO_CREDENTIALS).map(([name, a]) => ({ name, password: a.password, note: `  (${a.roles.join(', ')}; demo)` })),
  ];
  const checked = await Promise.all(
    accounts.map(async (account) => {
      const user = ctx.users.get(account.name);
      const isDefault = user !== undefined && (await ctx.users.verify(account.name, account.password)) !== undefined;
      return { ...account, user, isDefault };
    }),
  );
  const lines: string[] = [];
  for (const { name, password, note, user, isDefault } of checked) {
    if (!user) continue;
    const chosenNow = name === 'admin' && info.isNew && info.adminPasswordChosen;
    const shown = isDefault ? password : chosenNow ? '(password as chosen)' : '(changed: not the default)';
    const mustChange = user.passwordChangeRequired ? '  — must be changed at first login' : '';
    lines.push(`    ${name.padEnd(12)} ${shown}${mustChange || note}`);
  }
  return lines;
}

/** `~/.licensedesk/emulator`, or `./.licensedesk/emulator` when there is no usable home folder. */
export function defaultDataDir(): string {
  const home = homedir();
  return home && home !== '/' ? join(home, '.licensedesk', 'emulator') : resolve('.licensedesk', 'emulator');
}

export async function runStart(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '7070' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      memory: { type: 'boolean', default: false },
      seed: { type: 'string' },
      secure: { type: 'boolean', default: false },
      'admin-password': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      cors: { type: 'string' },
      log: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(START_HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  const seed = values.seed ?? 'none';
  if (seed !== 'demo' && seed !== 'none') throw new Error(`--seed must be demo or none, got ${values.seed}`);
  if (values.memory && values.data) throw new Error('Use either --data or --memory, not both.');
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) throw new Error('--tls-cert and --tls-key go together.');
  const dataDir = values.memory ? undefined : resolve(values.data ?? defaultDataDir());

  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      port,
      host: values.host,
      ...(dataDir ? { dataDir } : { memory: true }),
      seed,
      secure: values.secure,
      ...(values['admin-password'] !== undefined ? { adminPassword: values['admin-password'] } : {}),
      ...(values['tls-cert'] ? { tls: { cert: readFileSync(values['tls-cert']), key: readFileSync(values['tls-key']!) } } : {}),
      ...(values.cors ? { cors: values.cors.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
      logger: values.log,
    });
  } catch (error) {
    const message = listenErrorMessage(error, port, values.host);
    if (message === undefined) throw error;
    console.error(message);
    return 1;
  }
  const { context: ctx, info } = emulator;
  // Stop cleanly from here on, also on a signal sent as soon as the banner appears.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const lines = [
    `LicenseDesk emulator listening on ${emulator.url}`,
    `  API:          ${emulator.url}/api/1.0/instances/~  (short form ${emulator.url}/api/1.0)`,
    `  Instance id:  ${ctx.instanceId}`,
    `  Data:         ${dataDir ?? '(in memory)'}${
      info.isNew ? ` (new${info.seeded === 'demo' ? ', demo seed' : ''})` : values.seed !== undefined ? ' (existing; --seed ignored)' : ' (existing)'
    }`,
    `  Security:     ${ctx.settings.getBoolean('security.enabled') ? 'enabled (log in for admin calls)' : 'disabled (use --secure to require logins)'}`,
    '  Accounts:',
  ];
  lines.push(...(await accountLines(ctx, info)));
  lines.push('Press Ctrl-C to stop.');
  console.log(lines.join('\n'));
  return -1;
}
