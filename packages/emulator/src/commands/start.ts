import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../index.js';
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
      seed: { type: 'string', default: 'none' },
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
  if (values.seed !== 'demo' && values.seed !== 'none') throw new Error(`--seed must be demo or none, got ${values.seed}`);
  if (values.memory && values.data) throw new Error('Use either --data or --memory, not both.');
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) throw new Error('--tls-cert and --tls-key go together.');
  const dataDir = values.memory ? undefined : resolve(values.data ?? defaultDataDir());

  const emulator = await startEmulator({
    port,
    host: values.host,
    ...(dataDir ? { dataDir } : { memory: true }),
    seed: values.seed,
    secure: values.secure,
    ...(values['admin-password'] !== undefined ? { adminPassword: values['admin-password'] } : {}),
    ...(values['tls-cert'] ? { tls: { cert: readFileSync(values['tls-cert']), key: readFileSync(values['tls-key']!) } } : {}),
    ...(values.cors ? { cors: values.cors.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    logger: values.log,
  });
  const { context: ctx, info } = emulator;
  const adminChosen = info.adminPasswordChosen || !info.isNew;
  const admin = ctx.users.get('admin');
  const lines = [
    `LicenseDesk emulator listening on ${emulator.url}`,
    `  API:          ${emulator.url}/api/1.0/instances/~  (short form ${emulator.url}/api/1.0)`,
    `  Instance id:  ${ctx.instanceId}`,
    `  Data:         ${dataDir ?? '(in memory)'}${info.isNew ? ` (new${info.seeded === 'demo' ? ', demo seed' : ''})` : ' (existing; --seed ignored)'}`,
    `  Security:     ${ctx.settings.getBoolean('security.enabled') ? 'enabled (log in for admin calls)' : 'disabled (use --secure to require logins)'}`,
    '  Accounts:',
  ];
  if (admin) {
    lines.push(
      adminChosen
        ? `    admin        (password as chosen)${admin.passwordChangeRequired ? ' — must be changed at first login' : ''}`
        : `    admin        ${DEFAULT_ADMIN_PASSWORD}  — must be changed at first login`,
    );
  }
  if (ctx.users.get('producer')) lines.push(`    producer     ${info.isNew ? DEFAULT_PRODUCER_PASSWORD : '(password as set)'}  (ROLE_PRODUCER)`);
  for (const [name, account] of Object.entries(DEMO_CREDENTIALS)) {
    if (ctx.users.get(name)) lines.push(`    ${name.padEnd(12)} ${account.password}  (${account.roles.join(', ')}; demo)`);
  }
  lines.push('Press Ctrl-C to stop.');
  console.log(lines.join('\n'));

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
  return -1;
}
