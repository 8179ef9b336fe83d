// What the fault tests ask of a real hub process: its memory (from /proc) and whether it still
// answers a `ping` with `pong` through its broker.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connectToken, nextMessage } from '../helpers/mqtt.js';
import type { HubProcess } from '../helpers/hub-process.js';

export function rssMiB(hub: HubProcess): number {
  const status = readFileSync(`/proc/${hub.ready.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

export async function assertHealthy(hub: HubProcess, what: string): Promise<void> {
  const client = await connectToken(`mqtt://127.0.0.1:${hub.ready.mqtt}`, hub.adminToken);
  try {
    const reply = nextMessage(client, 'ping', 5_000);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the SUBSCRIBE is answered first
    await client.publishAsync('hearth/action', 'ping', { qos: 1 });
    assert.equal((await reply).payload, 'pong', what);
  } finally {
    await client.endAsync();
  }
}
