// The broker's presence for the hub: who is connected (isConnected), online/offline events, and
// disconnectClient / disconnectWhere closing connections at once without their will.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PresenceEvent } from '../../src-main/hub/broker/embedded-broker.js';
import type { InboundMessage } from '../../src-main/hub/broker/bus.js';
import { assertServed, startFixture } from './broker-fixture.js';
import type { Fixture } from './broker-fixture.js';
import { RawClient, within } from './raw-mqtt.js';
import { DEVICE_PASSWORD } from './test-access.js';

const deviceLogin = (id: string) => ({ clientId: id, username: id, password: DEVICE_PASSWORD });

function watchPresence(fixture: Fixture): { events: string[]; next: () => Promise<string> } {
  const events: string[] = [];
  const waiters: Array<(event: string) => void> = [];
  fixture.broker.onPresence((event: PresenceEvent) => {
    const text = `${event.online ? 'online' : 'offline'} ${event.clientId} ${event.principal.kind}`;
    events.push(text);
    waiters.shift()?.(text);
  });
  let read = 0;
  return {
    events,
    next: () =>
      within(
        new Promise<string>((resolve) => {
          if (read < events.length) resolve(events[read]!);
          else waiters.push(resolve);
        }).then((event) => {
          read++;
          return event;
        }),
        5000,
        'a presence event',
      ),
  };
}

test('online after CONNACK, offline when the client goes; isConnected follows', async () => {
  const fixture = await startFixture();
  try {
    const presence = watchPresence(fixture);
    assert.equal(fixture.broker.isConnected('lock-1'), false);
    const device = await fixture.connect(deviceLogin('lock-1'));
    assert.equal(await presence.next(), 'online lock-1 device');
    assert.equal(fixture.broker.isConnected('lock-1'), true);
    await device.endAsync();
    assert.equal(await presence.next(), 'offline lock-1 device');
    assert.equal(fixture.broker.isConnected('lock-1'), false);
  } finally {
    await fixture.close();
  }
});

