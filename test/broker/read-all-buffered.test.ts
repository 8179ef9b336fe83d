// aedes takes a connection's bytes with one read() per 'readable' event and expects that read
// to return everything buffered. Node 26's read() returns one chunk at a time, and a WebSocket
// CONNECT that mqtt.js sends as many small frames then never got its CONNACK. These tests pin
// the hub's answer (read-all-buffered.ts) on whatever Node runs them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import WebSocket from 'ws';
import mqttPacket from 'mqtt-packet';
import type { Packet } from 'mqtt-packet';
import { readAllBuffered } from '../../src-main/hub/broker/read-all-buffered.js';
import { HOST, startFixture } from './broker-fixture.js';
import { connectPacket, within } from './raw-mqtt.js';

/** A paused byte stream with these chunks already buffered, as a socket's bytes wait for aedes. */
function buffered(...chunks: string[]): Readable {
  const stream = new Readable({ read() {} });
  for (const chunk of chunks) stream.push(Buffer.from(chunk));
  return stream;
}

/** What aedes does: one read(null) per 'readable' event. Resolves with what it was given. */
function readLikeAedes(stream: Readable, events = 1): Promise<string[]> {
  const reads: string[] = [];
  return new Promise((resolve) => {
    const onReadable = () => {
      const chunk = stream.read(null as unknown as undefined) as Buffer | null;
      if (chunk) reads.push(chunk.toString());
      if (reads.length === events) {
        stream.off('readable', onReadable);
        resolve(reads);
      }
    };
    stream.on('readable', onReadable);
  });
}

test('one read() takes every buffered chunk, joined (Node 26 alone would give the first)', async () => {
  const stream = readAllBuffered(buffered('\x10', '\x0c', '\x00\x04MQTT'));
  assert.deepEqual(await readLikeAedes(stream), ['\x10\x0c\x00\x04MQTT']);
  assert.equal(stream.readableLength, 0);

  // The next chunk, arriving later, is announced and read as before.
  const later = readLikeAedes(stream);
  stream.push(Buffer.from('rest'));
  assert.deepEqual(await later, ['rest']);
});

test('reads with a size, flowing mode and the end are what Node makes them', async () => {
  const sized = readAllBuffered(buffered('abc', 'def'));
  assert.equal(String(sized.read(4)), 'abcd');
  assert.equal(String(sized.read()), 'ef');
  assert.equal(sized.read(), null);

  const flowing = readAllBuffered(buffered('a', 'b', 'c'));
  const seen: string[] = [];
  flowing.on('data', (chunk: Buffer) => seen.push(chunk.toString()));
  flowing.push(null);
  await new Promise((resolve) => flowing.once('end', resolve));
  assert.deepEqual(seen, ['a', 'b', 'c']); // one 'data' event per chunk, as always

  const ending = readAllBuffered(buffered('x', 'y'));
  ending.push(null);
  const ended = new Promise((resolve) => ending.once('end', resolve));
  assert.deepEqual(await readLikeAedes(ending), ['xy']);
  await ended;
});

/** Sends `bytes` as one WebSocket frame per byte, all at once, as mqtt.js sends its pieces. */
function sendFramePerByte(ws: WebSocket, bytes: Buffer): void {
  for (const byte of bytes) ws.send(Buffer.of(byte));
}

test('over WebSocket, a CONNECT and a PUBLISH sent as many small frames at once are served', async () => {
  const fixture = await startFixture();
  try {
    const subscriber = await fixture.connect({ clientId: 'listener' });
    await subscriber.subscribeAsync('split/#', { qos: 1 });
    const delivered = new Promise<string>((resolve) =>
      subscriber.on('message', (_topic, payload) => resolve(payload.toString())),
    );

    const ws = new WebSocket(`ws://${HOST}:${fixture.wsPort}/mqtt`, 'mqtt');
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const parser = mqttPacket.parser();
    const packets: Packet[] = [];
    const waiting: Array<() => void> = [];
    parser.on('packet', (packet: Packet) => {
      packets.push(packet);
      waiting.shift()?.();
    });
    ws.on('message', (data: Buffer) => parser.parse(data));
    const nextPacket = async (what: string): Promise<Packet> => {
      if (packets.length === 0) {
        await within(new Promise<void>((resolve) => waiting.push(resolve)), 5000, what);
      }
      return packets.shift()!;
    };

    sendFramePerByte(ws, connectPacket('frame-per-byte'));
    const connack = await nextPacket('CONNACK to a CONNECT in one frame per byte');
    assert.equal(connack.cmd, 'connack');
    assert.equal(connack.cmd === 'connack' ? connack.returnCode : -1, 0);

    sendFramePerByte(
      ws,
      mqttPacket.generate({
        cmd: 'publish',
        topic: 'split/in-pieces',
        payload: Buffer.from('every byte arrived'),
        qos: 1,
        messageId: 1,
        retain: false,
        dup: false,
      }),
    );
    const puback = await nextPacket('PUBACK to a PUBLISH in one frame per byte');
    assert.equal(puback.cmd, 'puback');
    assert.equal(await within(delivered, 5000, 'delivery'), 'every byte arrived');
    ws.terminate();
  } finally {
    await fixture.close();
  }
});
