// 5. Pictures (issue 5): a camera's 1 MiB publish to the `stranger` event (p50/p99, one at a
// time), the sustained rate with a few pictures in flight, and listing the newest 50 of a
// gallery of 10,000.
import type { MqttClient } from 'mqtt';
import { join } from 'node:path';
import { jpeg } from '../../test/strangers/support/pictures.js';
import { seedPictureFolder } from '../../test/strangers/support/seed-folder.js';
import { call } from '../lib/http.js';
import { ADMIN_TOKEN, startHub } from '../lib/hub.js';
import { connect, nextPayload, type Target } from '../lib/mqtt.js';
import { count, type Row, type ScenarioResult } from '../lib/report.js';
import { elapsedMs, round, summarize } from '../lib/stats.js';

export interface PicturesOptions {
  pictures: number;
  gallery: number;
  listings: number;
}

const MiB = 1024 * 1024;

async function joinCamera(target: Target, id: string, httpUrl: string): Promise<MqttClient> {
  await call(httpUrl, ADMIN_TOKEN, 'POST', '/api/v1/permit-join', { seconds: 60 });
  const topic = `hearth/devices/${id}/hand_shake`;
  const joining = await connect(target, { clientId: id, clean: true });
  await joining.subscribeAsync(topic, { qos: 1 });
  const answer = nextPayload(joining, topic, 10_000);
  await joining.publishAsync('hearth/action', `hand_shake ${id} camera`, { qos: 1 });
  const secret = (await answer).split(' ')[1];
  await joining.endAsync(true);
  if (!secret) throw new Error('the camera was not approved');
  return connect(target, { clientId: id, clean: true, username: id, password: secret });
}

export async function pictures(options: PicturesOptions): Promise<ScenarioResult> {
  const failures: Record<string, number> = {};
  const hub = await startHub(30_000, (dataDir) => {
    seedPictureFolder(join(dataDir, 'strangers'), options.gallery, {
      startMs: Date.now() - options.gallery * 10,
    });
  });
  const clients: MqttClient[] = [];
  try {
    const target = { host: '127.0.0.1', port: hub.mqttPort };
    const listing: number[] = [];
    for (let i = 0; i < options.listings; i++) {
      const started = process.hrtime.bigint();
      const reply = await call(hub.httpUrl, ADMIN_TOKEN, 'GET', '/api/v1/strangers?limit=50');
      if (reply.status === 200) listing.push(elapsedMs(started));
      else count(failures, `listing answered ${reply.status}`);
    }
    const camera = await joinCamera(target, 'bench-cam', hub.httpUrl);
    const watcher = await connect(target, { username: 'token', password: ADMIN_TOKEN });
    clients.push(camera, watcher);
    await watcher.subscribeAsync('hearth/events/stranger', { qos: 0 });

    // One at a time: publish to event.
    const latency: number[] = [];
    for (let i = 0; i < options.pictures; i++) {
      const bytes = jpeg(MiB, 10_000 + i);
      const heard = nextPayload(watcher, 'hearth/events/stranger', 10_000);
      const started = process.hrtime.bigint();
      camera.publish('hearth/devices/bench-cam/stranger', bytes, { qos: 1 });
      try {
        await heard;
        latency.push(elapsedMs(started));
      } catch {
        count(failures, 'no stranger event in 10 s');
      }
    }

    // Sustained: four in flight at a time.
    let events = 0;
    let lastEventAt = process.hrtime.bigint();
    watcher.on('message', (topic) => {
      if (topic !== 'hearth/events/stranger') return;
      events++;
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
    while (events < bytesList.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // The broker acknowledges a picture before it is stored, so a camera sending faster than
    // the disk can take them is told `busy` (activity history) once 64 MiB wait: not a failure,
    // the hub protecting its memory. The rate counts what was stored, up to the last event.
    const sustainedMs = Number(lastEventAt - started) / 1e6;
    const refusedBusy = bytesList.length - events;

    const s = summarize(latency);
    const l = summarize(listing);
    const row = (metric: string, unit: string, value: number, note = ''): Row => ({
      metric,
      unit,
      hearth: round(value),
      mosquitto: null,
      note,
    });
    return {
      scenario: 'pictures',
      rows: [
        row('1 MiB publish to stranger event, p50', 'ms', s.p50, `${s.n} pictures, one at a time`),
        row('1 MiB publish to stranger event, p99', 'ms', s.p99),
        row(
          'sustained pictures per second',
          '1/s',
          (events * 1000) / sustainedMs,
          `1 MiB each, 4 in flight; ${events} of ${bytesList.length} stored`,
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
      details: { latency: s, listing: l },
    };
  } finally {
    for (const client of clients) await client.endAsync(true).catch(() => {});
    await hub.stop();
  }
}
