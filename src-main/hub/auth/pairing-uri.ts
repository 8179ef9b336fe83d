// How a phone finds the hub to pair: the pairing address (`pairingUrl`, what the QR code holds)
// is the hub's own web address with the one-time code, which a phone's camera opens in the
// browser, where the panel redeems it; `hearth://pair?…` carries the same for native apps, with
// every LAN address, the ports and the TLS fingerprint to pin. No typing and no internet.
import { networkInterfaces } from 'node:os';

export function lanAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry!.address);
}

/** What a pairing answer is made from: the fresh code and how the hub can be reached. */
export interface PairingFacts {
  code: string;
  host: string;
  port: number | null;
  /** Where the phone should talk once it has pinned the fingerprint; null when HTTPS is off. */
  httpsPort?: number | null;
  fingerprint: string | null;
  spkiPin?: string | null;
}

export function pairingUri(options: PairingFacts): string {
  const params = new URLSearchParams({ code: options.code });
  const hosts = lanAddresses(options.host);
  if (hosts.length > 0) params.set('hosts', hosts.join(','));
  if (options.port !== null) params.set('port', String(options.port));
  if (options.httpsPort != null) params.set('https', String(options.httpsPort));
  if (options.fingerprint) params.set('fp', options.fingerprint);
  if (options.spkiPin) params.set('pin', options.spkiPin);
  return `hearth://pair?${params.toString()}`;
}

export interface PairingLinks {
  /** The address the QR code holds: one the phone can most likely reach. */
  pairingUrl: string;
  /** The same on each of the hub's addresses (the first is pairingUrl). */
  pairingUrls: string[];
  pairingUri: string;
}

/**
 * `http(s)://<address>:<port>/pair#code=…`, HTTPS when it is on (the phone then meets the
 * hub's own certificate). The code travels in the fragment, which a browser never sends.
 */
export function pairingLinks(options: PairingFacts): PairingLinks {
  const secure = options.httpsPort != null;
  const port = secure ? options.httpsPort : options.port;
  const hosts = lanAddresses(options.host);
  const reachable = hosts.length > 0 ? hosts : ['127.0.0.1'];
  const scheme = secure ? 'https' : 'http';
  const fragment = new URLSearchParams({ code: options.code });
  // An app that reads the QR code itself can pin the key before it sends the code.
  if (secure && options.spkiPin) fragment.set('pin', options.spkiPin);
  const pairingUrls = reachable.map(
    (host) =>
      `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}/pair#${fragment.toString()}`,
  );
  return { pairingUrl: pairingUrls[0]!, pairingUrls, pairingUri: pairingUri(options) };
}
