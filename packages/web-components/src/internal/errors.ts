/**
 * Turns anything a request can throw into what a person should read. Errors are recognised by
 * `name`/`status` rather than `instanceof`, so a second copy of the SDK in the page still works.
 */

export const ERROR_KINDS = [
  'unauthorized',
  'forbidden',
  'password-change',
  'unreachable',
  'rate-limited',
  'not-found',
  'aborted',
  'server',
  'unexpected',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** A displayable description of an error. Every field is plain text. */
export interface ErrorView {
  kind: ErrorKind;
  /** Short heading such as "Access denied". */
  title: string;
  /** One or two sentences for people. */
  message: string;
  /** The server's error key (`glsErr.*`) when there is one. */
  key?: string;
  /** The server's own message, when it answered with one. */
  serverMessage?: string;
  /** HTTP status when the server answered. */
  status?: number;
  /** The address tried, for unreachable servers. */
  url?: string;
  /** Seconds to wait before retrying, for rate limits. */
  retryAfter?: number;
  /** Server-side problem details. */
  details?: Array<{ path?: string; line?: number; column?: number; message: string }>;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  key?: unknown;
  url?: unknown;
  arguments?: unknown;
  details?: unknown;
  retryAfter?: unknown;
  cause?: unknown;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The HTTP status of an SDK error, if it has one. */
export function errorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as ErrorLike).status;
  return typeof status === 'number' ? status : undefined;
}

/** The server error key (`glsErr.*`) of an SDK error, if it has one. */
export function errorKey(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  return text((error as ErrorLike).key);
}

/** True for a cancelled request (a newer load replaced it); such errors are not shown. */
export function isAbort(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  return (error as ErrorLike).name === 'AbortError';
}

/**
 * Error keys of the manager's relay (status 502/504, `arguments[0]` the license server's address):
 * the relay answered, but the license server behind it did not.
 */
const RELAY_ERROR_KEYS = ['ldErr.serverUnreachable', 'ldErr.serverTimeout', 'ldErr.serverTlsError', 'ldErr.notLicenseServer'] as const;
type RelayErrorKey = (typeof RELAY_ERROR_KEYS)[number];

function isRelayErrorKey(key: string | undefined): key is RelayErrorKey {
  return (RELAY_ERROR_KEYS as readonly string[]).includes(key ?? '');
}

/** What to say for a relay error: the license server's address, and the cause when it is specific. */
function relayMessage(key: RelayErrorKey, url: string | undefined, relayText: string | undefined): string {
  const at = url ? ` at ${url}` : '';
  switch (key) {
    case 'ldErr.serverTimeout':
      return `The license server${at} accepted the connection but did not answer in time. Check that it is running and not overloaded.`;
    case 'ldErr.serverTlsError':
      // The relay's text names the cause (untrusted certificate, not TLS at all, ...) and what to do.
      return relayText ?? `The secure (TLS) connection to the license server${at} failed. Check its certificate and the HTTPS setting.`;
    case 'ldErr.notLicenseServer':
      return relayText ?? `The server${at} answered, but it is not a FlexNet Embedded license server. Check the host name and port.`;
    default:
      return `No answer from the license server${at}. Check that it is running and that the host name, port and HTTPS setting are right.`;
  }
}

function details(error: ErrorLike): ErrorView['details'] {
  if (!Array.isArray(error.details)) return undefined;
  return error.details
    .filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null)
    .map((d) => ({
      ...(typeof d.path === 'string' ? { path: d.path } : {}),
      ...(typeof d.line === 'number' ? { line: d.line } : {}),
      ...(typeof d.column === 'number' ? { column: d.column } : {}),
      message: typeof d.message === 'string' ? d.message : String(d.message ?? ''),
    }));
}

/**
 * Describes an error for display.
 * @param operation What was being done, e.g. "load the features"; used in access-denied texts.
 */
export function describeError(error: unknown, operation?: string): ErrorView {
  if (typeof error !== 'object' || error === null) {
    return { kind: 'unexpected', title: 'Something went wrong', message: String(error ?? 'Unknown error') };
  }
  const e = error as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const status = errorStatus(error);
  const key = text(e.key);
  const serverMessage = text(e.message);
  const withKey = <T extends ErrorView>(view: T): T => {
    if (key) view.key = key;
    if (status !== undefined) view.status = status;
    if (serverMessage && key) view.serverMessage = serverMessage;
    const d = details(e);
    if (d && d.length > 0) view.details = d;
    return view;
  };

  if (name === 'AbortError') {
    return { kind: 'aborted', title: 'Cancelled', message: 'The request was cancelled.' };
  }
  if (name === 'ConnectionError' || (status === undefined && name === 'TypeError' && /fetch/i.test(serverMessage ?? ''))) {
    const url = text(e.url);
    return {
      kind: 'unreachable',
      title: 'License server unreachable',
      message: url
        ? `No answer from the license server at ${url}. Check that it is running and that the host name, port and HTTPS setting are right.`
        : 'No answer from the license server. Check that it is running and that the host name, port and HTTPS setting are right.',
      ...(url ? { url } : {}),
    };
  }
  if (isRelayErrorKey(key)) {
    // The error's own `url` is the relay's; the license server's address is the first argument.
    const url = Array.isArray(e.arguments) ? text(e.arguments[0]) : undefined;
    return withKey({ kind: 'unreachable', title: 'License server unreachable', message: relayMessage(key, url, serverMessage), ...(url ? { url } : {}) });
  }
  if (status === 401 || name === 'UnauthorizedError' || name === 'AuthError') {
    if (key === 'glsErr.userAuthFailed') {
      return withKey({
        kind: 'unauthorized',
        title: 'Credentials rejected',
        message:
          'The user name or password is not right. If the password is forgotten, an administrator can reset it on the license server.',
      });
    }
    return withKey({
      kind: 'unauthorized',
      title: 'Login required',
      message: operation
        ? `Log in to ${operation}: the license server asks for credentials.`
        : 'The license server asks for credentials. Log in to continue.',
    });
  }
  if (status === 403 || name === 'ForbiddenError') {
    if (key === 'glsErr.passwordChangeRequired') {
      return withKey({
        kind: 'password-change',
        title: 'Password change required',
        message: 'Choose a new password before the license server allows anything else.',
      });
    }
    return withKey({
      kind: 'forbidden',
      title: 'Access denied',
      message: operation
        ? `Your account may not ${operation}. Log in as a user with the right role, or ask an administrator.`
        : 'Your account is not allowed to do this. Log in as a user with the right role, or ask an administrator.',
    });
  }
  if (status === 429 || name === 'TooManyRequestsError') {
    const retryAfter = typeof e.retryAfter === 'number' && e.retryAfter > 0 ? Math.ceil(e.retryAfter) : undefined;
    return withKey({
      kind: 'rate-limited',
      title: 'Too many attempts',
      message: retryAfter
        ? `The license server refuses more attempts for now. Wait ${retryAfter} seconds and try again.`
        : 'The license server refuses more attempts for now. Wait a minute and try again.',
      ...(retryAfter ? { retryAfter } : {}),
    });
  }
  if (status === 404 || name === 'NotFoundError') {
    return withKey({ kind: 'not-found', title: 'Not found', message: serverMessage ?? 'The license server has no such record.' });
  }
  if (status !== undefined || key) {
    return withKey({ kind: 'server', title: 'The license server reported an error', message: serverMessage ?? `HTTP ${status}` });
  }
  return { kind: 'unexpected', title: 'Something went wrong', message: serverMessage ?? 'An unexpected error occurred.' };
}
