// TCP_NODELAY on every accepted socket. With Nagle on, the broker holds a small packet back
// until the previous one is acknowledged, and the peer delays its ACK: on Linux loopback a
// request/reply round trip measured 44 ms with Nagle on and 0.9 ms with it off. Round-trip
// times are measured by `npm run bench`; this test checks the behaviour itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Socket } from 'node:net';
import WebSocket from 'ws';
import { HOST, startFixture } from './broker-fixture.js';
import { RawClient, within } from './raw-mqtt.js';

test('the broker sets TCP_NODELAY on accepted TCP and WebSocket sockets', async () => {
  // Observes (and still performs) every setNoDelay call in this process, keyed by the remote
  // port, so the broker's side of each test connection can be picked out.
  const calls = new Map<number, Array<boolean | undefined>>();
  const original = Socket.prototype.setNoDelay;
  Socket.prototype.setNoDelay = function (this: Socket, noDelay?: boolean) {
    if (this.remotePort !== undefined)
      calls.set(this.remotePort, [...(calls.get(this.remotePort) ?? []), noDelay]);
    return original.call(this, noDelay);
  };
  const fixture = await startFixture();
  try {
    const raw = await RawClient.open(fixture.mqttPort);
    raw.sendConnect({ clientId: 'nodelay-tcp' });
    assert.equal(await raw.connackCode(), 0);

    const ws = new WebSocket(`ws://${HOST}:${fixture.wsPort}/mqtt`, 'mqtt');
    const opened = new Promise((resolve) => ws.once('open', resolve));
    const wsLocalPort = await within(
      new Promise<number | undefined>((resolve) =>
        ws.once('upgrade', (response) => resolve(response.socket.localPort)),
      ),
      5000,
      'WebSocket upgrade',
    );
    await within(opened, 5000, 'WebSocket open');

    // setNoDelay() with no argument also turns Nagle off (ws calls it so); false never comes.
    for (const port of [raw.socket.localPort, wsLocalPort]) {
      const seen = calls.get(port as number) ?? [];
      assert.ok(
        seen.length > 0 && seen.every((noDelay) => noDelay !== false),
        `setNoDelay calls: ${seen}`,
      );
    }
    raw.destroy();
    ws.terminate();
  } finally {
    Socket.prototype.setNoDelay = original;
    await fixture.close();
  }
});
