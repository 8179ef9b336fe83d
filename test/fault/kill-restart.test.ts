// SIGKILL at seeded random moments while devices join, a lock is commanded, a camera sends
// pictures and phones pair (issue 13); after each restart everything the hub acknowledged is
// there: every device it sent a secret to logs in with it, every paired phone's token works,
// every command it answered 200 is in the audit log as confirmed, every picture it answered 201
// is listed with its very bytes, and nothing is half-written.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { MqttClient } from 'mqtt';
import { api, connectDevice } from '../helpers/devices.js';
import {
  makeTempDir,
  removeDir,
  startHubProcess,
  type HubProcess,
} from '../helpers/hub-process.js';
import { jpeg } from '../strangers/support/pictures.js';
import { seededRandom } from './mqtt-packets.js';

const SEEDS = [11, 22, 33, 44, 55, 66];
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Acknowledged {
  devices: Map<string, string>; // id -> secret
  tokens: string[];
  commands: number; // 200 answers
  pictures: Map<string, string>; // id -> sha256
}

/** A lock that confirms what it is told, connected with its secret. */
async function lockOnline(hub: HubProcess, secret: string): Promise<MqttClient> {
  const lock = await connectDevice(`mqtt://127.0.0.1:${hub.ready.mqtt}`, 'front-door', { secret });
  lock.client.on('message', (topic, payload) => {
    if (topic !== 'hearth/devices/front-door/set') return;
    const state = payload.toString() === 'LOCK' ? 'LOCKED' : 'UNLOCKED';
    lock.client.publish('hearth/devices/front-door/state', state, { qos: 1, retain: true });
  });
  await lock.client.subscribeAsync('hearth/devices/front-door/set', { qos: 1 });
  await lock.client.publishAsync('hearth/devices/front-door/state', 'LOCKED', {
    qos: 1,
    retain: true,
  });
  return lock.client;
}

async function join(hub: HubProcess, id: string, kind: string): Promise<string | null> {
  const device = await connectDevice(`mqtt://127.0.0.1:${hub.ready.mqtt}`, id);
  try {
    const answer = await device.handShake(`${kind} ${id}`);
    return /^approved (\S+)$/.exec(answer)?.[1] ?? null;
  } finally {
    await device.end();
  }
}

