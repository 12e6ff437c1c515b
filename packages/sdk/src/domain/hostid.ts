/** A host id as the server carries it: the value and its type (ETHERNET, STRING, USER, VM_UUID, ...). */
export interface HostId {
  value: string;
  type: string;
}

/** The type a host id has when none is given. */
export const DEFAULT_HOST_ID_TYPE = 'STRING';

// Host id types are producer-defined upper-case tokens such as ETHERNET, USER, VM_UUID or FLEXID9.
const TYPE_TOKEN = /^[A-Z][A-Z0-9_]*$/;

/** Tells whether a string looks like a host id type token (upper-case letters, digits and `_`). */
export function isHostIdType(text: string): boolean {
  return TYPE_TOKEN.test(text);
}

/**
 * Brings a host id to its canonical form for comparison: the type upper-cased; an ETHERNET value
 * with `:` and `-` removed and upper-cased; every other value unchanged.
 */
export function normaliseHostId(hostId: HostId): HostId {
  const type = hostId.type.toUpperCase();
  const value = type === 'ETHERNET' ? hostId.value.replace(/[:-]/g, '').toUpperCase() : hostId.value;
  return { value, type };
}

/** Tells whether two host ids name the same host: ETHERNET ignoring case and `:`/`-`, other types exactly. */
export function sameHostId(a: HostId, b: HostId): boolean {
  const na = normaliseHostId(a);
  const nb = normaliseHostId(b);
  return na.type === nb.type && na.value === nb.value;
}

/** A key that is equal for two host ids exactly when `sameHostId` says they match, for use in maps and sets. */
export function hostIdKey(hostId: HostId): string {
  const n = normaliseHostId(hostId);
  return `${n.type}\u0000${n.value}`;
}

/**
 * Parses a `value/TYPE` host id spec as model rules write it (`F01898AD8DD3/ETHERNET`); without a type
 * the host id is a STRING, and since values may contain `/` only a final upper-case type token after
 * the last `/` is taken as the type.
 */
export function parseHostIdSpec(spec: string): HostId {
  const slash = spec.lastIndexOf('/');
  if (slash >= 0) {
    const suffix = spec.slice(slash + 1);
    if (TYPE_TOKEN.test(suffix)) return { value: spec.slice(0, slash), type: suffix };
  }
  return { value: spec, type: DEFAULT_HOST_ID_TYPE };
}

/** Writes a host id as a `value/TYPE` spec that `parseHostIdSpec` reads back unchanged. */
export function formatHostIdSpec(hostId: HostId): string {
  return `${hostId.value}/${hostId.type}`;
}
