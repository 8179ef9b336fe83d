// The runtime smoke (`npm run test:runtimes`): the BUILT hub (dist/), on the Node that runs this
// file, does what a newcomer tries first. It starts; MQTT answers over TCP, WebSocket and TLS;
// a simulated lock (the built simulator) joins, is approved and confirms a command; a camera's
// picture is stored; action files answer and a spinning one is stopped; the panel loads in
// Chromium. .ci/run runs it on Node 22, 24 (inside `npm test`) and 26.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { MqttClient } from 'mqtt';
import { api, connectDevice } from '../helpers/devices.js';
import {
  HEADLESS_ENTRY,
  makeTempDir,
  removeDir,
  startHubProcess,
  type HubProcess,
} from '../helpers/hub-process.js';
import { connectToken } from '../helpers/mqtt.js';
import { startSimulator, type SimulatorProcess } from '../simulate/simulator-process.js';
import { jpeg } from '../strangers/support/pictures.js';
import { ConsoleWatcher, launchChromium } from '../e2e/chromium.js';

const PANEL_INDEX = resolve('dist/renderer/index.html');
const STEP = { timeout: 60_000 };

// Two action files, in place before the hub starts (it loads the folder at start).
const ACTION_FILES = {
  'echo.mjs': `export function echo(message) { return message.args.join(' '); }\n`,
  'spin.mjs': `export function spin() { while (true) {} }\n`,
};

let hub: HubProcess | undefined;
let base: string;
let folder: string;
let dataDir: string | undefined;
const clients: MqttClient[] = [];
const simulators: SimulatorProcess[] = [];

function running(): HubProcess {
  assert.ok(hub, 'the hub is running');
  return hub;
}

const call = (method: string, path: string, body?: unknown) =>
  api(base, running().adminToken, method, path, body);

async function token(url: string, extra: Parameters<typeof connectToken>[2] = {}) {
  const client = await connectToken(url, running().adminToken, extra);
  clients.push(client);
  return client;
}

/**
 * Subscribes, then listens: resolves with the next message on `topic`. The listener is in place
 * once this resolves, so a reply to anything sent afterwards cannot slip past it.
 */
async function listen(client: MqttClient, topic: string, timeoutMs = 10_000) {
  await client.subscribeAsync(topic, { qos: 1 });
  let onMessage: (received: string, payload: Buffer) => void = () => {};
  const next = new Promise<Buffer>((resolveNext, reject) => {
    const timer = setTimeout(() => {
      client.off('message', onMessage);
      reject(new Error(`no message on ${topic} within ${timeoutMs} ms`));
    }, timeoutMs);
    onMessage = (received, payload) => {
      if (received !== topic) return;
      clearTimeout(timer);
      client.off('message', onMessage);
      resolveNext(payload);
    };
    client.on('message', onMessage);
  });
  next.catch(() => {}); // awaited by the caller; never an unhandled rejection meanwhile
  return { next };
}

/** `ping` on hearth/action answers `pong` on topic ping. */
async function ping(client: MqttClient): Promise<string> {
  const reply = await listen(client, 'ping');
  await client.publishAsync('hearth/action', 'ping', { qos: 1 });
  return (await reply.next).toString();
}

before(() => {
  for (const built of [HEADLESS_ENTRY, PANEL_INDEX]) {
    assert.ok(existsSync(built), `${built} is missing: run "npm run build" first`);
  }
  folder = makeTempDir('hearth-smoke-');
});

after(async () => {
  await Promise.allSettled(clients.map((client) => client.endAsync(true)));
  await Promise.allSettled(simulators.map((simulator) => simulator.stop('SIGKILL')));
  await hub?.stop();
  if (dataDir) removeDir(dataDir);
  removeDir(folder);
});

