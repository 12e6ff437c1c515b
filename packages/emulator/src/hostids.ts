import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';

export type HostIdKind = 'physical' | 'virtual' | 'removable' | 'string' | 'vm';

/** One host id the server can identify itself by. */
export interface ServerHostId {
  type: string;
  value: string;
  interface?: string;
  kind: HostIdKind;
}

/** A network interface as the host id service sees it (tests inject their own list). */
export interface NetworkInterfaceInfo {
  name: string;
  mac: string;
  internal?: boolean;
}

/** Where host ids come from; the defaults read the real machine. */
export interface HostIdSourceOptions {
  /** Lists the machine's network interfaces; defaults to `os.networkInterfaces()`. */
  interfaces?: () => NetworkInterfaceInfo[];
  /** Reads the VM UUID; defaults to `/sys/class/dmi/id/product_uuid` when readable. */
  vmUuid?: () => string | null;
}

const VIRTUAL_PREFIXES = ['docker', 'veth', 'br-', 'virbr', 'vmnet', 'vboxnet', 'tun', 'tap', 'cni', 'flannel', 'kube'];
const REMOVABLE_PREFIXES = ['wl', 'wlan', 'usb', 'enx', 'ww'];

function systemInterfaces(): NetworkInterfaceInfo[] {
  const result: NetworkInterfaceInfo[] = [];
  for (const [name, addresses] of Object.entries(networkInterfaces())) {
    const first = addresses?.[0];
    if (first) result.push({ name, mac: first.mac, internal: first.internal });
  }
  return result;
}

function systemVmUuid(): string | null {
  try {
    const text = readFileSync('/sys/class/dmi/id/product_uuid', 'utf8').trim();
    return text.length > 0 ? text.toUpperCase() : null;
  } catch {
    return null;
  }
}

function kindOf(name: string): HostIdKind {
  if (VIRTUAL_PREFIXES.some((p) => name.startsWith(p))) return 'virtual';
  if (REMOVABLE_PREFIXES.some((p) => name.startsWith(p))) return 'removable';
  return 'physical';
}

/**
 * The server's host ids: real Ethernet addresses (loopback and all-zero addresses left out), the
 * VM UUID when readable, and a STRING id stored with the data folder so it never changes.
 */
export class HostIdService {
  constructor(
    private readonly stringId: string,
    private readonly source: HostIdSourceOptions = {},
  ) {}

  list(): ServerHostId[] {
    const ids: ServerHostId[] = [];
    const seen = new Set<string>();
    const interfaces = (this.source.interfaces ?? systemInterfaces)()
      .filter((i) => !i.internal && i.name !== 'lo')
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const nic of interfaces) {
      const value = nic.mac.replace(/[:-]/g, '').toUpperCase();
      if (!/^[0-9A-F]{12}$/.test(value) || /^0+$/.test(value) || seen.has(value)) continue;
      seen.add(value);
      ids.push({ type: 'ETHERNET', value, interface: nic.name, kind: kindOf(nic.name) });
    }
    const uuid = (this.source.vmUuid ?? systemVmUuid)();
    if (uuid) ids.push({ type: 'VM_UUID', value: uuid, kind: 'vm' });
    ids.push({ type: 'STRING', value: this.stringId, kind: 'string' });
    return ids;
  }

  /** value/TYPE specs of the current host ids, for validating the selection setting. */
  specs(): string[] {
    return this.list().map((h) => `${h.value}/${h.type}`);
  }

  /** The id a new data folder selects: the first physical Ethernet address, else the STRING id. */
  initialSelection(): string {
    const ids = this.list();
    const pick = ids.find((h) => h.kind === 'physical') ?? ids.find((h) => h.kind === 'string')!;
    return `${pick.value}/${pick.type}`;
  }
}
