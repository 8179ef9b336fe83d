// 2. Request/reply: a token client publishes `ping` on hearth/action and waits for `pong` on
// `ping`, one at a time. Side by side: the same loop through Mosquitto, where an echo client
// plays the hub. And a device's `ping` on its own inbox, answered on its reply topic, for Hearth
// on its embedded broker and Hearth on Mosquitto (issue #10): token clients cannot log in to an
// external broker, so that is the request/reply both can do. Rounds alternate between all the
// loops (forwards, then backwards); CPU comes from /proc.
import type { MqttClient } from 'mqtt';
import { handShake, login } from '../lib/device.js';
import { call } from '../lib/http.js';
import { ADMIN_TOKEN, startHub, type Hub, type HubBroker } from '../lib/hub.js';
import { available } from '../lib/hub-sides.js';
import { mosquittoMissing, startMosquitto, type Mosquitto } from '../lib/mosquitto.js';
import { connect, nextPayload } from '../lib/mqtt.js';
import { cpuMs } from '../lib/proc.js';
import { count, type Row, type ScenarioResult } from '../lib/report.js';
import { elapsedMs, round, summarize, type Summary } from '../lib/stats.js';

export interface RoundTripOptions {
  count: number;
  rounds: number;
  warmup: number;
  brokers: HubBroker[];
}

type SideName = 'hearth' | 'mosquitto' | 'device embedded' | 'device on Mosquitto';

interface Side {
  name: SideName;
  /** The processes that carry the message: the broker, and the hub when it is not the broker. */
  pids: number[];
  requester: MqttClient;
  /** Where the request goes and where the reply comes back. */
  request: string;
  reply: string;
  samples: number[];
  roundP50s: number[];
  /** CPU per process, in the order of `pids`. */
  cpuMs: number[];
  wallMs: number;
}

const newSide = (
  name: SideName,
  pids: number[],
  requester: MqttClient,
  request: string,
  reply: string,
): Side => ({
  name,
  pids,
  requester,
  request,
  reply,
  samples: [],
  roundP50s: [],
  cpuMs: pids.map(() => 0),
  wallMs: 0,
});

const fresh = (side: Side): Side =>
  newSide(side.name, side.pids, side.requester, side.request, side.reply);

async function loop(side: Side, n: number, failures: Record<string, number>): Promise<void> {
  const cpuBefore = side.pids.map(cpuMs);
  const started = process.hrtime.bigint();
  const first = side.samples.length;
  for (let i = 0; i < n; i++) {
    const sent = process.hrtime.bigint();
    const reply = nextPayload(side.requester, side.reply, 2_000);
    side.requester.publish(side.request, 'ping', { qos: 1 });
    try {
      if ((await reply) === 'pong') side.samples.push(elapsedMs(sent));
      else count(failures, `${side.name}: wrong reply`);
    } catch {
      count(failures, `${side.name}: no reply in 2 s`);
    }
  }
  side.wallMs += elapsedMs(started);
  side.pids.forEach((pid, k) => (side.cpuMs[k]! += cpuMs(pid) - cpuBefore[k]!));
  side.roundP50s.push(summarize(side.samples.slice(first)).p50);
}

/** A device joined to `hub`, subscribed to its reply topics. */
async function joinedDevice(hub: Hub, id: string): Promise<MqttClient> {
  const permit = await call(hub.httpUrl, ADMIN_TOKEN, 'POST', '/api/v1/permit-join', {
    seconds: 60,
  });
  if (permit.status !== 200) throw new Error(`permit-join answered ${permit.status}`);
  const secret = await handShake(hub.devices, id, 'sensor');
  const device = await login(hub.devices, id, secret);
  await device.subscribeAsync(`hearth/devices/${id}/reply/#`, { qos: 1 });
  return device;
}

export async function roundTrip(options: RoundTripOptions): Promise<ScenarioResult> {
  const failures: Record<string, number> = {};
  const { runnable, notes } = available(options.brokers);
  const hubs: Hub[] = [];
  const missing = mosquittoMissing();
  let mosquitto: Mosquitto | null = null;
  const clients: MqttClient[] = [];
  const at = (port: number): { host: string; port: number } => ({ host: '127.0.0.1', port });
  try {
    const sides: Side[] = [];
    for (const broker of runnable) {
      const hub = await startHub({ broker });
      hubs.push(hub);
      const pids = hub.mosquitto ? [hub.mosquitto.pid, hub.pid] : [hub.pid];
      if (broker === 'embedded') {
        const token = { username: 'token', password: ADMIN_TOKEN };
        const requester = await connect(at(hub.mqttPort!), token);
        clients.push(requester);
        sides.push(newSide('hearth', pids, requester, 'hearth/action', 'ping'));
      }
      const id = `bench-rt-${broker}`;
      const device = await joinedDevice(hub, id);
      clients.push(device);
      const name = broker === 'embedded' ? 'device embedded' : 'device on Mosquitto';
      const inbox = `hearth/devices/${id}/action`;
      sides.push(newSide(name, pids, device, inbox, `hearth/devices/${id}/reply/ping`));
    }
    if (!missing) {
      mosquitto = await startMosquitto();
      const echo = await connect(at(mosquitto.port), { clientId: 'echo-hub' });
      clients.push(echo);
      echo.on('message', (_topic, payload) => {
        if (payload.toString() === 'ping') echo.publish('ping', 'pong', { qos: 1 });
      });
      await echo.subscribeAsync('hearth/action', { qos: 1 });
      const requester = await connect(at(mosquitto.port), { clientId: 'requester' });
      clients.push(requester);
      sides.push(newSide('mosquitto', [mosquitto.pid], requester, 'hearth/action', 'ping'));
    }
    for (const [i, side] of sides.entries()) {
      if (side.reply === 'ping') await side.requester.subscribeAsync('ping', { qos: 1 });
      await loop(side, options.warmup, failures);
      sides[i] = fresh(side);
    }
    for (let r = 0; r < options.rounds; r++) {
      for (const side of r % 2 === 0 ? sides : [...sides].reverse()) {
        await loop(side, options.count, failures);
      }
    }
    if (options.brokers.includes('mosquitto')) {
      notes.push(
        'Hearth on Mosquitto has no token-client round trip: token clients (username "token") cannot log in to an external broker; its request/reply is the device rows',
      );
    }
    const result = report(sides, options, failures, mosquitto?.version ?? missing, notes);
    return missing ? { ...result, skipped: `Mosquitto side: ${missing}` } : result;
  } finally {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    for (const hub of hubs) await hub.stop();
    await mosquitto?.stop();
  }
}

