// The real hub (startTestHub) seen from outside: raw MQTT devices, the HTTP API, and a way to
// join a device the contract's way (permit-join, hand_shake, `approved <secret>`).
import assert from 'node:assert/strict';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { checkedFetch } from '../helpers/openapi-check.js';
import { RawClient } from '../broker/raw-mqtt.js';
import { publishAcked, subscribeRaw } from './access-fixture.js';

export interface HubDevice {
  raw: RawClient;
  secret: string;
}

export class HubFixture {
  private readonly raws: RawClient[] = [];

  private constructor(
    readonly hub: TestHub,
    readonly port: number,
  ) {}

  static async start(): Promise<HubFixture> {
    const hub = await startTestHub();
    return new HubFixture(hub, Number(new URL(hub.mqttUrl).port));
  }

  async api(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await checkedFetch(`${this.hub.httpUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.hub.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }

  /**
   * The registry's decisions about each device (id, name, kind, status, address, secret state
   * as seen from outside). Times a device refreshes by itself (lastSeen, stateAt) are left
   * out, so a late state report cannot be mistaken for a change made by a refused client.
   */
  async devices(): Promise<unknown[]> {
    const { status, json } = await this.api('GET', '/api/v1/devices');
    assert.equal(status, 200);
    return (json.devices as Array<Record<string, unknown>>).map(
      ({ lastSeen: _lastSeen, stateAt: _stateAt, ...decisions }) => decisions,
    );
  }

  async refusals(): Promise<Array<{ message: string; data?: Record<string, unknown> }>> {
    const { json } = await this.api('GET', '/api/v1/activity?limit=500');
    return (json.entries as Array<{ kind: string; message: string }>).filter(
      (entry) => entry.kind === 'mqtt_refused',
    );
  }

  /** A raw MQTT connection that sent CONNECT with these fields (no username unless given). */
  async connect(
    fields: Parameters<RawClient['sendConnect']>[0],
  ): Promise<{ raw: RawClient; code: number }> {
    const raw = await RawClient.open(this.port);
    this.raws.push(raw);
    raw.sendConnect({ username: undefined, password: undefined, ...fields });
    return { raw, code: await raw.connackCode() };
  }

  async token(clientId: string): Promise<RawClient> {
    const { raw, code } = await this.connect({
      clientId,
      username: 'token',
      password: Buffer.from(this.hub.token),
    });
    assert.equal(code, 0);
    return raw;
  }

  /** Joins `id` while permit-join is open and logs it in with its secret. */
  async joinApproved(id: string, kind = 'lock'): Promise<HubDevice> {
    assert.equal((await this.api('POST', '/api/v1/permit-join', { seconds: 60 })).status, 200);
    const { raw: joining, code } = await this.connect({ clientId: id });
    assert.equal(code, 0);
    assert.deepEqual(await subscribeRaw(joining, `hearth/devices/${id}/hand_shake`), [1]);
    await publishAcked(joining, 'hearth/action', `hand_shake ${id} ${kind}`);
    let secret = '';
    while (!secret) {
      const packet = await joining.nextPacket();
      if (packet.cmd === 'publish' && packet.payload.toString().startsWith('approved ')) {
        secret = packet.payload.toString().slice('approved '.length);
      }
    }
    joining.destroy();
    await joining.closed;
    const login = { clientId: id, username: id, password: Buffer.from(secret) };
    // The hub may still be closing the joining connection: retry until the id is free.
    for (let attempt = 0; ; attempt++) {
      const { raw, code: loggedIn } = await this.connect(login);
      if (loggedIn === 0) return { raw, secret };
      raw.destroy();
      if (attempt > 50) throw new Error(`${id} could not log in with its secret (${loggedIn})`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Waits until GET /devices shows `id` with this availability. */
  async until(id: string, availability: 'online' | 'offline'): Promise<void> {
    for (let i = 0; i < 250; i++) {
      const devices = (await this.devices()) as Array<{ id: string; availability: string }>;
      if (devices.find((device) => device.id === id)?.availability === availability) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${id} never became ${availability}`);
  }

  async close(): Promise<void> {
    for (const raw of this.raws) raw.destroy();
    await this.hub.close();
  }
}
