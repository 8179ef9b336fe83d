// A load-generating child process for the broker scenarios: it holds a set of mqtt.js clients
// to one broker and does what the bench asks over IPC (connect, count messages, publish, echo,
// timed requests, close). Spreading clients over processes keeps the bench from being the
// bottleneck on its own single thread; every reply carries the CPU this process used.
import { createConnection, type Socket } from 'node:net';
import type { MqttClient, IClientOptions } from 'mqtt';
import { generate } from 'mqtt-packet';
import { connect, type Target } from './mqtt.js';
import type { Command, Reply } from './load-protocol.js';

const clients: MqttClient[] = [];
const sockets: Socket[] = [];
let received = 0;
let onReceived: (() => void) | null = null;
/** Request/reply: send time of each request by sequence number. */
const pending = new Map<number, bigint>();
const samples: number[] = [];

const cpuNow = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const payloadOf = (bytes: number): Buffer => Buffer.alloc(bytes, 0x61);

function count(client: MqttClient): void {
  client.on('message', () => {
    received++;
    onReceived?.();
  });
}

async function connectAll(command: Extract<Command, { op: 'connect' }>): Promise<void> {
  const target: Target = command.target;
  let next = 0;
  const one = async (): Promise<void> => {
    while (next < command.count) {
      const i = next++;
      const options: IClientOptions & { localAddress?: string } = {
        clientId: `${command.prefix}-${i}`,
        clean: true,
        keepalive: 600,
        localAddress: command.addresses[i % command.addresses.length]!,
        ...(command.username ? { username: command.username, password: command.password } : {}),
      };
      const client = await connect(target, options);
      clients.push(client);
      if (command.subscribe) {
        count(client);
        await client.subscribeAsync(command.subscribe.filter, { qos: command.subscribe.qos });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(command.concurrency, command.count) }, one));
}

/**
 * The storm's clients: a socket each, a CONNECT written at once, done at the 4-byte CONNACK
 * (0x20 0x02 flags code). An mqtt.js client costs the load generator more CPU than the broker
 * spends on the connection; this keeps the measure on the broker.
 */
async function storm(command: Extract<Command, { op: 'storm' }>): Promise<void> {
  let next = 0;
  const one = (i: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const packet = generate({
        cmd: 'connect',
        protocolId: 'MQTT',
        protocolVersion: 4,
        clean: true,
        keepalive: 600,
        clientId: `${command.prefix}-${i}`,
        ...(command.username
          ? { username: command.username, password: Buffer.from(command.password ?? '') }
          : {}),
      });
      const socket = createConnection({
        ...command.target,
        localAddress: command.addresses[i % command.addresses.length]!,
        noDelay: true,
      });
      sockets.push(socket);
      let answer = Buffer.alloc(0);
      const fail = (error: Error): void => reject(error);
      socket.once('error', fail);
      socket.once('close', () => fail(new Error(`${command.prefix}-${i}: closed before CONNACK`)));
      socket.on('data', (chunk: Buffer) => {
        answer = Buffer.concat([answer, chunk]);
        if (answer.length < 4) return;
        socket.removeAllListeners('data');
        socket.removeAllListeners('close');
        socket.removeListener('error', fail);
        socket.on('error', () => {});
        if (answer[0] !== 0x20 || answer[3] !== 0) {
          reject(new Error(`CONNACK return code ${answer[3]}`));
        } else resolve();
      });
      socket.write(packet);
    });
  const lane = async (): Promise<void> => {
    while (next < command.count) await one(next++);
  };
  await Promise.all(Array.from({ length: Math.min(command.concurrency, command.count) }, lane));
}

/** Each of the first `publishers` clients sends `count` messages, `window` at a time. */
async function publish(command: Extract<Command, { op: 'publish' }>): Promise<void> {
  const payload = payloadOf(command.bytes);
  const senders = clients.slice(0, command.publishers);
  await Promise.all(
    senders.map(async (client, k) => {
      const topic = command.topic.replace('{k}', String(k));
      for (let sent = 0; sent < command.count;) {
        const burst = Math.min(command.window, command.count - sent);
        const acks: Array<Promise<unknown>> = [];
        for (let j = 0; j < burst; j++) {
          acks.push(client.publishAsync(topic, payload, { qos: command.qos }));
        }
        sent += burst;
        await Promise.all(acks);
      }
    }),
  );
}

function waitFor(expected: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    function done(): void {
      clearTimeout(timer);
      onReceived = null;
      resolve();
    }
    if (received >= expected) return done();
    onReceived = () => {
      if (received >= expected) done();
    };
  });
}

function echo(command: Extract<Command, { op: 'echo' }>): Promise<unknown> {
  const client = clients[0]!;
  client.on('message', (_topic, payload) => {
    client.publish(command.to, payload, { qos: command.qos });
  });
  return client.subscribeAsync(command.from, { qos: command.qos });
}

/** Requests at a fixed rate on `to`; each reply on `replies` carries the request's number. */
async function requests(command: Extract<Command, { op: 'requests' }>): Promise<number[]> {
  const client = clients[0]!;
  samples.length = 0;
  pending.clear();
  const started = process.hrtime.bigint();
  const intervalNs = BigInt(Math.round(1e9 / command.rate));
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const due = Number((process.hrtime.bigint() - started) / intervalNs) + 1;
      while (sent < Math.min(due, command.count)) {
        // A buffer of its own: mqtt.js keeps it until the QoS 1 acknowledgement.
        const payload = payloadOf(command.bytes);
        payload.writeUInt32BE(sent, 0);
        pending.set(sent, process.hrtime.bigint());
        client.publish(command.to, payload, { qos: command.qos });
        sent++;
      }
      if (sent < command.count) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  // Replies still on their way: up to two seconds.
  const deadline = Date.now() + 2_000;
  while (pending.size > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return samples.slice();
}

async function handle(command: Command): Promise<Omit<Reply, 'id' | 'cpuMs'>> {
  switch (command.op) {
    case 'connect': {
      const t0 = process.hrtime.bigint();
      await connectAll(command);
      return { ok: true, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
    }
    case 'storm': {
      const t0 = process.hrtime.bigint();
      await storm(command);
      return { ok: true, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
    }
    case 'reset':
      received = 0;
      return { ok: true };
    case 'await':
      await waitFor(command.expected, command.timeoutMs);
      return { ok: true, received };
    case 'publish':
      await publish(command);
      return { ok: true };
    case 'echo':
      await echo(command);
      return { ok: true };
    case 'listen': {
      const client = clients[0]!;
      client.on('message', (topic, payload) => {
        if (topic !== command.replies || payload.length < 4) return;
        const sentAt = pending.get(payload.readUInt32BE(0));
        if (sentAt === undefined) return;
        pending.delete(payload.readUInt32BE(0));
        samples.push(Number(process.hrtime.bigint() - sentAt) / 1e6);
      });
      await client.subscribeAsync(command.replies, { qos: command.qos });
      return { ok: true };
    }
    case 'requests':
      return { ok: true, samples: await requests(command) };
    case 'close':
      for (const socket of sockets.splice(0)) socket.destroy();
      await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
      return { ok: true };
  }
}

process.on('message', (message: Command & { id: number }) => {
  const cpuBefore = cpuNow();
  handle(message).then(
    (reply) => process.send!({ ...reply, id: message.id, cpuMs: cpuNow() - cpuBefore }),
    (error: unknown) =>
      process.send!({
        id: message.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        cpuMs: cpuNow() - cpuBefore,
      }),
  );
});
process.on('disconnect', () => process.exit(0));
