// `npm run simulate` against the real hub (in-process broker and HTTP API; the simulator is the
// built program in a child process): joining with permit-join open or by approval, the secret
// file, retained state, Ctrl-C publishing offline, the will on a crash, and camera pictures.
import { strict as assert } from 'node:assert';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { MqttClient } from 'mqtt';
import { readSecret } from '../../src-main/device-kit/secret-file.js';
import { api } from '../helpers/devices.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { connectToken } from '../helpers/mqtt.js';
import { watchTopic } from '../device-kit/support.js';
import { startSimulator, type SimulatorProcess } from './simulator-process.js';

let hub: TestHub;
let watcher: MqttClient;
let folder: string;
const running: SimulatorProcess[] = [];

beforeEach(async () => {
  hub = await startTestHub();
  watcher = await connectToken(hub.mqttUrl, hub.token);
  folder = makeTempDir('hearth-sim-');
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.stop('SIGKILL')));
  await watcher.endAsync(true);
  await hub.close();
  removeDir(folder);
});

function simulate(kind: 'lock' | 'camera', id: string, extra: string[] = []): SimulatorProcess {
  const simulator = startSimulator([
    kind,
    '--url',
    hub.mqttUrl,
    '--id',
    id,
    '--secret-file',
    join(folder, `${id}.json`),
    ...extra,
  ]);
  running.push(simulator);
  return simulator;
}

const permitJoin = async (seconds: number): Promise<void> => {
  const { status } = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', { seconds });
  assert.equal(status, 200);
};

const lockState = (payload: Buffer): { state: string; battery: number } =>
  JSON.parse(payload.toString()) as { state: string; battery: number };

describe('npm run simulate -- lock, on a real hub', () => {
  it('joins while joining is open, keeps its secret, reports LOCKED retained; Ctrl-C says offline', async () => {
    await permitJoin(60);
    const state = await watchTopic(watcher, 'hearth/devices/sim-lock-a/state');
    const availability = await watchTopic(watcher, 'hearth/devices/sim-lock-a/availability');
    const simulator = simulate('lock', 'sim-lock-a', ['--battery', '87']);
    await simulator.waitForOutput(/Online as sim-lock-a\./);
    assert.match(simulator.stdout(), /Approved\. Secret saved in .*sim-lock-a\.json/);

    const secretFile = join(folder, 'sim-lock-a.json');
    assert.ok(readSecret(secretFile, 'sim-lock-a'));
    assert.equal(statSync(secretFile).mode & 0o777, 0o600);
    const reported = await state.waitFor((payload) => lockState(payload).state === 'LOCKED');
    assert.deepEqual(lockState(reported), { state: 'LOCKED', battery: 87 });
    await availability.waitForText('online');

    const { body } = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/sim-lock-a');
    assert.equal(body.status, 'approved');
    assert.equal(body.kind, 'lock');
    assert.equal(body.name, 'Sim lock a', 'named after its --id');

    assert.equal(await simulator.stop('SIGINT'), 0);
    await availability.waitForText('offline');
    assert.match(simulator.stdout(), /told sim-lock-a is offline/);

    // Run again: straight in with the stored secret, no joining.
    await permitJoin(0);
    const again = simulate('lock', 'sim-lock-a');
    await again.waitForOutput(/Online as sim-lock-a\./);
    assert.match(again.stdout(), /Logging in to .* as sim-lock-a with its secret/);
    assert.doesNotMatch(again.stdout(), /Asking the hub/);

    // A crash: the broker publishes the will.
    availability.seen.length = 0;
    await again.stop('SIGKILL');
    await availability.waitForText('offline');
  });

  it('waits for the owner while joining is closed, then comes online when approved', async () => {
    const simulator = simulate('lock', 'sim-lock-b', ['--name', 'Back door']);
    await simulator.waitForOutput(
      /Waiting for the owner to approve sim-lock-b in the Hearth panel…/,
    );
    assert.equal(existsSync(join(folder, 'sim-lock-b.json')), false);
    const listed = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/sim-lock-b');
    assert.equal(listed.body.status, 'pending');
    assert.equal(listed.body.name, 'Back door');

    const approval = await api(
      hub.httpUrl,
      hub.token,
      'POST',
      '/api/v1/devices/sim-lock-b/approve',
    );
    assert.equal(approval.status, 200);
    await simulator.waitForOutput(/Online as sim-lock-b\./);
    assert.match(simulator.stdout(), /Approved\./);
    assert.equal(await simulator.stop('SIGTERM'), 0);
  });

  it('says what to do when the owner rejects it, and exits 1', async () => {
    const simulator = simulate('lock', 'sim-lock-c');
    await simulator.waitForOutput(/Waiting for the owner/);
    await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/sim-lock-c/reject');
    assert.equal(await simulator.exited, 1);
    assert.match(simulator.stderr(), /The owner rejected sim-lock-c\. To try again, remove it/);
  });
});

describe('npm run simulate -- camera, on a real hub', () => {
  it('sends a fresh PNG on Enter and every --every seconds', async () => {
    await permitJoin(60);
    const pictures = await watchTopic(watcher, 'hearth/devices/sim-cam-a/stranger');
    const simulator = simulate('camera', 'sim-cam-a', ['--every', '0.3']);
    await simulator.waitForOutput(/Online as sim-cam-a\./);
    simulator.pressEnter();
    await pictures.waitFor(() => pictures.seen.length >= 3);
    const [first, second] = pictures.seen as [Buffer, Buffer];
    for (const picture of [first, second]) {
      assert.deepEqual([...picture.subarray(1, 4)], [...Buffer.from('PNG')]);
    }
    assert.notDeepEqual(first, second, 'each picture differs');
    // The pixels decompress to the size the header declares.
    const idatAt = first.indexOf('IDAT') - 4;
    const idat = first.subarray(idatAt + 8, idatAt + 8 + first.readUInt32BE(idatAt));
    const width = first.readUInt32BE(16);
    const height = first.readUInt32BE(20);
    assert.equal(inflateSync(idat).length, (width * 3 + 1) * height);
    assert.match(simulator.stdout(), /Sent picture #\d+ \(PNG, \d+ bytes\)/);
    assert.equal(await simulator.stop('SIGINT'), 0);
  });
});

describe('npm run simulate, mistakes', () => {
  it('explains an unreachable hub and keeps trying until Ctrl-C', async () => {
    const simulator = startSimulator([
      'lock',
      '--url',
      'mqtt://127.0.0.1:1',
      '--id',
      'sim-lock-x',
      '--secret-file',
      join(folder, 'x.json'),
    ]);
    running.push(simulator);
    await simulator.waitForOutput(/Cannot reach the hub at mqtt:\/\/127\.0\.0\.1:1 .*npm run hub/);
    assert.equal(await simulator.stop('SIGINT'), 0);
  });

  it('refuses a bad option with exit code 2 and the usage', async () => {
    const simulator = startSimulator(['lock', '--every', '3']);
    running.push(simulator);
    assert.equal(await simulator.exited, 2);
    assert.match(simulator.stderr(), /simulate: --every is for a camera/);
    assert.match(simulator.stderr(), /Usage: npm run simulate -- lock\|camera/);
  });
});