test(`SIGKILL at ${SEEDS.length} seeded moments under load: everything acknowledged survives`, async (t) => {
  const dataDir = makeTempDir('hearth-kill-');
  const acknowledged: Acknowledged = {
    devices: new Map(),
    tokens: [],
    commands: 0,
    pictures: new Map(),
  };
  let lockSecret = '';
  let cameraSecret = '';
  let kills = 0;
  try {
    for (const seed of SEEDS) {
      const random = seededRandom(seed);
      const hub = await startHubProcess({ dataDir });
      const base = `http://127.0.0.1:${hub.ready.http}`;
      const admin = (method: string, path: string, body?: unknown) =>
        api(base, hub.adminToken, method, path, body);
      assert.equal((await admin('POST', '/api/v1/permit-join', { seconds: 600 })).status, 200);
      if (!lockSecret) lockSecret = (await join(hub, 'front-door', 'lock'))!;
      if (!cameraSecret) cameraSecret = (await join(hub, 'porch-cam', 'camera'))!;
      const lock = await lockOnline(hub, lockSecret); // the secret from an earlier life still works

      let alive = true;
      const work: Array<Promise<void>> = [];
      // A request cut off by the kill may never settle (an MQTT CONNECT whose socket closed
      // before CONNACK): once the hub is dead, the loops stop waiting for it.
      const killed = hub.exited.then(() => undefined);
      const loop = (body: (n: number) => Promise<void>) =>
        work.push(
          (async () => {
            for (let n = 0; alive; n++) {
              // A rejection: the hub died under this request, so nothing was acknowledged.
              await Promise.race([body(n).catch(() => undefined), killed]);
            }
          })(),
        );
      loop(async (n) => {
        const id = `dev-${seed}-${n}`;
        const secret = await join(hub, id, 'sensor');
        if (secret && alive) acknowledged.devices.set(id, secret);
      });
      loop(async (n) => {
        const answer = await admin(
          'POST',
          `/api/v1/devices/front-door/${n % 2 ? 'lock' : 'unlock'}`,
        );
        if (answer.status === 200) acknowledged.commands++;
      });
      loop(async (n) => {
        const picture = jpeg(8_000 + n * 17, seed * 1000 + n);
        const response = await fetch(`${base}/api/v1/strangers`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`porch-cam:${cameraSecret}`).toString('base64')}`,
            'content-type': 'application/octet-stream',
          },
          body: new Uint8Array(picture),
        });
        const body = (await response.json()) as { stranger?: { id: string } };
        if (response.status === 201 && body.stranger) {
          acknowledged.pictures.set(body.stranger.id, sha(picture));
        }
      });
      loop(async () => {
        const code = await admin('POST', '/api/v1/pairing-codes');
        const paired = await fetch(`${base}/api/v1/pair`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: code.body.code, name: `phone ${seed}` }),
        });
        if (paired.status === 200)
          acknowledged.tokens.push(((await paired.json()) as { token: string }).token);
        await delay(100);
      });

      await delay(400 + Math.floor(random() * 1_200));
      hub.child.kill('SIGKILL');
      await hub.exited;
      kills++;
      alive = false;
      await Promise.all(work);
      lock.end(true);
    }

    // After the last kill: start once more and check every acknowledgement.
    const hub = await startHubProcess({ dataDir });
    const base = `http://127.0.0.1:${hub.ready.http}`;
    try {
      for (const [id, secret] of acknowledged.devices) {
        const device = await connectDevice(`mqtt://127.0.0.1:${hub.ready.mqtt}`, id, { secret });
        await device.end();
      }
      for (const token of acknowledged.tokens) {
        assert.equal(
          (await api(base, token, 'GET', '/api/v1/status')).status,
          200,
          'a paired phone',
        );
      }
      // The whole audit log still kept (JSON lines), not just the newest page.
      const exported = await fetch(`${base}/api/v1/audit/export`, {
        headers: { authorization: `Bearer ${hub.adminToken}` },
      });
      const audit = (await exported.text())
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as { result: string; lockId: string });
      const confirmed = audit.filter(
        (entry) => entry.lockId === 'front-door' && entry.result === 'ok',
      );
      assert.ok(
        confirmed.length >= acknowledged.commands,
        `${acknowledged.commands} commands answered 200, ${confirmed.length} confirmed in the audit log`,
      );
      // Each by its id: a faster Node acknowledges more than one page (500) of the listing.
      for (const [id, digest] of acknowledged.pictures) {
        const shown = await api(base, hub.adminToken, 'GET', `/api/v1/strangers/${id}`);
        assert.equal(shown.status, 200, `picture ${id} was answered 201 and must be listed`);
        const { url } = shown.body as { url: string };
        const bytes = Buffer.from(await (await fetch(new URL(url, base))).arrayBuffer());
        assert.equal(sha(bytes), digest, `picture ${id} is whole`);
      }
      const leftovers = [...readdirSync(dataDir), ...readdirSync(`${dataDir}/strangers`)].filter(
        (name) => name.includes('.tmp'),
      );
      assert.deepEqual(leftovers, [], 'no half-written file is left behind');
      JSON.parse(readFileSync(`${dataDir}/state.json`, 'utf8'));
    } finally {
      await hub.stop();
    }
    t.diagnostic(
      `${kills} kills survived; acknowledged and then found: ${acknowledged.devices.size} joins, ` +
        `${acknowledged.tokens.length} pairings, ${acknowledged.commands} lock commands, ${acknowledged.pictures.size} pictures`,
    );
    assert.ok(
      acknowledged.devices.size > 0 && acknowledged.commands > 0 && acknowledged.pictures.size > 0,
    );
  } finally {
    removeDir(dataDir);
  }
});
