// 4. Actions: a token client sends `echo <n>` to a trivial action file (run in the action
// sandbox, QuickJS in a worker thread) and waits for the reply on `echo`, one at a time; beside
// it the built-in `ping` (dispatched in the hub, no sandbox) and a plain publish round trip
// through the broker (publish on a topic the client itself subscribes to). The difference is
// what the sandbox adds.
// A device does the same on its own inbox (`echo` and `ping`, replies on its reply topics) for
// Hearth on its embedded broker and Hearth on Mosquitto (issue #10): token clients cannot log in
// to an external broker, and a device has no topic it may both write and read, so there the
// host's share is measured against the built-in `ping`. Every path of every hub is interleaved in
// blocks, so a busy moment on the machine hits them all alike.
import type { MqttClient } from 'mqtt';
import { handShake, login } from '../lib/device.js';
import { call } from '../lib/http.js';
import { ADMIN_TOKEN, startHub, type Hub, type HubBroker } from '../lib/hub.js';
import { available, SIDE_PREFIX } from '../lib/hub-sides.js';
import { connect, nextPayload } from '../lib/mqtt.js';
import { count, type Row, type ScenarioResult } from '../lib/report.js';
import { elapsedMs, round, summarize, type Summary } from '../lib/stats.js';

export interface ActionsOptions {
  count: number;
  warmup: number;
  brokers: HubBroker[];
}

const ACTION_FILE =
  'export function echo(message) { return message.args[0]; }\n' +
  "export const devices = ['echo'];\n";

type PathName =
  | 'plain publish'
  | 'built-in ping'
  | 'action file'
  | 'device: built-in ping'
  | 'device: action file';

interface Path {
  name: PathName;
  broker: HubBroker;
  client: MqttClient;
  /** Where request i goes, what it says, where the reply comes and what it says. */
  request(i: number): { topic: string; payload: string; reply: string; expected: string };
  samples: number[];
  wallMs: number;
}

function pathsOf(
  broker: HubBroker,
  token: MqttClient | null,
  device: MqttClient,
  id: string,
): Path[] {
  const own = (leaf: string): string => `hearth/devices/${id}/${leaf}`;
  const path = (name: PathName, client: MqttClient, request: Path['request']): Path => ({
    name,
    broker,
    client,
    request,
    samples: [],
    wallMs: 0,
  });
  const paths: Path[] = [];
  if (token) {
    paths.push(
      path('plain publish', token, (i) => ({
        topic: 'bench/plain',
        payload: `${i}`,
        reply: 'bench/plain',
        expected: `${i}`,
      })),
      path('built-in ping', token, () => ({
        topic: 'hearth/action',
        payload: 'ping',
        reply: 'ping',
        expected: 'pong',
      })),
      path('action file', token, (i) => ({
        topic: 'hearth/action',
        payload: `echo ${i}`,
        reply: 'echo',
        expected: `${i}`,
      })),
    );
  }
  paths.push(
    path('device: built-in ping', device, () => ({
      topic: own('action'),
      payload: 'ping',
      reply: own('reply/ping'),
      expected: 'pong',
    })),
    path('device: action file', device, (i) => ({
      topic: own('action'),
      payload: `echo ${i}`,
      reply: own('reply/echo'),
      expected: `${i}`,
    })),
  );
  return paths;
}

async function trip(path: Path, i: number): Promise<boolean> {
  const { topic, payload, reply, expected } = path.request(i);
  const answer = nextPayload(path.client, reply, 2_000);
  path.client.publish(topic, payload, { qos: 1 });
  return (await answer) === expected;
}

/**
 * Messages per second through a path, pipelined: up to `window` requests in flight (QoS 0, as
 * a stream of commands would be sent), the clock stopping at the last reply.
 */
