import { isIP, isIPv6 } from 'node:net';

/** The outcome of checking what a user typed as the license server's host name. */
export type HostCheck = { ok: true; host: string } | { ok: false; message: string };

const LABEL = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?';
const HOST_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`);
const LMGRD_ADDRESS = /^(\d{1,5})@([^\s@/]+)$/;

/**
 * Checks a license server host field: accepts a host name, an IPv4 or an IPv6 address
 * (brackets optional) and returns it normalised; explains what is wrong otherwise
 * (lmgrd `port@host` addresses, URLs, `host:port`, paths).
 */
export function checkHost(input: unknown): HostCheck {
  if (typeof input !== 'string' || input.trim() === '') {
    return { ok: false, message: 'Enter the host name or IP address of the license server.' };
  }
  const value = input.trim();

  const lmgrd = LMGRD_ADDRESS.exec(value);
  if (lmgrd) {
    const [, port, host] = lmgrd;
    return {
      ok: false,
      message:
        `"${value}" looks like an lmgrd (FlexNet Publisher) license server address (port@host). ` +
        'The manager talks to a FlexNet Embedded local license server over its REST API: enter that ' +
        `server's host name (for example "${host}") here and its REST port (default 7070, not ${port}) ` +
        'in License Server Port.',
    };
  }

  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value);
  if (scheme) {
    const hint = hintFromUrl(value);
    return {
      ok: false,
      message:
        `Enter the host name only, without "${scheme[1]}://"` +
        (hint ? `: for "${value}" enter host "${hint.host}", port ${hint.port} and Connect Using HTTPS ${hint.https ? 'Yes' : 'No'}.` : '.'),
    };
  }

  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) {
    const address = bracketed[1] ?? '';
    if (isIPv6(address)) {
      if (bracketed[2]) return portInHost(address, bracketed[2]);
      return { ok: true, host: address.toLowerCase() };
    }
    return { ok: false, message: `"${value}" is not a valid IPv6 address.` };
  }

  if (isIP(value) === 6) return { ok: true, host: value.toLowerCase() };
  if (isIP(value) === 4) return { ok: true, host: value };

  if (/[/?#\\]/.test(value)) {
    return {
      ok: false,
      message: `Enter the host name only, without a path: for "${value}" enter "${value.split(/[/?#\\]/)[0]}". The manager adds /api/1.0/instances/~ itself.`,
    };
  }

  const hostPort = /^([^:]+):(\d+)$/.exec(value);
  if (hostPort) return portInHost(hostPort[1] ?? '', hostPort[2] ?? '');

  if (value.includes('@')) {
    return { ok: false, message: `"${value}" is not a host name: remove the "@" and anything before it.` };
  }

  if (value.length > 253 || !HOST_NAME.test(value)) {
    return {
      ok: false,
      message: `"${value}" is not a valid host name or IP address (letters, digits, "-" and "." only).`,
    };
  }
  if (/^[\d.]+$/.test(value)) {
    return { ok: false, message: `"${value}" is not a valid IPv4 address.` };
  }
  return { ok: true, host: value.toLowerCase().replace(/\.$/, '') };
}

function portInHost(host: string, port: string): HostCheck {
  return {
    ok: false,
    message: `Enter the port in License Server Port, not in the host name: host "${host}", port ${port}.`,
  };
}

function hintFromUrl(value: string): { host: string; port: number; https: boolean } | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    return { host, port: url.port ? Number(url.port) : DEFAULT_LICENSE_SERVER_PORT, https: url.protocol === 'https:' };
  } catch {
    return null;
  }
}

/** FlexNet Embedded local license servers listen on 7070 unless configured otherwise. */
export const DEFAULT_LICENSE_SERVER_PORT = 7070;

/** Formats a host for use in a URL (brackets around IPv6 addresses). */
export function hostForUrl(host: string): string {
  return isIPv6(host) ? `[${host}]` : host;
}

/**
 * Reads a `--license-server` value (`http://host:port`, `https://host`, `host:port` or `host`)
 * into settings fields; a missing port means the FlexNet Embedded default, 7070.
 */
export function parseLicenseServerUrl(value: string): { licenseServerHost: string; licenseServerPort: number; useHttps: boolean } {
  const trimmed = value.trim();
  const lmgrd = LMGRD_ADDRESS.exec(trimmed);
  if (lmgrd) {
    // Its own wording: the Settings form's message talks about its fields, this one about the option.
    const [, port, host] = lmgrd;
    throw new Error(
      `"${trimmed}" looks like an lmgrd (FlexNet Publisher) license server address (port@host). ` +
        'The manager talks to a FlexNet Embedded local license server over REST: give --license-server ' +
        `(or LICENSEDESK_LICENSE_SERVER) its URL, for example http://${host}:${DEFAULT_LICENSE_SERVER_PORT} ` +
        `(its REST port, default ${DEFAULT_LICENSE_SERVER_PORT}, not ${port}).`,
    );
  }
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`"${value}" is not a license server URL (expected http://host:port or https://host:port).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`"${value}" must start with http:// or https://.`);
  }
  if (url.username || url.password) {
    throw new Error(`"${value}" must not contain a user name or password.`);
  }
  const host = checkHost(url.hostname.replace(/^\[(.*)\]$/, '$1'));
  if (!host.ok) throw new Error(host.message);
  return {
    licenseServerHost: host.host,
    licenseServerPort: url.port ? Number(url.port) : DEFAULT_LICENSE_SERVER_PORT,
    useHttps: url.protocol === 'https:',
  };
}
