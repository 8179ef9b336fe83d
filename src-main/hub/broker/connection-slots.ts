// Counts open connections, in total and per remote address, across both listeners. A refused
// connection never reaches aedes: like Mosquitto's max_connections, it is closed on accept.

export type SlotRefusal = 'global' | 'per-address';

export interface SlotLimits {
  maxConnections: number;
  maxConnectionsPerAddress: number;
}

export class ConnectionSlots {
  private total = 0;
  private readonly perAddress = new Map<string, number>();

  constructor(private readonly limits: () => SlotLimits) {}

  /** Takes a slot, or says which cap is full. A taken slot must be given back with release(). */
  acquire(address: string): SlotRefusal | null {
    const { maxConnections, maxConnectionsPerAddress } = this.limits();
    if (this.total >= maxConnections) return 'global';
    const used = this.perAddress.get(address) ?? 0;
    if (used >= maxConnectionsPerAddress) return 'per-address';
    this.total++;
    this.perAddress.set(address, used + 1);
    return null;
  }

  release(address: string): void {
    const used = this.perAddress.get(address) ?? 0;
    if (used <= 0) return;
    this.total--;
    if (used === 1) this.perAddress.delete(address);
    else this.perAddress.set(address, used - 1);
  }

  get open(): number {
    return this.total;
  }
}

/** `::ffff:127.0.0.2` and `127.0.0.2` are the same peer; count them as one. */
export function normalizeAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
