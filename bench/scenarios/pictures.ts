// 5. Pictures (issue 5): a camera's 1 MiB publish to the `stranger` event (p50/p99, one at a
// time), the sustained rate with a few pictures in flight, and listing the newest 50 of a
// gallery of 10,000. For Hearth on its embedded broker and Hearth on Mosquitto, one after the
// other (issue #10). The event is watched on the HTTP event stream (GET /api/v1/events), which
// both have; the embedded hub's `hearth/events/stranger` to a token MQTT client is timed too
// (token clients cannot log in to an external broker).
import type { MqttClient } from 'mqtt';
import { join } from 'node:path';
import { jpeg } from '../../test/strangers/support/pictures.js';
import { seedPictureFolder } from '../../test/strangers/support/seed-folder.js';
import { handShake, login } from '../lib/device.js';
import { call, eventStream, type EventStream } from '../lib/http.js';
import { ADMIN_TOKEN, startHub, type Hub, type HubBroker } from '../lib/hub.js';
import { perBroker, type SideResult } from '../lib/hub-sides.js';
import { connect, nextPayload } from '../lib/mqtt.js';
import { count, type Row, type ScenarioResult } from '../lib/report.js';
import { elapsedMs, round, summarize } from '../lib/stats.js';

export interface PicturesOptions {
  pictures: number;
  gallery: number;
  listings: number;
  brokers: HubBroker[];
}

const MiB = 1024 * 1024;

async function joinCamera(hub: Hub, id: string): Promise<MqttClient> {
  await call(hub.httpUrl, ADMIN_TOKEN, 'POST', '/api/v1/permit-join', { seconds: 60 });
  const secret = await handShake(hub.devices, id, 'camera');
  return login(hub.devices, id, secret);
}

export function pictures(options: PicturesOptions): Promise<ScenarioResult> {
  return perBroker('pictures', options.brokers, async (broker) => {
    const side = await pictureSide(broker, options);
    if (broker === 'mosquitto') {
      side.notes = [
        'Hearth on Mosquitto: no token MQTT client to hear hearth/events/stranger (token clients cannot log in to an external broker); the event is timed on the HTTP event stream on both',
      ];
    }
    return side;
  });
}

async function pictureSide(broker: HubBroker, options: PicturesOptions): Promise<SideResult> {
  const failures: Record<string, number> = {};
  const hub = await startHub({
    broker,
    timeoutMs: 30_000,
    prepare: (dataDir) => {
      seedPictureFolder(join(dataDir, 'strangers'), options.gallery, {
        startMs: Date.now() - options.gallery * 10,
      });
    },
  });
  const clients: MqttClient[] = [];
  let events: EventStream | null = null;
  try {
    const listing: number[] = [];
    for (let i = 0; i < options.listings; i++) {
      const started = process.hrtime.bigint();
      const reply = await call(hub.httpUrl, ADMIN_TOKEN, 'GET', '/api/v1/strangers?limit=50');
      if (reply.status === 200) listing.push(elapsedMs(started));
      else count(failures, `listing answered ${reply.status}`);
    }
    const camera = await joinCamera(hub, 'bench-cam');
    clients.push(camera);
    const stream = await eventStream(hub.httpUrl, ADMIN_TOKEN);
    events = stream;
    // The embedded hub also tells token MQTT clients (the figure this scenario always had).
    let watcher: MqttClient | null = null;
    if (hub.mqttPort !== null) {
      watcher = await connect(
        { host: '127.0.0.1', port: hub.mqttPort },
        { username: 'token', password: ADMIN_TOKEN },
      );
      clients.push(watcher);
      await watcher.subscribeAsync('hearth/events/stranger', { qos: 0 });
    }

    // One at a time: publish to event.
    const latency: number[] = [];
    const mqttLatency: number[] = [];
    for (let i = 0; i < options.pictures; i++) {
      const bytes = jpeg(MiB, 10_000 + i);
      const heard = stream.next('stranger', 10_000);
      const heardOnMqtt = watcher && nextPayload(watcher, 'hearth/events/stranger', 10_000);
      const started = process.hrtime.bigint();
      camera.publish('hearth/devices/bench-cam/stranger', bytes, { qos: 1 });
      const [sse, mqtt] = await Promise.allSettled([
        heard.then(() => elapsedMs(started)),
        heardOnMqtt?.then(() => elapsedMs(started)),
      ]);
      if (sse.status === 'fulfilled') latency.push(sse.value);
      else count(failures, 'no stranger event in 10 s');
      if (mqtt.status === 'fulfilled' && mqtt.value !== undefined) mqttLatency.push(mqtt.value);
      else if (watcher) count(failures, 'no hearth/events/stranger in 10 s');
    }

    // Sustained: four in flight at a time.
    let stored = 0;
    let lastEventAt = process.hrtime.bigint();
    stream.on('stranger', () => {
      stored++;
      lastEventAt = process.hrtime.bigint();
    });
    const bytesList = Array.from({ length: options.pictures }, (_, i) => jpeg(MiB, 50_000 + i));
    const started = process.hrtime.bigint();
    for (let i = 0; i < bytesList.length; i += 4) {
      await Promise.all(
        bytesList
          .slice(i, i + 4)
          .map((bytes) =>
            camera.publishAsync('hearth/devices/bench-cam/stranger', bytes, { qos: 1 }),
          ),
      );
    }
    const deadline = Date.now() + 30_000;
    while (stored < bytesList.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // The broker acknowledges a picture before it is stored, so a camera sending faster than
    // the disk can take them is told `busy` (activity history) once 64 MiB wait: not a failure,
    // the hub protecting its memory. The rate counts what was stored, up to the last event.
    const sustainedMs = Number(lastEventAt - started) / 1e6;
    const refusedBusy = bytesList.length - stored;

    const s = summarize(latency);
    const m = summarize(mqttLatency);
    const l = summarize(listing);
    const row = (metric: string, unit: string, value: number | null, note = ''): Row => ({
      metric,
      unit,
      hearth: value === null || Number.isNaN(value) ? null : round(value),
      mosquitto: null,
      note,
    });
    return {
      rows: [
        row(
          '1 MiB publish to stranger event, p50',
          'ms',
          s.p50,
          `${s.n} pictures, one at a time; event on GET /api/v1/events`,
        ),
        row('1 MiB publish to stranger event, p99', 'ms', s.p99),
        row(
          '1 MiB publish to hearth/events/stranger (token MQTT client), p50 / p99',
          'ms',
          watcher ? m.p50 : null,
          watcher ? `p99 ${round(m.p99)}` : '',
        ),
        row(
          'sustained pictures per second',
          '1/s',
          (stored * 1000) / sustainedMs,
          `1 MiB each, 4 in flight; ${stored} of ${bytesList.length} stored`,
        ),
        row(
          'refused as busy while flooded',
          'count',
          refusedBusy,
          'over 64 MiB waiting to be stored',
        ),
        row(`newest 50 of ${options.gallery}, HTTP p50`, 'ms', l.p50, `${l.n} listings`),
        row(`newest 50 of ${options.gallery}, HTTP p99`, 'ms', l.p99),
      ],
      failures,
      details: { latency: s, ...(watcher ? { mqttLatency: m } : {}), listing: l },
    };
  } finally {
    events?.close();
    for (const client of clients) await client.endAsync(true).catch(() => {});
    await hub.stop();
  }
}