async function throughput(
  path: Path,
  total: number,
  window = 500,
): Promise<{ perSecond: number; lost: number }> {
  const { reply } = path.request(0);
  let received = 0;
  const onMessage = (t: string) => {
    if (t === reply) received++;
  };
  path.client.on('message', onMessage);
  const started = process.hrtime.bigint();
  try {
    for (let i = 0; i < total; i++) {
      while (i - received >= window) await new Promise((resolve) => setTimeout(resolve, 1));
      const { topic, payload } = path.request(i);
      path.client.publish(topic, payload, { qos: 0 });
    }
    const deadline = Date.now() + 10_000;
    while (received < total && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { perSecond: (received * 1000) / elapsedMs(started), lost: total - received };
  } finally {
    path.client.removeListener('message', onMessage);
  }
}

/** A hub with the echo action file, a token client (embedded only) and a joined device. */
async function prepare(
  hub: Hub,
  clients: MqttClient[],
): Promise<{ token: MqttClient | null; device: MqttClient; id: string }> {
  const upload = await call(hub.httpUrl, ADMIN_TOKEN, 'POST', '/api/v1/actions', {
    file: 'bench.mjs',
    contentBase64: Buffer.from(ACTION_FILE).toString('base64'),
  });
  if (upload.status >= 300) {
    throw new Error(`upload failed: ${upload.status} ${JSON.stringify(upload.body)}`);
  }
  let token: MqttClient | null = null;
  if (hub.mqttPort !== null) {
    token = await connect(
      { host: '127.0.0.1', port: hub.mqttPort },
      { username: 'token', password: ADMIN_TOKEN },
    );
    clients.push(token);
    await token.subscribeAsync(['bench/plain', 'ping', 'echo'], { qos: 1 });
  }
  const permit = await call(hub.httpUrl, ADMIN_TOKEN, 'POST', '/api/v1/permit-join', {
    seconds: 60,
  });
  if (permit.status !== 200) throw new Error(`permit-join answered ${permit.status}`);
  const id = `bench-actions-${hub.broker}`;
  const secret = await handShake(hub.devices, id, 'sensor');
  const device = await login(hub.devices, id, secret);
  clients.push(device);
  await device.subscribeAsync(`hearth/devices/${id}/reply/#`, { qos: 1 });
  return { token, device, id };
}

export async function actions(options: ActionsOptions): Promise<ScenarioResult> {
  const failures: Record<string, number> = {};
  const { runnable, notes } = available(options.brokers);
  const labelled = runnable.length > 1;
  const prefix = (broker: HubBroker): string => (labelled ? `${SIDE_PREFIX[broker]}: ` : '');
  const hubs: Hub[] = [];
  const clients: MqttClient[] = [];
  try {
    const paths: Path[] = [];
    for (const broker of runnable) {
      const hub = await startHub({ broker });
      hubs.push(hub);
      const { token, device, id } = await prepare(hub, clients);
      paths.push(...pathsOf(broker, token, device, id));
    }
    for (const path of paths) {
      for (let i = 0; i < options.warmup; i++) await trip(path, i).catch(() => false);
    }
    // Interleaved in blocks so a busy moment on the machine hits every path alike.
    const block = 100;
    for (let done = 0; done < options.count; done += block) {
      for (const path of paths) {
        const started = process.hrtime.bigint();
        for (let i = done; i < Math.min(options.count, done + block); i++) {
          const sent = process.hrtime.bigint();
          const ok = await trip(path, i).catch(() => false);
          if (ok) path.samples.push(elapsedMs(sent));
          else count(failures, `${prefix(path.broker)}${path.name}: no or wrong reply in 2 s`);
        }
        path.wallMs += elapsedMs(started);
      }
    }
    const streamed = options.count * 5;
    const rates = new Map<Path, number>();
    for (const path of paths) {
      if (path.name === 'plain publish') continue;
      const rate = await throughput(path, streamed);
      rates.set(path, rate.perSecond);
      if (rate.lost > 0) {
        failures[`${prefix(path.broker)}${path.name}: replies missing when streamed`] = rate.lost;
      }
    }

    const find = (broker: HubBroker, name: PathName): Path | undefined =>
      paths.find((path) => path.broker === broker && path.name === name);
    const summaryOf = (path: Path | undefined): Summary | null =>
      path && path.samples.length ? summarize(path.samples) : null;
    type Figure = (broker: HubBroker) => number | null;
    const withMosquitto = options.brokers.includes('mosquitto');
    const row = (metric: string, unit: string, figure: Figure, note = '', both = true): Row => ({
      metric,
      unit,
      hearth: options.brokers.includes('embedded') ? nullable(figure('embedded')) : null,
      ...(withMosquitto ? { hearthOnMosquitto: both ? nullable(figure('mosquitto')) : null } : {}),
      note,
    });
    const tokenRow = (metric: string, unit: string, figure: Figure, note = ''): Row =>
      row(metric, unit, figure, note, false);
    const perSecond: (name: PathName) => Figure = (name) => (broker) => {
      const path = find(broker, name);
      return path && path.wallMs ? (path.samples.length * 1000) / path.wallMs : null;
    };
    const streamedRate: (name: PathName) => Figure = (name) => (broker) => {
      const path = find(broker, name);
      return path ? (rates.get(path) ?? null) : null;
    };
    const pct: (name: PathName, p: 'p50' | 'p99') => Figure = (name, p) => (broker) =>
      summaryOf(find(broker, name))?.[p] ?? null;
    const added: (name: PathName, base: PathName, p: 'p50' | 'p99') => Figure =
      (name, base, p) => (broker) => {
        const a = pct(name, p)(broker);
        const b = pct(base, p)(broker);
        return a === null || b === null ? null : a - b;
      };
    const p99Note = (name: PathName): string => {
      const figures = runnable
        .map((broker) => [broker, pct(name, 'p99')(broker)] as const)
        .filter(([, value]) => value !== null)
        .map(([broker, value]) => `${labelled ? `${SIDE_PREFIX[broker]} ` : ''}${round(value!)}`);
      return figures.length ? `p99 ${figures.join(', ')}` : '';
    };
    const rows: Row[] = [];
    if (options.brokers.includes('embedded')) {
      rows.push(
        tokenRow('action file round trips per second', '1/s', perSecond('action file')),
        tokenRow(
          'action file messages per second, streamed',
          '1/s',
          streamedRate('action file'),
          `${streamed} \`echo\` messages, up to 500 in flight`,
        ),
        tokenRow(
          'built-in ping messages per second, streamed',
          '1/s',
          streamedRate('built-in ping'),
        ),
        tokenRow('action file p50', 'ms', pct('action file', 'p50')),
        tokenRow('action file p99', 'ms', pct('action file', 'p99')),
        tokenRow(
          'built-in ping p50 / p99',
          'ms',
          pct('built-in ping', 'p50'),
          p99Note('built-in ping'),
        ),
        tokenRow(
          'plain publish p50 / p99',
          'ms',
          pct('plain publish', 'p50'),
          p99Note('plain publish'),
        ),
        tokenRow(
          'added by the action sandbox, p50',
          'ms',
          added('action file', 'plain publish', 'p50'),
          'vs plain publish',
        ),
        tokenRow(
          'added by the action sandbox, p99',
          'ms',
          added('action file', 'plain publish', 'p99'),
          'vs plain publish',
        ),
      );
    }
    rows.push(
      row(
        'device: action file round trips per second',
        '1/s',
        perSecond('device: action file'),
        'on its own inbox, reply on hearth/devices/<id>/reply/echo',
      ),
      row(
        'device: action file messages per second, streamed',
        '1/s',
        streamedRate('device: action file'),
        `${streamed} \`echo\` messages, up to 500 in flight`,
      ),
      row(
        'device: built-in ping messages per second, streamed',
        '1/s',
        streamedRate('device: built-in ping'),
      ),
      row('device: action file p50', 'ms', pct('device: action file', 'p50')),
      row('device: action file p99', 'ms', pct('device: action file', 'p99')),
      row(
        'device: built-in ping p50 / p99',
        'ms',
        pct('device: built-in ping', 'p50'),
        p99Note('device: built-in ping'),
      ),
      row(
        'device: added by the action sandbox, p50',
        'ms',
        added('device: action file', 'device: built-in ping', 'p50'),
        'vs the built-in ping',
      ),
      row(
        'device: added by the action sandbox, p99',
        'ms',
        added('device: action file', 'device: built-in ping', 'p99'),
        'vs the built-in ping',
      ),
    );
    if (withMosquitto) {
      notes.push(
        'Hearth on Mosquitto has no token-client rows (plain publish, hearth/action): token clients cannot log in to an external broker; a device has no topic it may both publish and read, so its host share is measured against the built-in ping',
      );
    }
    const details = Object.fromEntries(
      runnable.map((broker) => [
        broker,
        Object.fromEntries(
          paths
            .filter((path) => path.broker === broker)
            .map((path) => [path.name, summaryOf(path)]),
        ),
      ]),
    );
    return {
      scenario: 'actions',
      rows,
      failures,
      // Without a side by side, the summaries are where they always were.
      details:
        runnable.length === 1 && runnable[0] === 'embedded'
          ? { summaries: details.embedded }
          : { hubBrokers: runnable, summaries: details },
      ...(notes.length ? { notes } : {}),
    };
  } finally {
    await Promise.all(clients.map((client) => client.endAsync(true).catch(() => {})));
    for (const hub of hubs) await hub.stop();
  }
}

const nullable = (value: number | null): number | null =>
  value === null || Number.isNaN(value) ? null : round(value);
