// Slow clients (issue 7): 200 sockets that send a header byte every few seconds, spread over
// several loopback addresses. The per-address cap refuses the extra sockets at once, the header
// timeout closes the rest, and a legitimate phone keeps working throughout.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { api } from '../helpers/devices.js';

let hub: TestHub;
before(async () => {
  hub = await startTestHub();
  const set = await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/settings', {
    http: { maxSocketsPerAddress: 40, headersTimeoutMs: 1_500 },
  });
  assert.equal(set.status, 200, JSON.stringify(set.body));
});
after(async () => {
  await hub.close();
});

function slowSocket(
  localAddress: string,
  port: number,
): { socket: Socket; closed: Promise<void>; received: () => string } {
  const socket = connect({ host: '127.0.0.1', port, localAddress });
  socket.on('error', () => {});
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.once('connect', () => {
    socket.write('GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const drip = setInterval(() => socket.write('a'), 2_000);
    socket.once('close', () => clearInterval(drip));
  });
  return { socket, closed, received: () => received };
}

test('200 dripping sockets: capped per address, timed out, and the phone is served meanwhile', async () => {
  const port = Number(new URL(hub.httpUrl).port);
  const sockets = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'].flatMap((address) =>
    Array.from({ length: 50 }, () => slowSocket(address, port)),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (let i = 0; i < 5; i++) {
    const response = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/status');
    assert.equal(response.status, 200, 'the legitimate client is served during the attack');
  }
  const allClosed = Promise.all(sockets.map((entry) => entry.closed));
  const safety = new Promise<'timeout'>((resolve) =>
    setTimeout(() => resolve('timeout'), 20_000).unref(),
  );
  assert.notEqual(
    await Promise.race([allClosed, safety]),
    'timeout',
    'every slow socket was closed by the hub',
  );
  const answers = sockets.map((entry) => entry.received());
  // The cap closes 10 of each address's 50 at once, with no answer; the timeout answers the
  // other 160 with 408 Request Timeout before closing them.
  assert.equal(answers.filter((text) => text === '').length, 40);
  assert.equal(answers.filter((text) => text.startsWith('HTTP/1.1 408')).length, 160);
  assert.equal((await api(hub.httpUrl, hub.token, 'GET', '/api/v1/status')).status, 200);
});
