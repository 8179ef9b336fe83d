// The password + ACL files on a real Mosquitto 2.0.11: who can use whose client id, exactly
// as far as the files' notes say, and a reload after a change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mosquittoPasswordHash } from '../../src-main/hub/broker-config/mosquitto-password.js';
import type { BrokerAccounts } from '../../src-main/hub/broker-config/broker-accounts.js';
import { startTestMosquitto } from '../helpers/mosquitto.js';
import {
  ACL_LINES,
  NOT_AUTHORIZED,
  SECRETS,
  aclFiles,
  connackCode,
  homeAccounts,
  mosquittoForFile,
  probe,
  publishCode,
  receivedUntil,
  topic,
} from './probe.js';

const p = mosquittoForFile({ files: aclFiles(homeAccounts()), lines: ACL_LINES });

test("(a) an anonymous client using a logged-in device's id can neither act as it nor read its hand_shake", async () => {
  const hub = await p().hub();
  const impostor = await p().anonymous('lock1');
  assert.equal(await publishCode(impostor, topic('lock1', 'action'), 'lock all'), NOT_AUTHORIZED);
  await impostor.subscribeAsync(topic('lock1', 'hand_shake'), { qos: 1 });
  // The same rule lets a device awaiting its first login read its hand_shake: the control.
  const fresh = await p().anonymous('fresh1');
  await fresh.subscribeAsync(topic('fresh1', 'hand_shake'), { qos: 1 });
  const leaked: string[] = [];
  impostor.on('message', (t) => leaked.push(t));
  const arrived = new Promise((resolve) => fresh.once('message', resolve));
  await hub.publishAsync(topic('lock1', 'hand_shake'), 'approved secret', { qos: 1 });
  await hub.publishAsync(topic('fresh1', 'hand_shake'), 'approved secret', { qos: 1 });
  await arrived;
  await delay(300);
  assert.deepEqual(leaked, []);
});

test("(b) an approved device using another device's client id cannot read its hand_shake or reach its reports; its action inbox is open to it, as the notes say", async () => {
  const hub = await p().hub();
  await hub.subscribeAsync('hearth/#', { qos: 1 });
  for (const other of ['lock1', 'pend1', 'fresh1']) {
    const lock2 = await p().device('lock2', other);
    const seen = await receivedUntil(
      hub,
      async () => {
        assert.equal(await publishCode(lock2, topic(other, 'state')), NOT_AUTHORIZED, other);
        assert.equal(await publishCode(lock2, topic(other, 'stranger')), NOT_AUTHORIZED, other);
        // The residual the notes name: the %c joining pattern cannot be denied per pair.
        assert.equal(await publishCode(lock2, topic(other, 'action')), 0, other);
        assert.equal(
          await publishCode(lock2, topic('lock2', 'state'), other),
          0,
          'its own, by username',
        );
      },
      { publisher: hub, topic: 'hearth/control' },
    );
    assert.deepEqual(seen, [`${topic(other, 'action')} x`, `${topic('lock2', 'state')} ${other}`]);
    await lock2.subscribeAsync(topic(other, 'hand_shake'), { qos: 1 });
    const read = await receivedUntil(
      lock2,
      () => hub.publishAsync(topic(other, 'hand_shake'), 'approved x', { qos: 1 }).then(() => {}),
      { publisher: hub, topic: topic('lock2', 'set') },
    );
    assert.deepEqual(read, [], other);
    await lock2.endAsync(true);
  }
});

test('as the notes say: joining rights follow the chosen client id', async () => {
  const hub = await p().hub();
  // A pending device's and an awaiting device's ids are open to any anonymous client...
  for (const id of ['pend1', 'fresh1']) {
    const anyone = await p().anonymous(id);
    assert.equal(await publishCode(anyone, topic(id, 'action')), 0, id);
    await anyone.subscribeAsync(topic(id, 'hand_shake'), { qos: 1 });
    const got = new Promise((resolve) => anyone.once('message', (_t, m) => resolve(String(m))));
    await hub.publishAsync(topic(id, 'hand_shake'), 'approved s', { qos: 1 });
    assert.equal(await got, 'approved s');
  }
  // ...an approved device with an unknown id gets that id's joining rights...
  const lock2 = await p().device('lock2', 'unknown7');
  assert.equal(await publishCode(lock2, topic('unknown7', 'action')), 0);
  // ...and an anonymous client with a connected device's id disconnects it.
  const lock1 = await p().device('lock1');
  const closed = new Promise((resolve) => lock1.once('close', () => resolve(null)));
  await p().anonymous('lock1');
  await closed;
});

test('SIGHUP rereads both files: a newly approved device logs in, a first login closes its id', async () => {
  const accounts = homeAccounts();
  const own = await startTestMosquitto({ files: aclFiles(accounts), lines: ACL_LINES });
  const q = probe(own.url);
  try {
    const fresh = { username: 'fresh1', password: SECRETS.fresh1!, clientId: 'fresh1' };
    const joiner = await q.anonymous('fresh1');
    assert.equal(await publishCode(joiner, topic('fresh1', 'action')), 0);
    await joiner.endAsync(true);
    const lock3 = { username: 'lock3', password: 'secret-of-lock3', clientId: 'lock3' };
    assert.equal(await connackCode(own.url, lock3), NOT_AUTHORIZED);
    const next: BrokerAccounts = {
      ...accounts,
      devices: [
        ...accounts.devices.map((d) =>
          d.id === 'fresh1' ? { ...d, awaitingFirstLogin: false } : d,
        ),
        { id: 'lock3', status: 'approved', brokerHash: mosquittoPasswordHash(lock3.password) },
      ],
    };
    for (const [name, text] of Object.entries(aclFiles(next)))
      writeFileSync(join(own.dir, name), text);
    own.reload();
    for (let tries = 0; (await connackCode(own.url, lock3)) !== null; tries++) {
      assert.ok(tries < 50, 'lock3 can log in after the reload');
      await delay(20);
    }
    assert.equal(await connackCode(own.url, fresh), null);
    const late = await q.anonymous('fresh1');
    assert.equal(await publishCode(late, topic('fresh1', 'action')), NOT_AUTHORIZED);
  } finally {
    await q.closeAll();
    await own.stop();
  }
});
