// The owner is never locked out of their own hub by the CLI (issue 19): a first start on a busy
// port writes nothing, so the next start is still a first start and prints its token; and
// reset-admin-token refuses a folder that holds no hub instead of making one there.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  busyPort,
  makeTempDir,
  removeDir,
  runHub,
  startHubWithoutToken,
} from '../helpers/hub-process.js';
import { api, pairPhone } from '../helpers/devices.js';
import { connackCode } from '../helpers/mqtt.js';

const TOKEN_LINE = /^\s+([A-Za-z0-9_-]{43})$/m;

describe("the owner's way in", () => {
  test('a first start on a busy port writes nothing; the next start prints a working token', async () => {
    const { port, release } = await busyPort();
    const parent = makeTempDir();
    const dataDir = join(parent, 'hearth-data');
    try {
      const failed = await runHub([
        '--data-dir',
        dataDir,
        '--host',
        '127.0.0.1',
        '--mqtt-port',
        String(port),
        '--ws-port',
        '0',
        '--http-port',
        '0',
      ]);
      assert.equal(failed.code, 2);
      assert.match(failed.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.doesNotMatch(failed.stdout, TOKEN_LINE, 'no token is shown for a hub that never ran');
      assert.equal(existsSync(dataDir), false, 'the folder it made is gone again');

      // A folder that existed (empty) is left as it was found.
      mkdirSync(dataDir);
      const again = await runHub([
        '--data-dir',
        dataDir,
        '--host',
        '127.0.0.1',
        '--mqtt-port',
        String(port),
      ]);
      assert.equal(again.code, 2);
      assert.deepEqual(readdirSync(dataDir), []);

      release();
      const hub = await startHubWithoutToken(dataDir);
      try {
        const token = TOKEN_LINE.exec(hub.stdout)?.[1];
        assert.ok(token, `the first successful start prints the token:\n${hub.stdout}`);
        assert.match(hub.stdout, /reset-admin-token --data-dir/);
        const url = `mqtt://127.0.0.1:${hub.ready.mqtt}`;
        assert.equal(await connackCode(url, { username: 'token', password: token }), null);
      } finally {
        await hub.stop();
      }
    } finally {
      release();
      removeDir(parent);
    }
  });

  test('a failed start of an existing hub keeps it: no new token, the old one still works', async () => {
    const dataDir = makeTempDir();
    let release = (): void => {};
    try {
      const hub = await startHubWithoutToken(dataDir);
      const token = TOKEN_LINE.exec(hub.stdout)![1]!;
      await hub.stop();
      const busy = await busyPort();
      release = busy.release;
      const failed = await runHub([
        '--data-dir',
        dataDir,
        '--host',
        '127.0.0.1',
        '--http-port',
        String(busy.port),
      ]);
      assert.equal(failed.code, 2);
      assert.ok(existsSync(join(dataDir, 'state.json')), 'an existing hub is never removed');
      release();
      const next = await startHubWithoutToken(dataDir);
      try {
        assert.doesNotMatch(next.stdout, TOKEN_LINE, 'not a first start: no new token');
        const url = `mqtt://127.0.0.1:${next.ready.mqtt}`;
        assert.equal(await connackCode(url, { username: 'token', password: token }), null);
      } finally {
        await next.stop();
      }
    } finally {
      release();
      removeDir(dataDir);
    }
  });

  test('reset-admin-token refuses a folder with no hub, names it and the option, and writes nothing', async () => {
    const parent = makeTempDir();
    const empty = join(parent, 'not-a-hub');
    mkdirSync(empty);
    try {
      for (const dataDir of [empty, join(parent, 'missing')]) {
        const result = await runHub(['reset-admin-token', '--data-dir', dataDir]);
        assert.equal(result.code, 2);
        assert.equal(result.stdout, '');
        assert.match(
          result.stderr,
          new RegExp(`there is no hub in ${dataDir} \\(no state\\.json\\)`),
        );
        assert.match(result.stderr, /reset-admin-token --data-dir DIR/);
      }
      assert.deepEqual(readdirSync(empty), []);
      assert.equal(existsSync(join(parent, 'missing')), false);
    } finally {
      removeDir(parent);
    }
  });

  test('reset-admin-token says which folder it acted on', async () => {
    const dataDir = makeTempDir();
    try {
      const hub = await startHubWithoutToken(dataDir);
      await hub.stop();
      const reset = await runHub(['reset-admin-token', '--data-dir', dataDir]);
      assert.equal(reset.code, 0, reset.stderr);
      assert.match(reset.stdout, new RegExp(`New admin token for the hub in ${dataDir}`));
      assert.match(reset.stdout, TOKEN_LINE);
      assert.doesNotMatch(reset.stdout, /signed out/, 'no browser was signed in');
    } finally {
      removeDir(dataDir);
    }
  });

  test('reset-admin-token signs out browsers with admin rights; control sessions and phones stay', async () => {
    const dataDir = makeTempDir();
    try {
      const first = await startHubWithoutToken(dataDir);
      const oldAdmin = TOKEN_LINE.exec(first.stdout)![1]!;
      const base = `http://127.0.0.1:${first.ready.http}`;
      const adminSession = (
        await api(base, oldAdmin, 'POST', '/api/v1/sessions', { name: 'Stolen laptop' })
      ).body.token as string;
      const phone = (await pairPhone(base, oldAdmin, 'Anna’s phone')).token;
      const phoneSession = (
        await api(base, phone, 'POST', '/api/v1/sessions', { name: 'Anna’s tablet' })
      ).body.token as string;
      await first.stop();

      const reset = await runHub(['reset-admin-token', '--data-dir', dataDir]);
      assert.equal(reset.code, 0, reset.stderr);
      assert.match(reset.stdout, /One browser was signed out; sign in again with the new token\./);
      const newAdmin = TOKEN_LINE.exec(reset.stdout)![1]!;

      const after = await startHubWithoutToken(dataDir);
      try {
        const url = `http://127.0.0.1:${after.ready.http}`;
        const status = async (token: string) =>
          (await api(url, token, 'GET', '/api/v1/devices')).status;
        assert.equal(await status(oldAdmin), 401);
        assert.equal(await status(adminSession), 401, 'the admin session ended with the token');
        assert.equal(await status(newAdmin), 200);
        assert.equal(await status(phone), 200);
        assert.equal(await status(phoneSession), 200, 'a control session is not an admin way in');
      } finally {
        await after.stop();
      }
    } finally {
      removeDir(dataDir);
    }
  });
});