test('a refused CONNECT is never reported online and holds no id', async () => {
  const fixture = await startFixture();
  try {
    const presence = watchPresence(fixture);
    const raw = await RawClient.open(fixture.mqttPort);
    raw.sendConnect({ clientId: 'lock-2', username: 'lock-2', password: Buffer.from('wrong') });
    assert.equal(await raw.connackCode(), 4);
    await within(raw.closed, 5000, 'close after refusal');
    const bystander = await fixture.connect({ clientId: 'panel' });
    assert.equal(await presence.next(), 'online panel token');
    assert.deepEqual(presence.events, ['online panel token']);
    assert.equal(fixture.broker.isConnected('lock-2'), false);
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('[MQTT-3.1.4-2] the same device reconnecting takes over without an offline flap', async () => {
  const fixture = await startFixture();
  try {
    const presence = watchPresence(fixture);
    const first = await fixture.connect(deviceLogin('lock-3'));
    assert.equal(await presence.next(), 'online lock-3 device');
    const firstClosed = new Promise<void>((resolve) => first.once('close', () => resolve()));
    const second = await fixture.connect({ ...deviceLogin('lock-3'), reconnectPeriod: 0 });
    await within(firstClosed, 5000, 'the old connection closed');
    assert.equal(await presence.next(), 'online lock-3 device');
    assert.equal(fixture.broker.isConnected('lock-3'), true);
    await second.subscribeAsync('devices/lock-3/set', { qos: 1 }); // served
    await second.endAsync();
    assert.equal(await presence.next(), 'offline lock-3 device');
    assert.deepEqual(presence.events, [
      'online lock-3 device',
      'online lock-3 device',
      'offline lock-3 device',
    ]);
  } finally {
    await fixture.close();
  }
});

test('someone else taking an id over: the old holder is reported offline first', async () => {
  const fixture = await startFixture();
  try {
    const presence = watchPresence(fixture);
    await fixture.connect(deviceLogin('lock-4'));
    assert.equal(await presence.next(), 'online lock-4 device');
    await fixture.connect({ clientId: 'lock-4' }); // an admin token client, same id
    assert.equal(await presence.next(), 'offline lock-4 device');
    assert.equal(await presence.next(), 'online lock-4 token');
  } finally {
    await fixture.close();
  }
});

test('disconnectClient closes at once, without the will; others stay served', async () => {
  const fixture = await startFixture();
  try {
    const presence = watchPresence(fixture);
    const wills: InboundMessage[] = [];
    fixture.broker.subscribe('devices/+/availability', (message) => wills.push(message));
    const bystander = await fixture.connect({ clientId: 'panel' });
    await presence.next();
    const device = await fixture.connect({
      ...deviceLogin('lock-5'),
      will: {
        topic: 'devices/lock-5/availability',
        payload: Buffer.from('offline'),
        qos: 1,
        retain: true,
      },
    });
    await presence.next();
    const closed = new Promise<void>((resolve) => device.once('close', () => resolve()));

    assert.equal(fixture.broker.disconnectClient('lock-5'), true);
    await within(closed, 5000, 'the device connection closed');
    assert.equal(await presence.next(), 'offline lock-5 device');
    assert.equal(fixture.broker.isConnected('lock-5'), false);
    assert.equal(fixture.broker.disconnectClient('lock-5'), false, 'nothing left to close');
    assert.equal(fixture.broker.disconnectClient('nobody'), false);
    await assertServed(bystander); // lets a will, had there been one, pass through aedes
    assert.deepEqual(wills, [], 'no will from a connection the hub closed');
    // A retained will would still be waiting for new subscribers: none is.
    const late = await fixture.connect({ clientId: 'late' });
    const retained: string[] = [];
    late.on('message', (topic) => {
      if (topic.startsWith('devices/')) retained.push(topic);
    });
    await late.subscribeAsync('devices/lock-5/availability', { qos: 1 });
    await assertServed(late);
    assert.deepEqual(retained, []);
  } finally {
    await fixture.close();
  }
});

test('a lost connection still publishes its will (the contrast to disconnectClient)', async () => {
  const fixture = await startFixture();
  try {
    const heard = new Promise<InboundMessage>((resolve) =>
      fixture.broker.subscribe('devices/lock-6/availability', resolve),
    );
    const device = await fixture.connect({
      ...deviceLogin('lock-6'),
      will: {
        topic: 'devices/lock-6/availability',
        payload: Buffer.from('offline'),
        qos: 1,
        retain: true,
      },
    });
    device.stream.destroy();
    assert.equal((await within(heard, 5000, 'the will')).payload.toString(), 'offline');
  } finally {
    await fixture.close();
  }
});

test('disconnectWhere closes every connection of one principal and no other', async () => {
  const fixture = await startFixture();
  try {
    const devices = await Promise.all(
      ['lock-7', 'lock-8'].map((id) => fixture.connect(deviceLogin(id))),
    );
    const panel = await fixture.connect({ clientId: 'panel' });
    const closed = devices.map(
      (client) => new Promise<void>((resolve) => client.once('close', () => resolve())),
    );
    const count = fixture.broker.disconnectWhere((who) => who.kind === 'device');
    assert.equal(count, 2);
    await within(Promise.all(closed), 5000, 'both devices closed');
    assert.equal(fixture.broker.isConnected('panel'), true);
    await assertServed(panel);
  } finally {
    await fixture.close();
  }
});

test('a throwing presence listener is logged; the others still hear; unsubscribing works', async () => {
  const fixture = await startFixture();
  try {
    fixture.broker.onPresence(() => {
      throw new Error('listener bug');
    });
    const heard: boolean[] = [];
    const stop = fixture.broker.onPresence((event) => heard.push(event.online));
    const client = await fixture.connect({ clientId: 'one' });
    await client.endAsync();
    await within(
      new Promise<void>((resolve) => {
        const check = () => (heard.length === 2 ? resolve() : setTimeout(check, 10));
        check();
      }),
      5000,
      'two presence events',
    );
    assert.deepEqual(heard, [true, false]);
    assert.ok(fixture.logs.some((line) => line.includes('a presence listener failed')));
    stop();
    await (await fixture.connect({ clientId: 'two' })).endAsync();
    await assertServed(await fixture.connect({ clientId: 'three' }));
    assert.deepEqual(heard, [true, false], 'a stopped listener hears nothing more');
  } finally {
    await fixture.close();
  }
});
