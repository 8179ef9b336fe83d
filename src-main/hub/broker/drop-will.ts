// Forgets a client's will before the hub closes it on purpose: a device whose rights were just
// revoked must not get its `offline` published (and retained) after the hub cleared its topics.
import type { Aedes, Client } from 'aedes';

interface WillHolder {
  will: unknown;
  _will: unknown;
}

interface WillStore {
  delWill(client: { id: string; brokerId: string }): Promise<unknown>;
}

export function dropWill(aedes: Aedes, client: Client): void {
  // aedes keeps the will on the client (`will`, and `_will` until CONNACK) and in persistence;
  // its close() publishes whatever is left on the client.
  const holder = client as Client & WillHolder;
  holder.will = null;
  holder._will = null;
  const persistence = (aedes as Aedes & { persistence?: Partial<WillStore> }).persistence;
  persistence?.delWill?.({ id: client.id, brokerId: aedes.id }).catch(() => {});
}