describe(`runtime smoke on Node ${process.version}`, () => {
  test('the built hub starts (with MQTT over TLS on)', STEP, async () => {
    dataDir = makeTempDir('hearth-smoke-data-');
    mkdirSync(join(dataDir, 'actions'));
    for (const [name, code] of Object.entries(ACTION_FILES)) {
      writeFileSync(join(dataDir, 'actions', name), code);
    }
    hub = await startHubProcess({ dataDir, extraArgs: ['--mqtts-port', '0'] });
    base = `http://127.0.0.1:${hub.ready.http}`;
    const status = await call('GET', '/api/v1/status');
    assert.equal(status.status, 200);
    assert.equal(hub.ready.broker, 'embedded');
  });

  test('MQTT answers over TCP, WebSocket and TLS (the hub certificate trusted)', STEP, async () => {
    assert.ok(hub, 'the hub is running');
    assert.equal(await ping(await token(`mqtt://127.0.0.1:${hub.ready.mqtt}`)), 'pong');
    assert.equal(await ping(await token(`ws://127.0.0.1:${hub.ready.ws}/mqtt`)), 'pong');

    const info = await call('GET', '/api/v1/info');
    const { mqtts } = info.body.ports as { mqtts: number | null };
    assert.ok(mqtts, 'the hub reports its MQTT-over-TLS port');
    const cert = readFileSync(join(hub.dataDir, 'tls', 'hub.crt'), 'utf8');
    assert.equal(info.body.tlsFingerprint, new X509Certificate(cert).fingerprint256);
    const tls = await token(`mqtts://127.0.0.1:${mqtts}`, {
      ca: cert,
      servername: 'localhost',
      rejectUnauthorized: true,
    });
    assert.equal(await ping(tls), 'pong');
  });

  test('a simulated lock joins, is approved, and confirms UNLOCK and LOCK', STEP, async () => {
    assert.ok(hub, 'the hub is running');
    const id = 'smoke-lock';
    const simulator = startSimulator([
      'lock',
      '--url',
      `mqtt://127.0.0.1:${hub.ready.mqtt}`,
      '--id',
      id,
      '--name',
      'Smoke lock',
      '--motor-ms',
      '200',
      '--secret-file',
      join(folder, `${id}.json`),
    ]);
    simulators.push(simulator);
    await simulator.waitForOutput(/Waiting for the owner to approve smoke-lock/);
    assert.equal((await call('GET', `/api/v1/devices/${id}`)).body.status, 'pending');
    assert.equal((await call('POST', `/api/v1/devices/${id}/approve`)).status, 200);
    await simulator.waitForOutput(/Online as smoke-lock\./);

    const unlocked = await call('POST', `/api/v1/devices/${id}/unlock`);
    assert.equal(unlocked.status, 200, JSON.stringify(unlocked.body));
    assert.equal(unlocked.body.state, 'unlocked');
    const locked = await call('POST', `/api/v1/devices/${id}/lock`);
    assert.equal(locked.status, 200, JSON.stringify(locked.body));
    assert.equal(locked.body.state, 'locked');
    await simulator.waitForOutput(/Command LOCK from the hub/);
  });

  test("a camera's picture (sent over WebSocket) is stored and served", STEP, async () => {
    assert.ok(hub, 'the hub is running');
    const id = 'smoke-cam';
    const wsUrl = `ws://127.0.0.1:${hub.ready.ws}/mqtt`;
    const joining = await connectDevice(wsUrl, id);
    assert.equal(await joining.handShake('camera Smoke camera'), 'pending');
    assert.equal((await call('POST', `/api/v1/devices/${id}/approve`)).status, 200);
    const answer = await joining.nextAnswer();
    await joining.end();
    const secret = /^approved (\S+)$/.exec(answer)?.[1];
    assert.ok(secret, `approved with a secret, not "${answer}"`);

    const camera = await connectDevice(wsUrl, id, { secret });
    clients.push(camera.client);
    const watcher = await token(`mqtt://127.0.0.1:${hub.ready.mqtt}`);
    const announced = await listen(watcher, 'hearth/events/stranger');
    const picture = jpeg(300 * 1024);
    await camera.client.publishAsync(`hearth/devices/${id}/stranger`, picture, { qos: 1 });
    const event = JSON.parse((await announced.next).toString()) as {
      data: { id: string; camera: string; size: number; url: string };
    };
    assert.equal(event.data.camera, id);
    assert.equal(event.data.size, picture.length);

    const listed = await call('GET', '/api/v1/strangers');
    const ids = (listed.body.strangers as Array<{ id: string }>).map((entry) => entry.id);
    assert.ok(ids.includes(event.data.id), 'the picture is listed');
    const image = await fetch(`${base}${event.data.url}`);
    assert.equal(image.status, 200);
    assert.ok(Buffer.from(await image.arrayBuffer()).equals(picture), 'the same bytes come back');
  });

  test('an action file answers; a spinning one is stopped; the next call works', STEP, async () => {
    assert.ok(hub, 'the hub is running');
    const client = await token(`mqtt://127.0.0.1:${hub.ready.mqtt}`);
    const ERRORS = 'hearth/events/action_error';
    await client.subscribeAsync(['echo', ERRORS], { qos: 1 });

    /** Sends `text`; resolves with the first message on `topic` or action_error after it. */
    const outcome = (text: string, topic: string) =>
      new Promise<{ topic: string; payload: string }>((resolveOutcome, reject) => {
        const onMessage = (received: string, payload: Buffer): void => {
          if (received !== topic && received !== ERRORS) return;
          done();
          const text = payload.toString();
          // An action_error event is JSON; its data.message says what went wrong.
          const said =
            received === ERRORS ? (JSON.parse(text) as { data: { message: string } }).data : null;
          resolveOutcome({ topic: received, payload: said ? said.message : text });
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`neither a reply nor an action_error for "${text}" within 15 s`));
        }, 15_000);
        const done = (): void => {
          clearTimeout(timer);
          client.off('message', onMessage);
        };
        client.on('message', onMessage);
        client.publishAsync('hearth/action', text, { qos: 1 }).catch(reject);
      });
    const echo = async (words: string): Promise<string> => {
      const answer = await outcome(`echo ${words}`, 'echo');
      if (answer.topic !== 'echo') {
        const files = await call('GET', '/api/v1/action-files');
        assert.fail(
          `"echo ${words}" failed: ${answer.payload}; action files: ${JSON.stringify(files.body)}`,
        );
      }
      return answer.payload;
    };

    assert.equal(await echo('hi'), 'hi');
    const spun = await outcome('spin', ERRORS);
    assert.match(spun.payload, /"spin" \(spin\.mjs\) ran longer than \d+ ms and was stopped/);
    assert.equal(await echo('again'), 'again');
  });

  test('the panel loads in Chromium, signs in and goes live', STEP, async () => {
    assert.ok(hub, 'the hub is running');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const console = new ConsoleWatcher(page);
      await page.goto(`${base}/#token=${encodeURIComponent(hub.adminToken)}`);
      await page.locator('[data-status="connected"]').waitFor({ timeout: 30_000 });
      await page.getByText('Smoke lock').first().waitFor({ timeout: 30_000 });
      assert.deepEqual(console.problems(), []);
    } finally {
      await browser.close();
    }
  });
});
