// Whether the hub announces itself with mDNS. A hub bound to a loopback address cannot be
// reached from the LAN, so announcing it there would send phones to an address that refuses
// them (contract 1: "never when --host is a loopback address").
import { BlockList, isIP } from 'node:net';

// BlockList understands every spelling of an address (0:0:0:0:0:0:0:1, ::ffff:127.0.0.1, …),
// which a string comparison would miss.
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

export function shouldAnnounce(host: string, enabled: boolean): boolean {
  return enabled && !isLoopbackHost(host);
}

export function isLoopbackHost(host: string): boolean {
  // `[::1]` is how a URL writes the address; a trailing dot is a fully qualified name.
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  // RFC 6761: `localhost` and every name under it resolve to loopback.
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  const family = isIP(name);
  if (family === 0) return false;
  return loopback.check(name, family === 4 ? 'ipv4' : 'ipv6');
}
