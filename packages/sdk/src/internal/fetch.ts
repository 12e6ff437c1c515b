/** Fetch plumbing: custom CA certificates in Node, and combined abort signals. Not public. */

/** The fetch signature the client calls. */
export type FetchFunction = (input: Request, init?: RequestInit) => Promise<Response>;

function isNode(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
}

type AgentClass = new (options: { connect: { ca: string | string[] } }) => unknown;
interface UndiciModule {
  Agent?: AgentClass;
  default?: { Agent?: AgentClass };
}

async function loadCaDispatcher(ca: string | string[]): Promise<unknown> {
  // Kept out of reach of bundlers on purpose: undici is only ever loaded in Node, only when
  // `ca` is given, so browser bundles never include it.
  const specifier = 'undici';
  let undici: UndiciModule;
  try {
    undici = (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as UndiciModule;
  } catch (cause) {
    throw new Error(
      'The `ca` option needs the `undici` package (an optional dependency of @licensedesk/sdk); install it, or pass your own `fetch`.',
      { cause },
    );
  }
  const Agent = undici.Agent ?? undici.default?.Agent;
  if (!Agent) throw new Error('The installed `undici` package has no Agent export.');
  return new Agent({ connect: { ca } });
}

/**
 * Wraps `fetch` so that TLS connections trust exactly the given CA certificates (PEM), for
 * servers with a self-signed or private certificate. Verification stays on.
 */
export function fetchTrustingCa(ca: string | string[], baseFetch: FetchFunction): FetchFunction {
  if (!isNode()) {
    throw new TypeError(
      'The `ca` option works in Node only; in a browser, the browser decides which certificates it trusts.',
    );
  }
  let dispatcher: Promise<unknown> | undefined;
  return async (input, init) => {
    dispatcher ??= loadCaDispatcher(ca);
    return baseFetch(input, { ...init, dispatcher: await dispatcher } as RequestInit);
  };
}

/** One signal that aborts when any of the given ones does. */
export function anySignal(signals: (AbortSignal | null | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s != null);
  if (present.length <= 1) return present[0];
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(present);
  const controller = new AbortController();
  for (const signal of present) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
