// The fixed-header scanner on its own: the byte-level cases are easiest to see here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mqttPacket from 'mqtt-packet';
import { FrameScanner } from '../../src-main/hub/broker/frame-scanner.js';

const connect = mqttPacket.generate({
  cmd: 'connect',
  protocolId: 'MQTT',
  protocolVersion: 4,
  clean: true,
  clientId: 'c',
  keepalive: 60,
});
const publish = (bytes: number) =>
  mqttPacket.generate({
    cmd: 'publish',
    topic: 't',
    payload: Buffer.alloc(bytes),
    qos: 0,
    retain: false,
    dup: false,
  });

test('packets within the limit pass, even fed one byte at a time', () => {
  const stream = Buffer.concat([
    connect,
    publish(300),
    publish(0),
    mqttPacket.generate({ cmd: 'pingreq' }),
  ]);
  const scanner = new FrameScanner(() => 1000);
  for (const byte of stream) assert.equal(scanner.scan(Buffer.of(byte)), null);
  assert.equal(new FrameScanner(() => 1000).scan(stream), null);
});

test('the size counts the whole packet, fixed header included', () => {
  const packet = publish(100); // 2 bytes of fixed header + 2 + 1 topic + 100 payload
  assert.equal(new FrameScanner(() => packet.length).scan(Buffer.concat([connect, packet])), null);
  assert.deepEqual(
    new FrameScanner(() => packet.length - 1).scan(Buffer.concat([connect, packet])),
    {
      kind: 'too-large',
      packetType: 3,
      declaredBytes: packet.length,
      limitBytes: packet.length - 1,
    },
  );
});

test('a declared length is refused from its header alone, before any body arrives', () => {
  // PUBLISH, remaining length 100,000,000 (varint 0x80 0xC2 0xD7 0x2F), no body at all.
  const header = Buffer.from([0x30, 0x80, 0xc2, 0xd7, 0x2f]);
  const scanner = new FrameScanner(() => 64 * 1024);
  assert.equal(scanner.scan(connect), null);
  assert.deepEqual(scanner.scan(header), {
    kind: 'too-large',
    packetType: 3,
    declaredBytes: 100_000_005,
    limitBytes: 65536,
  });
});

test('[MQTT-3.1.0-1] a first packet that is not CONNECT is refused at its first byte', () => {
  assert.deepEqual(new FrameScanner(() => 1e9).scan(Buffer.from('GET / HTTP/1.1\r\n')), {
    kind: 'not-connect-first',
    packetType: 4,
  });
});

test('[MQTT-2.2.3] a remaining length longer than four bytes is malformed', () => {
  const scanner = new FrameScanner(() => 1e9);
  assert.deepEqual(scanner.scan(Buffer.from([0x10, 0xff, 0xff, 0xff, 0xff, 0x01])), {
    kind: 'malformed-length',
  });
});

test('the limit is asked per packet, so a new one applies from the next packet', () => {
  let limit = 100;
  const scanner = new FrameScanner(() => limit);
  assert.equal(scanner.scan(connect), null);
  assert.equal(scanner.scan(publish(50)), null);
  limit = 20;
  assert.equal(scanner.scan(publish(50))?.kind, 'too-large');
});
