// Live updates that survive a phone's sleep or a Wi-Fi change (issue 20): the panel's own event
// stream client, against the real hub, through a proxy whose connections are cut the way a
// network change cuts them. Events emitted while it was cut arrive after it reconnects (it sends
// Last-Event-ID and the hub replays), once each and in order.
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { openEventStream } from '../../src-renderer/api/event-stream.js';
import type { HubEvent } from '../../src-main/shared/events.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';

/** Forwards TCP to the hub; cut() drops every connection at once, as a network change does. */
class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private server!: Server;
  port = 0;

  async start(target: number): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(target, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  cut(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let hub: TestHub;
const proxy = new CuttableProxy();
before(async () => {
  hub = await startTestHub();
  await proxy.start(Number(new URL(hub.httpUrl).port));
});
after(async () => {
  await proxy.stop();
  await hub.close();
});

const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

test('events sent while the connection was cut arrive after it comes back, once each, in order', async () => {
  const received: HubEvent[] = [];
  let opens = 0;
  const stream = openEventStream({
    token: hub.token,
    baseUrl: `http://127.0.0.1:${proxy.port}`,
    onEvent: (event) => received.push(event),
    onOpen: () => opens++,
    onDrop: () => {},
    onUnauthorized: () => assert.fail('the token is good'),
  });
  try {
    await until(() => opens === 1, 'the stream to open');
    const warn = (n: number) =>
      hub.hub.events.emit('permit_join', { open: n % 2 === 0, secondsLeft: n, until: null });
    warn(1);
    await until(() => received.length === 1, 'the first event');

    proxy.cut();
    // While it is cut (before the client has noticed and come back), the hub goes on.
    for (let n = 2; n <= 6; n++) warn(n);
    await until(() => opens === 2, 'the stream to reopen');
    await until(() => received.length === 6, 'the missed events');
    assert.deepEqual(
      received.map((event) => (event.data as { secondsLeft: number }).secondsLeft),
      [1, 2, 3, 4, 5, 6],
    );
  } finally {
    stream.close();
  }
});
