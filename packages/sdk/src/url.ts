/**
 * Server addresses: turning what a person typed (or configured) into the one API base URL
 * every call is built from, `<origin>[/<proxy prefix>]/api/1.0/instances/<instanceId>`.
 */

/** The instance id of a local license server. */
export const LOCAL_INSTANCE_ID = '~';

const API_SEGMENT = '/api/1.0';
const INSTANCES_SEGMENT = '/instances';

/** Why an address was refused by {@link parseServerAddress}. */
export type ServerAddressProblem =
  | 'empty'
  | 'lmgrd-address'
  | 'unsupported-scheme'
  | 'credentials-in-url'
  | 'invalid-url';

/** A usable server address. */
export interface ParsedServerAddress {
  ok: true;
  /** The API base every call is joined to: `…/api/1.0/instances/<instanceId>`, no trailing slash. */
  baseUrl: string;
  /** `protocol://host[:port]` of the server. */
  origin: string;
  /** The instance id in effect: the explicit option, else the one in the address, else `~`. */
  instanceId: string;
}

/** An address that cannot be used, with a sentence to show and a hint on what to type instead. */
export interface RejectedServerAddress {
  ok: false;
  code: ServerAddressProblem;
  /** One sentence saying what is wrong with the input. */
  reason: string;
  /** One sentence saying what to do instead. */
  hint: string;
}

export type ServerAddressResult = ParsedServerAddress | RejectedServerAddress;

// `port@host`, `@host`, and lmgrd's redundant lists `p1@h1:p2@h2` / `p1@h1;p2@h2`.
const LMGRD_ADDRESS = /^\d*@[^\s/@:;,]+(?:[:;,]\d*@[^\s/@:;,]+)*$/;
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

function lmgrdRejection(input: string): RejectedServerAddress {
  const [port, host] = input.split(/[:;,]/)[0]!.split('@');
  const example = `http://${host ?? 'licsrv'}:7070`;
  return {
    ok: false,
    code: 'lmgrd-address',
    reason: `"${input}" looks like an lmgrd (FlexNet Publisher) license server address (port${port ? ` ${port}` : ''} at host ${host}), which speaks a different protocol than a FlexNet Embedded license server.`,
    hint: `Enter the REST address of the FlexNet Embedded license server instead, for example ${example} (the local server's default port is 7070).`,
  };
}

/**
 * Checks a server address typed by a person and resolves it to the API base URL, without
 * throwing. Accepts an origin (`http://licsrv:7070`, with or without trailing slash), an address
 * that already carries `/api/1.0/instances/<id>` (a local `~` or a cloud instance id), or a host
 * without scheme (`licsrv:7070`, taken as `http://`). Refuses lmgrd-style `port@host` input
 * with an explanation (field case C15).
 */
export function parseServerAddress(input: string, instanceId?: string): ServerAddressResult {
  const text = input.trim();
  if (text === '') {
    return {
      ok: false,
      code: 'empty',
      reason: 'No server address was given.',
      hint: 'Enter the address of the license server, for example http://licsrv:7070.',
    };
  }
  if (!HAS_SCHEME.test(text) && LMGRD_ADDRESS.test(text)) return lmgrdRejection(text);

  let url: URL;
  try {
    url = new URL(HAS_SCHEME.test(text) ? text : `http://${text}`);
  } catch {
    return {
      ok: false,
      code: 'invalid-url',
      reason: `"${text}" is not a valid server address.`,
      hint: 'Enter an address such as http://licsrv:7070 or https://<site>.compliance.flexnetoperations.com/api/1.0/instances/<instance id>.',
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      code: 'unsupported-scheme',
      reason: `The license server REST API is reached over http or https, not ${url.protocol.slice(0, -1)}.`,
      hint: 'Start the address with http:// or https://.',
    };
  }
  if (url.username !== '' || url.password !== '') {
    if (/^\d*$/.test(url.username) && url.password === '') {
      return lmgrdRejection(`${url.username}@${url.hostname}`);
    }
    return {
      ok: false,
      code: 'credentials-in-url',
      reason: 'The server address contains a user name or password.',
      hint: 'Remove them from the address and pass them as credentials (or log in) instead.',
    };
  }

  // Split the path into a reverse-proxy prefix and an optional `/api/1.0[/instances/<id>]` tail.
  const path = url.pathname.replace(/\/+$/, '');
  let prefix = path;
  let idInUrl: string | undefined;
  const apiAt = path.indexOf(`${API_SEGMENT}`);
  if (apiAt !== -1 && (path.length === apiAt + API_SEGMENT.length || path[apiAt + API_SEGMENT.length] === '/')) {
    prefix = path.slice(0, apiAt);
    const rest = path.slice(apiAt + API_SEGMENT.length);
    if (rest.startsWith(`${INSTANCES_SEGMENT}/`)) {
      const segment = rest.slice(INSTANCES_SEGMENT.length + 1).split('/')[0];
      if (segment) idInUrl = decodeURIComponent(segment);
    }
  }
  prefix = prefix.replace(/\/{2,}/g, '/');

  const id = instanceId?.trim() || idInUrl || LOCAL_INSTANCE_ID;
  return {
    ok: true,
    origin: url.origin,
    instanceId: id,
    baseUrl: `${url.origin}${prefix}${API_SEGMENT}${INSTANCES_SEGMENT}/${encodeURIComponent(id)}`,
  };
}

/**
 * Resolves a server address and optional instance id to the API base URL
 * (`…/api/1.0/instances/<id>`, no trailing slash). An explicit `instanceId` wins over one in
 * the address. Throws a `TypeError` carrying the reason and hint when the address is unusable.
 */
export function resolveServerUrl(server: string | URL, instanceId?: string): string {
  const result = parseServerAddress(String(server), instanceId);
  if (!result.ok) throw new TypeError(`${result.reason} ${result.hint}`);
  return result.baseUrl;
}

/** Joins a base URL and a path with exactly one `/` between them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
