// The handlers behind POST /api/v1/actions, DELETE /api/v1/actions/:file and
// POST /api/v1/actions/:file/confirm, on real files and the real host.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiError } from '../../src-main/hub/api/error-catalogue.js';
import {
  actionFileOperations,
  type ActionFileOperations,
} from '../../src-main/hub/actions/files/action-file-operations.js';
import { RemoteCode, sha256 } from '../../src-main/hub/actions/files/remote-code.js';
import { startActionFixture, type ActionFixture } from './action-fixture.js';

let fx: ActionFixture;
let ops: ActionFileOperations;
let remote: RemoteCode;
before(async () => {
  fx = await startActionFixture({});
  remote = new RemoteCode(fx.actionsDir, () => fx.running.files.sync());
  ops = actionFileOperations(fx.catalog, fx.running.files, remote);
});
after(async () => {
  await fx?.close();
});

const code = (text: string) => Buffer.from(text).toString('base64');
const apiError = (code: string, message: RegExp) => (error: unknown) =>
  error instanceof ApiError && error.code === code && message.test(error.message);

describe('action file operations', () => {
  test('upload, list with figures, remove', async () => {
    const source = 'export const up = (m) => "up " + m.args.length;';
    const uploaded = await ops.upload({ file: 'up.mjs', contentBase64: code(source) });
    assert.deepEqual(uploaded, {
      file: 'up.mjs',
      sha256: sha256(Buffer.from(source)),
      status: 'loaded',
      error: null,
      problem: null,
      actions: ['up'],
    });
    assert.equal(await fx.run('up', ['a']), 'up 1');
    assert.equal(ops.figures('up').calls, 1);
    assert.deepEqual(
      ops.files().files.map((entry) => [entry.file, entry.status, entry.actions]),
      [['up.mjs', 'loaded', ['up']]],
    );
    assert.deepEqual(await ops.remove({ file: 'up.mjs' }), { file: 'up.mjs' });
    assert.equal(fx.catalog.get('up'), undefined);
  });

  test('refusals: bad names, too large, unknown file, wrong hash', async () => {
    await assert.rejects(
      ops.upload({ file: '../x.mjs', contentBase64: code('x') }),
      apiError('bad_request', /path parts/),
    );
    await assert.rejects(
      ops.upload({ file: 'x.sh', contentBase64: code('x') }),
      apiError('bad_request', /not an action file name/),
    );
    await assert.rejects(
      ops.upload({ file: 'big.mjs', contentBase64: code('x'.repeat(300 * 1024)) }),
      apiError('payload_too_large', /at most 262144/),
    );
    await assert.rejects(ops.remove({ file: 'gone.mjs' }), apiError('not_found', /no action file/));
    remote.savePending('sent.mjs', Buffer.from('export const sent = () => 1;'));
    assert.equal(ops.files().pending[0]?.file, 'sent.mjs');
    await assert.rejects(
      ops.confirm({ file: 'sent.mjs', sha256: 'f'.repeat(64) }),
      apiError('bad_request', /the SHA-256 of sent\.mjs is/),
    );
    await assert.rejects(
      ops.confirm({ file: 'other.mjs', sha256: 'f'.repeat(64) }),
      apiError('not_found', /no code for other\.mjs waits/),
    );
  });
});
