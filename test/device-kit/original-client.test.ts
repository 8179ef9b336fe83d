// Done means (issue 3): "A plain MQTT client written for the original hub (paho-style: connect,
// publish `hand_shake <id>`, listen on its hand_shake topic) can join, get approved from the
// API, reconnect with its secret and receive commands on its `set` topic."
// Shown here twice against the real hub: with a bare mqtt.js client (not the device kit) and
// with Eclipse Paho for Python in a child process.
// Such a device joins without a kind; the owner says it is a lock (PATCH kind), then a lock
// command from the API reaches it on its `set` topic and its answer confirms the command.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, it } from 'node:test';
import mqtt, { type MqttClient } from 'mqtt';
import { api } from '../helpers/devices.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { connackCode, connectToken } from '../helpers/mqtt.js';
import { watchTopic } from './support.js';

let hub: TestHub;
let watcher: MqttClient;

beforeEach(async () => {
  hub = await startTestHub();
  watcher = await connectToken(hub.mqttUrl, hub.token);
});
afterEach(async () => {
  await watcher.endAsync(true);
  await hub.close();
});

describe('a device written for the original hub', () => {
  it('joins, is approved from the API and comes back with its secret (mqtt.js)', async () => {
    const id = 'old-lock';
    const handShakeTopic = `hearth/devices/${id}/hand_shake`;
    const state = await watchTopic(watcher, `hearth/devices/${id}/state`);

    // 1. Connect with the id as client id, listen on the hand_shake topic, say hand_shake.
    const joining = await mqtt.connectAsync(hub.mqttUrl, {
      clientId: id,
      clean: true,
      reconnectPeriod: 0,
    });
    const answers: string[] = [];
    joining.on('message', (topic, payload) => {
      if (topic === handShakeTopic) answers.push(payload.toString());
    });
    await joining.subscribeAsync(handShakeTopic, { qos: 1 });
    await joining.publishAsync('hearth/action', `hand_shake ${id}`, { qos: 1 });
    await until(() => answers.includes('pending'), 'pending');

    // 2. The owner approves it; the secret arrives on the open connection.
    const approval = await api(hub.httpUrl, hub.token, 'POST', `/api/v1/devices/${id}/approve`);
    assert.equal(approval.status, 200);
    await until(() => answers.some((answer) => answer.startsWith('approved ')), 'approved');
    const secret = answers.find((answer) => answer.startsWith('approved '))!.slice(9);
    await joining.endAsync();

    // 3. Reconnect with the secret, subscribe to set, report state.
    const device = await mqtt.connectAsync(hub.mqttUrl, {
      clientId: id,
      clean: true,
      reconnectPeriod: 0,
      username: id,
      password: secret,
      will: {
        topic: `hearth/devices/${id}/availability`,
        payload: Buffer.from('offline'),
        qos: 1,
        retain: true,
      },
    });
    const granted = await device.subscribeAsync(`hearth/devices/${id}/set`, { qos: 1 });
    assert.deepEqual(
      granted.map((grant) => grant.qos),
      [1],
      'SUBACK grants QoS 1 on its own set topic',
    );
    await device.publishAsync(`hearth/devices/${id}/state`, 'LOCKED', { qos: 1, retain: true });
    await state.waitForText('LOCKED');

    // 4. The owner says it is a lock; a command from the API arrives on its set topic.
    const commands: string[] = [];
    device.on('message', (topic, payload) => {
      if (topic !== `hearth/devices/${id}/set`) return;
      commands.push(payload.toString());
      void device.publishAsync(`hearth/devices/${id}/state`, 'UNLOCKED', { qos: 1, retain: true });
    });
    const kind = await api(hub.httpUrl, hub.token, 'PATCH', `/api/v1/devices/${id}`, {
      kind: 'lock',
    });
    assert.equal(kind.body.kind, 'lock');
    const unlocked = await api(hub.httpUrl, hub.token, 'POST', `/api/v1/devices/${id}/unlock`);
    assert.equal(unlocked.status, 200, JSON.stringify(unlocked.body));
    assert.equal(unlocked.body.state, 'unlocked');
    assert.deepEqual(commands, ['UNLOCK']);
    await device.endAsync();

    const { body } = await api(hub.httpUrl, hub.token, 'GET', `/api/v1/devices/${id}`);
    assert.equal(body.status, 'approved');
    // Once the secret has been used, that id no longer gets in without it.
    assert.equal(await connackCode(hub.mqttUrl, { clientId: id }), 5);
  });

  it('joins, is approved from the API and comes back with its secret (Python paho-mqtt)', async () => {
    const python = findPythonWithPaho();
    const id = 'paho-lock';
    const state = await watchTopic(watcher, `hearth/devices/${id}/state`);
    const script = fileURLToPath(new URL('./fixtures/original-device.py', import.meta.url));
    const { port } = new URL(hub.mqttUrl);
    const child = spawn(python, [script, '127.0.0.1', port, id, '--wait-for-command'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await until(
        () => stdout.includes('ANSWER pending'),
        `pending (stdout: ${stdout} ${stderr})`,
        20_000,
      );
      const approval = await api(hub.httpUrl, hub.token, 'POST', `/api/v1/devices/${id}/approve`);
      assert.equal(approval.status, 200);
      await until(
        () => stdout.includes('STATE LOCKED'),
        `state (stdout: ${stdout} ${stderr})`,
        20_000,
      );
      await api(hub.httpUrl, hub.token, 'PATCH', `/api/v1/devices/${id}`, { kind: 'lock' });
      const unlocked = await api(hub.httpUrl, hub.token, 'POST', `/api/v1/devices/${id}/unlock`);
      assert.equal(unlocked.status, 200, JSON.stringify(unlocked.body));
      assert.equal(unlocked.body.state, 'unlocked');
      assert.equal(await exited, 0, `paho device failed:\n${stdout}\n${stderr}`);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    const lines = stdout.trim().split('\n');
    assert.deepEqual(lines, [
      'READY',
      'ANSWER pending',
      'ANSWER approved',
      'CONNACK 0',
      'SUBACK 1',
      'STATE LOCKED',
      'COMMAND UNLOCK',
      'DONE',
    ]);
    await state.waitForText('LOCKED');
    const { body } = await api(hub.httpUrl, hub.token, 'GET', `/api/v1/devices/${id}`);
    assert.equal(body.status, 'approved');
  });
});

/**
 * A Python 3 that has paho-mqtt (Debian: python3-paho-mqtt). The system one is tried after
 * PATH's, which may be a version manager's without it.
 */
function findPythonWithPaho(): string {
  for (const candidate of ['python3', '/usr/bin/python3', 'python']) {
    const probe = spawnSync(candidate, ['-c', 'import paho.mqtt.client'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  throw new Error(
    'no Python with paho-mqtt: install it (Debian: apt-get install python3-paho-mqtt)',
  );
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
