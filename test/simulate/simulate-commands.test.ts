// The simulated lock obeying commands on its `set` topic. On Hearth's own broker only the hub
// may write `set`, and nothing in the hub sends lock commands yet (the locks issue), so this
// plays the hub's part on a real Mosquitto broker: the simulator logs in with a stored secret
// (Mosquitto here accepts any) and the test publishes LOCK / UNLOCK / OPEN as the hub will.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import mqtt, { type MqttClient } from 'mqtt';
import { HearthDevice } from '../../src-main/device-kit/hearth-device.js';
import { writeSecret } from '../../src-main/device-kit/secret-file.js';
import { SimulatedLock } from '../../src-main/device-kit/simulator/simulated-lock.js';
import { phaseReached } from '../device-kit/support.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { watchTopic, type TopicWatch } from '../device-kit/support.js';
import { startMosquitto, type Mosquitto } from './mosquitto.js';
import { startSimulator, type SimulatorProcess } from './simulator-process.js';

let broker: Mosquitto;
let hubSide: MqttClient;
let folder: string;
const running: SimulatorProcess[] = [];

before(async () => {
  broker = await startMosquitto();
  hubSide = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
  folder = makeTempDir('hearth-sim-cmd-');
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.stop('SIGKILL')));
});
after(async () => {
  await hubSide.endAsync(true);
  await broker.stop();
  removeDir(folder);
});

async function onlineLock(
  id: string,
  extra: string[] = [],
): Promise<{
  simulator: SimulatorProcess;
  states: TopicWatch;
}> {
  const secretFile = join(folder, `${id}.json`);
  writeSecret(secretFile, id, 'a-stored-secret');
  const states = await watchTopic(hubSide, `hearth/devices/${id}/state`);
  const simulator = startSimulator([
    'lock',
    '--url',
    broker.url,
    '--id',
    id,
    '--secret-file',
    secretFile,
    '--motor-ms',
    '100',
    ...extra,
  ]);
  running.push(simulator);
  await simulator.waitForOutput(new RegExp(`Online as ${id}\\.`));
  await states.waitFor((payload) => stateOf(payload) === 'LOCKED');
  return { simulator, states };
}

const stateOf = (payload: Buffer): string =>
  (JSON.parse(payload.toString()) as { state: string }).state;

/** Sends a command as the hub does (QoS 1, not retained) and waits for the lock's final word. */
async function command(
  id: string,
  states: TopicWatch,
  word: string,
  final: string,
): Promise<string[]> {
  const from = states.seen.length;
  await hubSide.publishAsync(`hearth/devices/${id}/set`, word, { qos: 1 });
  await states.waitFor(
    (payload) => states.seen.indexOf(payload) >= from && stateOf(payload) === final,
  );
  return states.seen.slice(from).map(stateOf);
}

describe('the simulated lock obeys its set topic', () => {
  it('UNLOCK, LOCK and OPEN move the bolt through the contract states', async () => {
    const { simulator, states } = await onlineLock('cmd-lock-1');
    assert.deepEqual(await command('cmd-lock-1', states, 'UNLOCK', 'UNLOCKED'), [
      'UNLOCKING',
      'UNLOCKED',
    ]);
    assert.deepEqual(await command('cmd-lock-1', states, 'lock', 'LOCKED'), ['LOCKING', 'LOCKED']);
    assert.deepEqual(await command('cmd-lock-1', states, 'OPEN', 'UNLOCKED'), [
      'UNLOCKING',
      'UNLOCKED',
    ]);
    assert.match(simulator.stdout(), /Latch released/);
    // Already unlocked: it says so at once, for the hub waiting on its word.
    assert.deepEqual(await command('cmd-lock-1', states, 'UNLOCK', 'UNLOCKED'), ['UNLOCKED']);

    // Every report carries the battery, and it only goes down.
    const batteries = states.seen.map(
      (payload) => (JSON.parse(payload.toString()) as { battery: number }).battery,
    );
    assert.ok(
      batteries.every((level, i) => i === 0 || level <= batteries[i - 1]!),
      batteries.join(','),
    );

    await hubSide.publishAsync('hearth/devices/cmd-lock-1/set', 'DANCE', { qos: 1 });
    await simulator.waitForOutput(/Ignored command "DANCE"/);
    assert.equal(await simulator.stop('SIGINT'), 0);
  });

  it('with --jam, reports JAMMED', async () => {
    const { states } = await onlineLock('cmd-lock-2', ['--jam']);
    assert.deepEqual(await command('cmd-lock-2', states, 'UNLOCK', 'JAMMED'), [
      'UNLOCKING',
      'JAMMED',
    ]);
  });
});

describe('the simulated lock battery', () => {
  it('drains while idle, reports each whole percent, and stalls the motor when flat', async () => {
    const id = 'cmd-lock-3';
    const secretFile = join(folder, `${id}.json`);
    writeSecret(secretFile, id, 'a-stored-secret');
    const states = await watchTopic(hubSide, `hearth/devices/${id}/state`);
    const device = new HearthDevice({ url: broker.url, id, kind: 'lock', secretFile });
    const said: string[] = [];
    const lock = new SimulatedLock(
      device,
      { motorMs: 20, jam: false, battery: 16, idleDrainMs: 20 },
      (line) => said.push(line),
    );
    try {
      // Started once online, so that every level reported is published (offline, only the
      // latest state is kept for the next connection).
      device.start();
      await phaseReached(device, 'online');
      lock.start();
      const levels = (): number[] =>
        states.seen.map(
          (payload) => (JSON.parse(payload.toString()) as { battery: number }).battery,
        );
      await states.waitFor(() => levels().includes(0));
      assert.deepEqual(
        [...new Set(levels())],
        Array.from({ length: 17 }, (_, i) => 16 - i),
      );
      assert.ok(said.includes('Battery low (15%).'), said.join('\n'));
      assert.deepEqual(await command(id, states, 'UNLOCK', 'JAMMED'), ['UNLOCKING', 'JAMMED']);
      assert.ok(said.includes('The battery is flat: the motor stalls.'));
    } finally {
      lock.stop();
      await device.stop();
    }
  });
});
