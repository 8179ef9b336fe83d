// What the pairing QR code holds: the hub's LAN addresses, its HTTP port, the one-time code and
// the TLS fingerprint to pin, so a phone pairs with no typing and no internet.
import { networkInterfaces } from 'node:os';

export function lanAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry!.address);
}

export function pairingUri(options: {
  code: string;
  host: string;
  port: number | null;
  /** Where the phone should talk once it has pinned the fingerprint; null when HTTPS is off. */
  httpsPort?: number | null;
  fingerprint: string | null;
}): string {
  const params = new URLSearchParams({ code: options.code });
  const hosts = lanAddresses(options.host);
  if (hosts.length > 0) params.set('hosts', hosts.join(','));
  if (options.port !== null) params.set('port', String(options.port));
  if (options.httpsPort != null) params.set('https', String(options.httpsPort));
  if (options.fingerprint) params.set('fp', options.fingerprint);
  return `hearth://pair?${params.toString()}`;
}
