// 4. Actions: a token client sends `echo <n>` to a trivial action file (run in the action host
// process) and waits for the reply on `echo`, one at a time; beside it the built-in `ping`
// (dispatched in the hub, no host) and a plain publish round trip through the broker (publish
// on a topic the client itself subscribes to). The difference is what the host adds.
import type { MqttClient } from 'mqtt';
import { ADMIN_TOKEN, startHub } from '../lib/hub.js';
import { connect, nextPayload } from '../lib/mqtt.js';
import { count, type Row, type ScenarioResult } from '../lib/report.js';
import { elapsedMs, round, summarize } from '../lib/stats.js';

export interface ActionsOptions {
  count: number;
  warmup: number;
}

const ACTION_FILE = 'export function echo(message) { return message.args[0]; }\n';

type Path = 'plain publish' | 'built-in ping' | 'action file';

async function trip(client: MqttClient, path: Path, i: number): Promise<boolean> {
  const [topic, send, payload, expected] =
    path === 'plain publish'
      ? ['bench/plain', 'bench/plain', `${i}`, `${i}`]
      : path === 'built-in ping'
        ? ['ping', 'hearth/action', 'ping', 'pong']
        : ['echo', 'hearth/action', `echo ${i}`, `${i}`];
  const reply = nextPayload(client, topic, 2_000);
  client.publish(send, payload, { qos: 1 });
  return (await reply) === expected;
}

/**
 * Messages per second through a path, pipelined: up to `window` requests in flight (QoS 0, as
 * a stream of commands would be sent), the clock stopping at the last reply.
 */
async function throughput(
  client: MqttClient,
  path: 'action file' | 'built-in ping',
  total: number,
  window = 500,
): Promise<{ perSecond: number; lost: number }> {
  const topic = path === 'action file' ? 'echo' : 'ping';
  let received = 0;
  const onMessage = (t: string) => {
    if (t === topic) received++;
  };
  client.on('message', onMessage);
  const started = process.hrtime.bigint();
  try {
    for (let i = 0; i < total; i++) {
      while (i - received >= window) await new Promise((resolve) => setTimeout(resolve, 1));
      client.publish('hearth/action', path === 'action file' ? `echo ${i}` : 'ping', { qos: 0 });
    }
    const deadline = Date.now() + 10_000;
    while (received < total && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { perSecond: (received * 1000) / elapsedMs(started), lost: total - received };
  } finally {
    client.removeListener('message', onMessage);
  }
}

export async function actions(options: ActionsOptions): Promise<ScenarioResult> {
  const failures: Record<string, number> = {};
  const hub = await startHub();
  let client: MqttClient | null = null;
  try {
    const upload = await fetch(`${hub.httpUrl}/api/v1/actions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        file: 'bench.mjs',
        contentBase64: Buffer.from(ACTION_FILE).toString('base64'),
      }),
    });
    if (!upload.ok) throw new Error(`upload failed: ${upload.status} ${await upload.text()}`);
    client = await connect(
      { host: '127.0.0.1', port: hub.mqttPort },
      { username: 'token', password: ADMIN_TOKEN },
    );
    await client.subscribeAsync(['bench/plain', 'ping', 'echo'], { qos: 1 });
    const paths: Path[] = ['plain publish', 'built-in ping', 'action file'];
    const samples = new Map<Path, number[]>(paths.map((path) => [path, []]));
    const wall = new Map<Path, number>(paths.map((path) => [path, 0]));
    for (const path of paths) {
      for (let i = 0; i < options.warmup; i++) await trip(client, path, i).catch(() => false);
    }
    // Interleaved in blocks so a busy moment on the machine hits all three alike.
    const block = 100;
    for (let done = 0; done < options.count; done += block) {
      for (const path of paths) {
        const started = process.hrtime.bigint();
        for (let i = done; i < Math.min(options.count, done + block); i++) {
          const sent = process.hrtime.bigint();
          const ok = await trip(client, path, i).catch(() => false);
          if (ok) samples.get(path)!.push(elapsedMs(sent));
          else count(failures, `${path}: no or wrong reply in 2 s`);
        }
        wall.set(path, wall.get(path)! + elapsedMs(started));
      }
    }
    const s = Object.fromEntries(paths.map((path) => [path, summarize(samples.get(path)!)]));
    const streamed = options.count * 5;
    const actionRate = await throughput(client, 'action file', streamed);
    const pingRate = await throughput(client, 'built-in ping', streamed);
    if (actionRate.lost > 0)
      failures['action file: replies missing when streamed'] = actionRate.lost;
    if (pingRate.lost > 0) failures['built-in ping: replies missing when streamed'] = pingRate.lost;
    const plain = s['plain publish']!;
    const action = s['action file']!;
    const ping = s['built-in ping']!;
    const row = (metric: string, unit: string, value: number, note = ''): Row => ({
      metric,
      unit,
      hearth: round(value),
      mosquitto: null,
      note,
    });
    return {
      scenario: 'actions',
      rows: [
        row(
          'action file round trips per second',
          '1/s',
          (action.n * 1000) / wall.get('action file')!,
        ),
        row(
          'action file messages per second, streamed',
          '1/s',
          actionRate.perSecond,
          `${streamed} \`echo\` messages, up to 500 in flight`,
        ),
        row('built-in ping messages per second, streamed', '1/s', pingRate.perSecond),
        row('action file p50', 'ms', action.p50),
        row('action file p99', 'ms', action.p99),
        row('built-in ping p50 / p99', 'ms', ping.p50, `p99 ${round(ping.p99)}`),
        row('plain publish p50 / p99', 'ms', plain.p50, `p99 ${round(plain.p99)}`),
        row('added by the action host, p50', 'ms', action.p50 - plain.p50, 'vs plain publish'),
        row('added by the action host, p99', 'ms', action.p99 - plain.p99, 'vs plain publish'),
      ],
      failures,
      details: { summaries: s },
    };
  } finally {
    await client?.endAsync(true);
    await hub.stop();
  }
}
