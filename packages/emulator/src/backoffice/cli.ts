import { readFileSync, writeFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { privateKeyFromFile, privateKeyPem, keyFingerprint, sha256Hex, verifyBytes } from './crypto.js';
import { decodeEnvelope, describeKind, EnvelopeFormatError, requestIdHex } from './format.js';
import { EntitlementError, parseEntitlements, RefusedRequestError } from './entitlements.js';
import { OfflineFileError, respondToRequest } from './protocol.js';
import { readProducerKeyFromDataDir } from './keystore.js';

/** Where the back office command writes; injectable for tests. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

export const BACKOFFICE_HELP = `licensedesk-emulator backoffice — the producer's back office, offline

Usage:
  licensedesk-emulator backoffice respond --request FILE --entitlements FILE --out FILE
                                          (--data DIR | --producer-key FILE)
  licensedesk-emulator backoffice inspect FILE
  licensedesk-emulator backoffice export-key --data DIR --out FILE

Commands:
  respond     Reads a capability request or offline activation request the emulator produced,
              grants what the entitlement file lists, and writes a capability response signed
              with the producer key. Upload the response to the emulator to apply it.
  inspect     Prints what a request or response file holds and whether its signature is intact.
  export-key  Writes the producer private key of a data folder as PKCS#8 PEM, for use with
              --producer-key on another machine.

Options:
  --data DIR           The emulator's data folder; its producer key signs the response.
  --producer-key FILE  An Ed25519 private key (PKCS#8 PEM or DER) to sign with instead.
  --request FILE       The request file (from GET capability_request or POST activation_request).
  --entitlements FILE  JSON keyed by activation id; see the package README ("Entitlement files").
  --out FILE           Where to write the response (or the exported key).
  -h, --help           Show this help.

Run \`licensedesk-emulator backoffice <command> --help\` for one command's options and an example.

Grants:
  activation request (id X, count N)  X with N times the per-unit counts listed for X; N = 0 returns X.
  capability request                  every activation id in the file, at the units the server holds
                                      (or the file's "count", default 1); ids the file no longer lists
                                      are returned.
`;

export const RESPOND_HELP = `licensedesk-emulator backoffice respond — answer an offline request as the producer

Usage:
  licensedesk-emulator backoffice respond --request FILE --entitlements FILE --out FILE
                                          (--data DIR | --producer-key FILE)

Reads a capability request or offline activation request the emulator produced, grants what the
entitlement file lists for it, and writes a capability response signed with the producer key.
Upload the response to the emulator (POST capability_response) to apply it.

Options:
  --request FILE       The request file (from GET capability_request or POST activation_request).
  --entitlements FILE  JSON keyed by activation id; see the package README ("Entitlement files").
  --out FILE           Where to write the signed response.
  --data DIR           The emulator's data folder; its producer key signs the response.
  --producer-key FILE  An Ed25519 private key (PKCS#8 PEM or DER, see export-key) to sign with instead.
  -h, --help           Show this help.

Grants:
  activation request (id X, count N)  X with N times the per-unit counts listed for X; N = 0 returns X.
  capability request                  every activation id in the file, at the units the server holds
                                      (or the file's "count", default 1); ids the file no longer lists
                                      are returned.

Example:
  licensedesk-emulator backoffice respond --data ~/.licensedesk/emulator \\
    --request req.bin --entitlements entitlements.json --out resp.bin
`;

export const INSPECT_HELP = `licensedesk-emulator backoffice inspect — show what an offline file holds

Usage:
  licensedesk-emulator backoffice inspect FILE

Prints a capability request, activation request or capability response as JSON: its kind, the
server instance and host id, request id, sequence, time, signer, size, sha256 and payload, and
whether its signature is intact. Exits with 1 when the signature does not match or the file is
not an offline file.

Options:
  -h, --help  Show this help.

Example:
  licensedesk-emulator backoffice inspect resp.bin
`;

export const EXPORT_KEY_HELP = `licensedesk-emulator backoffice export-key — export the producer key of a data folder

Usage:
  licensedesk-emulator backoffice export-key --data DIR --out FILE

Writes the producer private key of an emulator data folder as PKCS#8 PEM (file mode 0600), so
that \`backoffice respond --producer-key FILE\` can sign responses for that server on another
machine. Keep the file secret: whoever holds it can grant licenses to the server.

Options:
  --data DIR   The emulator's data folder.
  --out FILE   Where to write the key.
  -h, --help   Show this help.

Example:
  licensedesk-emulator backoffice export-key --data ~/.licensedesk/emulator --out producer.pem
`;

const SUBCOMMAND_HELP: Record<string, string> = {
  respond: RESPOND_HELP,
  inspect: INSPECT_HELP,
  'export-key': EXPORT_KEY_HELP,
};

interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') {
      flags.set('help', true);
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) {
        flags.set(arg.slice(2, eq), arg.slice(eq + 1));
      } else {
        const next = argv[i + 1];
        if (next !== undefined && !next.startsWith('--')) {
          flags.set(arg.slice(2), next);
          i++;
        } else {
          flags.set(arg.slice(2), true);
        }
      }
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

class UsageError extends Error {}

function flag(args: ParsedArgs, name: string, required: true): string;
function flag(args: ParsedArgs, name: string, required?: false): string | undefined;
function flag(args: ParsedArgs, name: string, required = false): string | undefined {
  const value = args.flags.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value.`);
  if (value === undefined && required) throw new UsageError(`--${name} is required.`);
  return value;
}

function readFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new UsageError(`Cannot read ${what} ${path}: ${(err as Error).message}`);
  }
}

function loadProducerKey(args: ParsedArgs): KeyObject {
  const data = flag(args, 'data');
  const keyFile = flag(args, 'producer-key');
  if (data && keyFile) throw new UsageError('Give either --data or --producer-key, not both.');
  if (keyFile) {
    try {
      return privateKeyFromFile(readFile(keyFile, 'the producer key'));
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`Cannot use ${keyFile} as the producer key: ${(err as Error).message}`);
    }
  }
  if (data) return readProducerKeyFromDataDir(data).privateKey;
  throw new UsageError('Give --data DIR (the emulator data folder) or --producer-key FILE to sign the response.');
}

function respond(args: ParsedArgs, io: CliIo): number {
  const requestPath = flag(args, 'request', true);
  const entitlementsPath = flag(args, 'entitlements', true);
  const outPath = flag(args, 'out', true);
  const producerKey = loadProducerKey(args);
  let entitlementsJson: unknown;
  try {
    entitlementsJson = JSON.parse(readFile(entitlementsPath, 'the entitlement file').toString('utf8'));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`The entitlement file ${entitlementsPath} is not valid JSON: ${(err as Error).message}`);
  }
  const entitlements = parseEntitlements(entitlementsJson);
  const { request, response, payload } = respondToRequest(readFile(requestPath, 'the request'), entitlements, producerKey);
  writeFileSync(outPath, response);
  const what = request.payload.type === 'activation'
    ? `activation request for ${request.payload.activationId} (count ${request.payload.count})`
    : `capability request (${request.payload.activations.length} activation id(s) held)`;
  io.out(`Answered the ${what} of server ${request.envelope.instanceId}.`);
  for (const a of payload.activations) {
    io.out(a.features.length === 0
      ? `  ${a.activationId}: returned (no rights)`
      : `  ${a.activationId}: ${a.count} unit(s), ${a.features.length} feature record(s)`);
  }
  io.out(`Wrote ${response.length} bytes to ${outPath} (sha256 ${sha256Hex(response)}).`);
  return 0;
}

function inspect(args: ParsedArgs, io: CliIo): number {
  const path = args.positional[1];
  if (!path) throw new UsageError('Give the file to inspect: licensedesk-emulator backoffice inspect FILE');
  const bytes = readFile(path, 'the file');
  let envelope;
  try {
    envelope = decodeEnvelope(bytes);
  } catch (err) {
    if (err instanceof EnvelopeFormatError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  }
  let payload: unknown = envelope.payloadText;
  try {
    payload = JSON.parse(envelope.payloadText);
  } catch {
    // Shown as text when it is not JSON.
  }
  const intact = verifyBytes(envelope.publicKey, envelope.signedBytes, envelope.signature);
  io.out(JSON.stringify(
    {
      kind: describeKind(envelope.kind),
      formatVersion: envelope.version,
      [envelope.kind === 'response' ? 'targetInstanceId' : 'instanceId']: envelope.instanceId,
      hostId: envelope.hostId,
      requestId: requestIdHex(envelope.requestId),
      sequence: envelope.sequence.toString(),
      timestamp: new Date(Number(envelope.timestamp)).toISOString(),
      signer: keyFingerprint(envelope.publicKey),
      signature: intact ? 'intact' : 'DOES NOT MATCH (file changed after signing)',
      size: bytes.length,
      sha256: sha256Hex(bytes),
      payload,
    },
    null,
    2,
  ));
  return intact ? 0 : 1;
}

function exportKey(args: ParsedArgs, io: CliIo): number {
  const data = flag(args, 'data', true);
  const outPath = flag(args, 'out', true);
  const { privateDer, publicRaw } = readProducerKeyFromDataDir(data);
  writeFileSync(outPath, privateKeyPem(privateDer), { mode: 0o600 });
  io.out(`Wrote the producer key ${keyFingerprint(publicRaw)} to ${outPath}.`);
  return 0;
}

/** Runs `licensedesk-emulator backoffice ...` with the arguments after `backoffice`; returns the exit code. */
export function runBackofficeCli(argv: string[], io: CliIo = defaultIo): number {
  const args = parseArgs(argv);
  const command = args.positional[0];
  // `backoffice respond --help` and `backoffice help respond` show that command's help.
  const topic = command === 'help' ? args.positional[1] : command;
  if ((args.flags.has('help') || command === 'help') && topic !== undefined && SUBCOMMAND_HELP[topic]) {
    io.out(SUBCOMMAND_HELP[topic]);
    return 0;
  }
  if (args.flags.has('help') || command === 'help' || command === undefined) {
    io.out(BACKOFFICE_HELP);
    return command === undefined && !args.flags.has('help') ? 1 : 0;
  }
  try {
    switch (command) {
      case 'respond':
        return respond(args, io);
      case 'inspect':
        return inspect(args, io);
      case 'export-key':
        return exportKey(args, io);
      default:
        throw new UsageError(`Unknown backoffice command ${JSON.stringify(command)}. Try --help.`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof EntitlementError || err instanceof RefusedRequestError || err instanceof OfflineFileError) {
      io.err(err instanceof EntitlementError ? `Bad entitlement file: ${err.message}` : err.message);
      return err instanceof UsageError ? 2 : 1;
    }
    // Anything else (an unreadable data folder, a full disk) is reported without a stack trace.
    io.err(err instanceof Error ? err.message : String(err));
    return 1;
  }
}
