// Which addresses the hub's A/AAAA records carry: the addresses its listeners can be reached on.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { isIP } from 'node:net';

export interface HostAddresses {
  v4: string[];
  v6: string[];
}

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/**
 * A hub bound to one address is reachable there only. A wildcard bind reaches every interface:
 * the LAN ones are announced, and the loopback ones only when there is nothing else (a machine
 * or network namespace with loopback alone, where a loopback answer is still the right one).
 * `0.0.0.0` listens on IPv4 only, so it gets no AAAA records.
 */
export function hostAddresses(
  host: string | undefined,
  interfaces: Interfaces = networkInterfaces(),
): HostAddresses {
  const bound = host?.replace(/^\[(.*)\]$/, '$1');
  if (bound && bound !== '0.0.0.0' && bound !== '::') {
    const family = isIP(bound);
    if (family === 4) return { v4: [bound], v6: [] };
    if (family === 6) return { v4: [], v6: [bound] };
    // A host name: the hub listens wherever it resolves; announce every interface.
  }
  const all = Object.values(interfaces).flatMap((list) => list ?? []);
  // Link-local IPv6 needs a zone to be used, which an AAAA record cannot carry.
  const usable = all.filter((a) => !(a.family === 'IPv6' && /^fe[89ab]/i.test(a.address)));
  const external = usable.filter((a) => !a.internal);
  const chosen = external.length > 0 ? external : usable;
  const unique = (family: 'IPv4' | 'IPv6'): string[] => [
    ...new Set(chosen.filter((a) => a.family === family).map((a) => a.address)),
  ];
  return { v4: unique('IPv4'), v6: bound === '0.0.0.0' ? [] : unique('IPv6') };
}
