// The dynsec plugin kept in step while Mosquitto 2.0.11 runs: Hearth's live commands, and
// the file being read only at start.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  dynsecCommands,
  renderMosquittoDynsec,
} from '../../src-main/hub/broker-config/mosquitto-dynsec.js';
import { mosquittoPasswordHash } from '../../src-main/hub/broker-config/mosquitto-password.js';
import { startTestMosquitto } from '../helpers/mosquitto.js';
import {
  DYNSEC_LINES,
  NOT_AUTHORIZED,
  connackCode,
  dynsecFiles,
  dynsecSend,
  homeAccounts,
  mosquittoForFile,
  publishCode,
  topic,
} from './probe.js';

const p = mosquittoForFile({ files: dynsecFiles(homeAccounts()), lines: DYNSEC_LINES });

test('live commands: approve, close joining (kicks anonymous clients), remove', async () => {
  const hub = await p().hub();
  const lock9 = { username: 'lock9', password: 'secret-of-lock9', clientId: 'lock9' };
  assert.equal(await connackCode(p().url, lock9), NOT_AUTHORIZED);
  await dynsecSend(hub, dynsecCommands.addDevice('lock9', lock9.password));
  const device = await p().connect(lock9);
  assert.equal(await publishCode(device, topic('lock9', 'state')), 0);
  assert.equal(await publishCode(device, topic('lock1', 'state')), NOT_AUTHORIZED);
  await device.endAsync(true);

  const joiner = await p().anonymous('lock9');
  assert.equal(await publishCode(joiner, topic('lock9', 'action')), 0);
  const kicked = new Promise((resolve) => joiner.once('close', () => resolve(null)));
  await dynsecSend(hub, dynsecCommands.closeJoining('lock9'));
  await kicked;
  const late = await p().anonymous('lock9');
  assert.equal(await publishCode(late, topic('lock9', 'action')), NOT_AUTHORIZED);

  await dynsecSend(hub, dynsecCommands.removeDevice('lock9'));
  assert.equal(await connackCode(p().url, lock9), NOT_AUTHORIZED);
  const again = await p().anonymous('lock9');
  assert.equal(await publishCode(again, topic('lock9', 'action')), 0);
});

test('the file is read at start: SIGHUP does not reload it, a restart does', async () => {
  const own = await startTestMosquitto({ files: dynsecFiles(homeAccounts()), lines: DYNSEC_LINES });
  try {
    const lock3 = { username: 'lock3', password: 'secret-of-lock3', clientId: 'lock3' };
    const next = homeAccounts();
    next.devices = [
      ...next.devices,
      { id: 'lock3', status: 'approved', brokerHash: mosquittoPasswordHash(lock3.password) },
    ];
    writeFileSync(join(own.dir, 'dynamic-security.json'), renderMosquittoDynsec(next).json);
    own.reload();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(await connackCode(own.url, lock3), NOT_AUTHORIZED);
    await own.restart();
    assert.equal(await connackCode(own.url, lock3), null);
  } finally {
    await own.stop();
  }
});
