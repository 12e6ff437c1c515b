#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT, defaultDataDir, startManagerServer, type ManagerServer, type ManagerServerOptions } from './app.js';
import { buildInfo } from './build-info.js';
import { licenseServerOrigin } from './settings.js';

const HELP = `Usage: licensedesk-manager [options]

Serves the LicenseDesk manager (the built site), keeps its Settings in a file and relays
the manager's API calls to exactly the configured FlexNet Embedded license server.

Options:
  --port N                  Port to listen on (default ${DEFAULT_PORT}; env LICENSEDESK_MANAGER_PORT)
  --host ADDRESS            Address to listen on (default ${DEFAULT_HOST}, this machine only;
                            --host 0.0.0.0 serves other machines; env LICENSEDESK_MANAGER_HOST)
  --data DIR                Where settings.json is kept (default ~/.licensedesk/manager;
                            env LICENSEDESK_MANAGER_DATA)
  --license-server URL      Initial license server, e.g. http://licsrv:7070 (only used while no
                            settings file exists; later change it in Settings;
                            env LICENSEDESK_LICENSE_SERVER)
  --license-server-ca FILE  PEM CA certificate(s) to trust for an HTTPS license server with a
                            private or self-signed certificate (env LICENSEDESK_LICENSE_SERVER_CA)
  --tls-cert FILE           PEM certificate: serve the manager over HTTPS (with --tls-key)
  --tls-key FILE            PEM private key for --tls-cert
  --site DIR                The built site (default: dist/site of this package)
  --allowed-host NAME       Extra Host name accepted while listening on a loopback address
                            (repeatable; e.g. behind a local reverse proxy)
  --verbose                 Log every request
  --version                 Print the version and exit
  --help                    Print this help and exit

Examples:
  licensedesk-manager --license-server http://licsrv:7070
  licensedesk-manager --host 0.0.0.0 --port 1443 --tls-cert cert.pem --tls-key key.pem
`;

function fail(message: string, code = 1): never {
  process.stderr.write(`licensedesk-manager: ${message}\n`);
  process.exit(code);
}

function readPem(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${what} ${file}: ${(error as Error).message}`);
  }
}

function parsePort(value: string, source: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) fail(`${source} must be a port number from 0 to 65535, not "${value}"`);
  return Number(value);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'license-server': { type: 'string' },
        'license-server-ca': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        site: { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        verbose: { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\nRun licensedesk-manager --help for the options.`, 2);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (values.version) {
    process.stdout.write(`${buildInfo().version}\n`);
    return;
  }

  const env = process.env;
  const portText = values.port ?? env.LICENSEDESK_MANAGER_PORT;
  const port = portText === undefined || portText === '' ? DEFAULT_PORT : parsePort(portText, values.port ? '--port' : 'LICENSEDESK_MANAGER_PORT');
  const host = values.host ?? (env.LICENSEDESK_MANAGER_HOST || DEFAULT_HOST);
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if (Boolean(certFile) !== Boolean(keyFile)) fail('--tls-cert and --tls-key go together');
  const caFile = values['license-server-ca'] ?? (env.LICENSEDESK_LICENSE_SERVER_CA || undefined);
  const licenseServer = values['license-server'] ?? (env.LICENSEDESK_LICENSE_SERVER || undefined);

  const options: ManagerServerOptions = {
    port,
    host,
    dataDir: values.data ?? (env.LICENSEDESK_MANAGER_DATA || defaultDataDir()),
    ...(licenseServer ? { licenseServer } : {}),
    ...(caFile ? { licenseServerCa: readPem(caFile, 'CA file') } : {}),
    ...(certFile && keyFile ? { tls: { cert: readPem(certFile, 'certificate'), key: readPem(keyFile, 'private key') } } : {}),
    ...(values.site ? { siteDir: values.site } : {}),
    ...(values['allowed-host'] ? { allowedHosts: values['allowed-host'] } : {}),
    logger: values.verbose ? { level: 'info' } : false,
    warn: (message) => process.stderr.write(`licensedesk-manager: warning: ${message}\n`),
  };

  // Signal handlers go in before anything is printed, so a Ctrl-C at any moment stops cleanly.
  let server: ManagerServer | undefined;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`licensedesk-manager: ${signal} again, exiting now\n`);
      process.exit(1);
    }
    stopping = true;
    if (!server) return; // still starting: exits as soon as the start finishes
    server
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`licensedesk-manager: error while stopping: ${(error as Error).message}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    server = await startManagerServer(options);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') {
      fail(`port ${port} on ${host} is already in use. Choose another one with --port N or LICENSEDESK_MANAGER_PORT=N.`);
    }
    if (err.code === 'EACCES') fail(`not allowed to listen on port ${port} on ${host} (ports below 1024 need privileges); choose another with --port N.`);
    if (err.code === 'EADDRNOTAVAIL') fail(`cannot listen on ${host}: no such address on this machine.`);
    fail(err.message ?? String(error));
  }
  if (stopping) {
    await server.close();
    process.exit(0);
  }

  const info = buildInfo();
  process.stdout.write(
    `LicenseDesk manager ${info.version} listening at ${server.url}/\n` +
      `  license server: ${licenseServerOrigin(server.settings())} (change it in Settings)\n` +
      `  settings file:  ${server.settingsFile}\n` +
      (server.siteBuilt ? '' : `  warning: no built site in ${server.siteDir}; build it with pnpm --filter @licensedesk/manager build\n`),
  );
}

main().catch((error: unknown) => fail((error as Error).stack ?? String(error)));
