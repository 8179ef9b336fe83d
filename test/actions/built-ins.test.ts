// The built-ins that mirror the original hub (save_state/load_state, the remote-code pair) and
// the owner's upload/remove/confirm path, on real files; and an action's lock going through
// the real lock service into the audit log under the action's name.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ActionDefinition, Caller } from '../../src-main/hub/actions/action-types.js';
import { createRemoteCodeActions } from '../../src-main/hub/actions/built-in/remote-code-actions.js';
import { createStateActions } from '../../src-main/hub/actions/built-in/state-actions.js';
import { RemoteCode, sha256 } from '../../src-main/hub/actions/files/remote-code.js';
import { mayRun } from '../../src-main/hub/actions/permissions.js';
import { ADMIN, startActionFixture, type ActionFixture } from './action-fixture.js';

const CONTROL: Caller = { kind: 'token', tokenId: 'phone', scope: 'control' };
const CODE = 'export function remote() { return "remote ran"; }\n';

let fx: ActionFixture;
let remote: RemoteCode;
let remoteOn = false;
before(async () => {
  fx = await startActionFixture({
    'locks.mjs': 'export async function lockit(m, hub) { return hub.lock(m.args[0]); }',
  });
  remote = new RemoteCode(fx.actionsDir, () => fx.running.files.sync());
  const builtIns: ActionDefinition[] = [
    ...createStateActions(fx.store),
    ...createRemoteCodeActions({ enabled: () => remoteOn, remote, files: fx.running.files }),
  ];
  for (const action of builtIns) fx.catalog.register(action);
});
after(async () => {
  await fx?.close();
});

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('remote code', () => {
  test('switched off by default: refused, nothing written', async () => {
    await assert.rejects(
      fx.run('save_action_file', ['remote.mjs', b64(CODE)]),
      /remote code is switched off/,
    );
    assert.equal(fs.existsSync(path.join(fx.actionsDir, '.pending')), false);
  });

  test('admin tokens only', () => {
    for (const name of ['save_action_file', 'load_action_file', 'save_state', 'load_state']) {
      assert.equal(mayRun(fx.catalog.get(name)!, CONTROL), false, name);
      assert.equal(mayRun(fx.catalog.get(name)!, ADMIN), true, name);
    }
  });

  test('file names are checked and the size is capped', async () => {
    remoteOn = true;
    await assert.rejects(
      fx.run('save_action_file', ['../escape.mjs', b64(CODE)]),
      /has path parts/,
    );
    await assert.rejects(
      fx.run('save_action_file', ['notes.txt', b64(CODE)]),
      /not an action file name/,
    );
    const huge = 'x'.repeat(256 * 1024 + 1);
    await assert.rejects(fx.run('save_action_file', ['huge.mjs', b64(huge)]), /at most 262144/);
    await assert.rejects(remote.install('huge.mjs', Buffer.from(huge)), /at most 262144/);
  });

  test('sent code runs only after the owner confirms its SHA-256', async () => {
    const reply = String(await fx.run('save_action_file', ['remote.mjs', b64(CODE)]));
    const hash = sha256(Buffer.from(CODE));
    assert.match(reply, new RegExp(`sha256 ${hash}`));
    assert.equal(fx.catalog.get('remote'), undefined);
    assert.match(String(await fx.run('load_action_file', ['remote.mjs'])), /waits for the owner/);
    await assert.rejects(
      remote.confirm('remote.mjs', '0'.repeat(64)),
      /the SHA-256 of remote\.mjs is/,
    );
    assert.equal(fx.catalog.get('remote'), undefined);
    await remote.confirm('remote.mjs', hash);
    assert.equal(await fx.run('remote'), 'remote ran');
    assert.equal(String(await fx.run('load_action_file', ['remote.mjs'])), 'remote.mjs: remote');
  });

  test("the owner's upload goes live; DELETE removes it", async () => {
    await remote.install('uploaded.mjs', Buffer.from('export const uploaded = () => "up";'));
    assert.equal(await fx.run('uploaded'), 'up');
    await remote.remove('uploaded.mjs');
    assert.equal(fx.catalog.get('uploaded'), undefined);
    await assert.rejects(remote.remove('uploaded.mjs'), /there is no action file/);
    await assert.rejects(remote.remove('../state.json'), /path parts/);
  });
});

describe('save_state / load_state', () => {
  test('saves, restores after validating, keeps a copy of what it replaced', async () => {
    assert.equal(await fx.run('save_state'), 'state saved to exports/state.json');
    fx.store.update((draft) => {
      draft.name = 'Renamed';
    });
    const reply = String(await fx.run('load_state'));
    assert.match(
      reply,
      /state loaded from exports\/state\.json; the previous state is in exports\/before-load-\d+\.json/,
    );
    assert.equal(fx.store.state.name, 'Hearth');
    const kept = reply.match(/before-load-\d+\.json/)![0];
    const copy = JSON.parse(fs.readFileSync(path.join(fx.dataDir, 'exports', kept), 'utf8')) as {
      name: string;
    };
    assert.equal(copy.name, 'Renamed');
  });

  test('an invalid file is refused and the state is unchanged', async () => {
    fs.writeFileSync(
      path.join(fx.dataDir, 'exports', 'bad.json'),
      JSON.stringify({ version: 2, name: '' }),
    );
    const before = fx.stateHash();
    await assert.rejects(fx.run('load_state', ['bad']), /exports\/bad\.json is not a valid state/);
    await assert.rejects(fx.run('load_state', ['../state']), /not an export name/);
    assert.equal(fx.stateHash(), before);
  });
});

describe('hub.lock from an action', () => {
  test('goes through the lock service and is audited as the action', async () => {
    const result = (await fx.run('lockit', ['front-door'])) as unknown as string;
    assert.match(JSON.stringify(result), /unknown_device|"ok":false/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = fx.audit.exportLines();
    assert.match(lines, /"actor":"action locks\.mjs:lockit"/);
    assert.match(lines, /"source":"action"/);
  });
});
