import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import mqtt from 'mqtt';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { collectMessages, connackCode, connectToken, nextMessage } from '../helpers/mqtt.js';

let hub: TestHub;
before(async () => {
  hub = await startTestHub();
});
after(async () => {
  await hub.close();
});

describe('the action inbox (contract 2.1)', () => {
  test('ping -> pong on topic ping, over TCP', async () => {
    const client = await connectToken(hub.mqttUrl, hub.token);
    try {
      const reply = nextMessage(client, 'ping');
      await new Promise((r) => setTimeout(r, 20));
      await client.publishAsync('hearth/action', 'ping', { qos: 1 });
      assert.equal((await reply).payload, 'pong');
    } finally {
      await client.endAsync();
    }
  });

  test('ping -> pong over WebSocket, first word case-folded', async () => {
    const client = await connectToken(hub.wsUrl, hub.token);
    try {
      await client.subscribeAsync('ping', { qos: 1 });
      const reply = nextMessage(client, 'ping');
      await client.publishAsync('hearth/action', '  PiNg  extra words ', { qos: 1 });
      assert.equal((await reply).payload, 'pong');
    } finally {
      await client.endAsync();
    }
  });

  test('an unknown action gets no reply, and an action_error event says why', async () => {
    const client = await connectToken(hub.mqttUrl, hub.token);
    try {
      const event = nextMessage(client, 'hearth/events/action_error');
      const replies = collectMessages(client, 'nosuch', 400);
      await new Promise((r) => setTimeout(r, 50));
      await client.publishAsync('hearth/action', 'nosuch thing', { qos: 1 });
      const parsed = JSON.parse((await event).payload) as { type: string; data: { code: string } };
      assert.equal(parsed.type, 'action_error');
      assert.equal(parsed.data.code, 'unknown_action');
      assert.deepEqual(await replies, []);
    } finally {
      await client.endAsync();
    }
  });

  test('bad messages (empty, not UTF-8) are refused without a reply and the hub keeps serving', async () => {
    const client = await connectToken(hub.mqttUrl, hub.token);
    try {
      const events: string[] = [];
      await client.subscribeAsync('hearth/events/action_error', { qos: 1 });
      client.on('message', (topic, payload) => {
        if (topic === 'hearth/events/action_error') events.push(payload.toString());
      });
      await client.publishAsync('hearth/action', '', { qos: 1 });
      await client.publishAsync('hearth/action', Buffer.from([0x70, 0xff, 0xfe, 0x67]), { qos: 1 });
      const reply = nextMessage(client, 'ping');
      await client.publishAsync('hearth/action', 'ping', { qos: 1 });
      assert.equal((await reply).payload, 'pong');
      assert.equal(events.length, 2);
      assert.match(events.join('\n'), /empty/);
      assert.match(events.join('\n'), /UTF-8/);
    } finally {
      await client.endAsync();
    }
  });
});

describe('who may connect and publish', () => {
  test('a wrong token is refused with CONNACK 4 (bad user name or password)', async () => {
    assert.equal(await connackCode(hub.mqttUrl, { username: 'token', password: 'wrong' }), 4);
  });

  test('an anonymous client whose id is not a device id is refused with CONNACK 2', async () => {
    assert.equal(await connackCode(hub.mqttUrl, { clientId: 'some/one' }), 2);
  });

  test("a token client cannot write the hub's own topics: a forged lock command never arrives", async () => {
    const forger = await connectToken(hub.mqttUrl, hub.token);
    const listener = await connectToken(hub.mqttUrl, hub.token);
    try {
      const seen = collectMessages(listener, 'hearth/devices/front/set', 500);
      await new Promise((r) => setTimeout(r, 50));
      forger.publish('hearth/devices/front/set', 'UNLOCK', { qos: 0 });
      assert.deepEqual(await seen, []);
    } finally {
      await forger.endAsync(true);
      await listener.endAsync();
    }
  });

  test('an admin token may use topics outside hearth/ (scripts, bridges)', async () => {
    const a = await connectToken(hub.mqttUrl, hub.token);
    const b = await connectToken(hub.mqttUrl, hub.token);
    try {
      const received = nextMessage(b, 'home/kitchen/light');
      await new Promise((r) => setTimeout(r, 20));
      await a.publishAsync('home/kitchen/light', 'on', { qos: 1 });
      assert.equal((await received).payload, 'on');
    } finally {
      await a.endAsync();
      await b.endAsync();
    }
  });

  test('plain mqtt.js with the admin token and keep-alive 0 is accepted', async () => {
    const client = await mqtt.connectAsync(hub.mqttUrl, {
      username: 'token',
      password: hub.token,
      keepalive: 0,
      reconnectPeriod: 0,
    });
    assert.equal(client.connected, true);
    await client.endAsync();
  });
});