function report(
  sides: Side[],
  options: RoundTripOptions,
  failures: Record<string, number>,
  mosquitto: string | null,
  notes: string[],
): ScenarioResult {
  type Figures = Summary & { side: Side };
  const summaries: Figures[] = sides.map((side) => ({ side, ...summarize(side.samples) }));
  const find = (name: SideName): Figures | undefined => summaries.find((s) => s.side.name === name);
  const [h, m] = [find('hearth'), find('mosquitto')];
  const [dh, dm] = [find('device embedded'), find('device on Mosquitto')];
  const withMosquitto = options.brokers.includes('mosquitto');
  const withEmbedded = options.brokers.includes('embedded');
  const of = (s: Figures | undefined, pick: (s: Figures) => number): number | null =>
    s ? pick(s) : null;
  const row = (metric: string, unit: string, pick: (s: Figures) => number, note = ''): Row => ({
    metric,
    unit,
    hearth: of(h, pick),
    mosquitto: of(m, pick),
    ...(withMosquitto ? { hearthOnMosquitto: null } : {}),
    note,
  });
  const deviceRow = (
    metric: string,
    unit: string,
    pick: (s: Figures) => number,
    note = '',
  ): Row => ({
    metric: `device: ${metric}`,
    unit,
    hearth: withEmbedded ? of(dh, pick) : null,
    ...(withMosquitto ? { hearthOnMosquitto: of(dm, pick) } : {}),
    note,
  });
  const range = (s: Figures | undefined): string =>
    s
      ? `${s.side.name} ${Math.min(...s.side.roundP50s).toFixed(2)}–${Math.max(...s.side.roundP50s).toFixed(2)}`
      : '';
  const perRound = (...of: Array<Figures | undefined>): string =>
    ['per-round p50:', ...of.map(range).filter(Boolean)].join(' ');
  const totalCpu = (s: Figures): number => s.side.cpuMs.reduce((sum, ms) => sum + ms, 0);
  const cpuSplit = (s: Figures | undefined): string =>
    s && s.side.pids.length > 1
      ? `on Mosquitto: Mosquitto ${((s.side.cpuMs[0]! * 1000) / s.n).toFixed(0)} + hub ${((s.side.cpuMs[1]! * 1000) / s.n).toFixed(0)} us`
      : '';
  const rows: Row[] = [];
  if (h || m) {
    rows.push(
      row(`p50, ${options.rounds} x ${options.count}`, 'ms', (s) => s.p50, perRound(h, m)),
      row('p90', 'ms', (s) => s.p90),
      row('p99', 'ms', (s) => s.p99),
      row('max', 'ms', (s) => s.max),
      row('round trips per second', '1/s', (s) => (s.n * 1000) / s.side.wallMs),
      row(
        'broker CPU per round trip',
        'us',
        (s) => (totalCpu(s) * 1000) / s.n,
        'Mosquitto: broker only (its echo client runs in the bench)',
      ),
    );
  }
  if (dh || dm) {
    rows.push(
      deviceRow(
        `ping on its own inbox -> reply, p50, ${options.rounds} x ${options.count}`,
        'ms',
        (s) => s.p50,
        perRound(dh, dm),
      ),
      deviceRow('p90', 'ms', (s) => s.p90),
      deviceRow('p99', 'ms', (s) => s.p99),
      deviceRow('max', 'ms', (s) => s.max),
      deviceRow('round trips per second', '1/s', (s) => (s.n * 1000) / s.side.wallMs),
      deviceRow(
        'hub + broker CPU per round trip',
        'us',
        (s) => (totalCpu(s) * 1000) / s.n,
        cpuSplit(dm),
      ),
    );
  }
  return {
    scenario: 'round trip',
    rows,
    failures,
    details: {
      mosquitto,
      hubBrokers: options.brokers,
      summaries: Object.fromEntries(
        summaries.map(({ side, ...s }) => [
          side.name,
          {
            ...s,
            cpuMs: side.cpuMs.reduce((sum, ms) => sum + ms, 0),
            ...(side.pids.length > 1
              ? { cpuMsMosquitto: side.cpuMs[0], cpuMsHub: side.cpuMs[1] }
              : {}),
            roundP50s: side.roundP50s.map((x) => round(x)),
          },
        ]),
      ),
    },
    ...(notes.length ? { notes } : {}),
  };
}
