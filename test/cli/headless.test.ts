// The headless hub exactly as a user runs it: `node dist/main/headless.js …` (contract 1).
import assert from 'node:assert/strict';
import { request as httpsRequest } from 'node:https';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  busyPort,
  makeTempDir,
  removeDir,
  runHub,
  startHubProcess,
  startHubWithoutToken,
  TEST_ADMIN_TOKEN,
} from '../helpers/hub-process.js';
import { connackCode, connectToken, nextMessage } from '../helpers/mqtt.js';

const base = ['--host', '127.0.0.1', '--mqtt-port', '0', '--ws-port', '0', '--http-port', '0'];

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    files[name] = statSync(path).isFile() ? readFileSync(path, 'base64') : '<dir>';
  }
  return files;
}

describe('npm run hub', () => {
  test('prints the ready line; ping round-trips over TCP and WebSocket; /hello answers; SIGTERM exits 0', async () => {
    const hub = await startHubProcess();
    try {
      const { ready } = hub;
      assert.equal(ready.pid, hub.child.pid);
      assert.equal(ready.broker, 'embedded');
      assert.equal(ready.dataDir, hub.dataDir);
      for (const port of [ready.mqtt, ready.ws, ready.http])
        assert.ok(typeof port === 'number' && port > 0);

      for (const url of [`mqtt://127.0.0.1:${ready.mqtt}`, `ws://127.0.0.1:${ready.ws}/mqtt`]) {
        const client = await connectToken(url, hub.adminToken);
        const reply = nextMessage(client, 'ping');
        await new Promise((r) => setTimeout(r, 20));
        await client.publishAsync('hearth/action', 'ping', { qos: 1 });
        assert.equal((await reply).payload, 'pong', url);
        await client.endAsync();
      }
      const hello = await fetch(`http://127.0.0.1:${ready.http}/hello`);
      assert.match(await hello.text(), /hello/);
      const panel = await fetch(`http://127.0.0.1:${ready.http}/`);
      assert.equal(panel.status, 200);
      assert.match(await panel.text(), /<div id="root"/);
      assert.ok(existsSync(join(hub.dataDir, 'state.json')), 'state.json written at first start');
      assert.equal(ready.https, null, 'HTTPS is off unless asked for');
    } finally {
      const code = await hub.stop('SIGTERM');
      assert.equal(code, 0);
      removeDir(hub.dataDir);
    }
  });

  test('--https-port 0 serves the API over TLS and names the port in the ready line', async () => {
    const hub = await startHubProcess({ extraArgs: ['--https-port', '0'] });
    try {
      assert.ok(typeof hub.ready.https === 'number' && hub.ready.https > 0);
      const cert = readFileSync(join(hub.dataDir, 'tls', 'hub.crt'), 'utf8');
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpsRequest(
          `https://127.0.0.1:${hub.ready.https}/api/v1/info`,
          { ca: cert, servername: 'localhost' },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
      assert.equal(status, 200);
    } finally {
      assert.equal(await hub.stop('SIGTERM'), 0);
      removeDir(hub.dataDir);
    }
  });

  test('SIGINT twice during shutdown still exits 0, in well under 5 s, with state flushed', async () => {
    const hub = await startHubProcess();
    try {
      const client = await connectToken(`mqtt://127.0.0.1:${hub.ready.mqtt}`, hub.adminToken);
      const started = Date.now();
      hub.child.kill('SIGINT');
      hub.child.kill('SIGINT');
      const { code } = await hub.exited;
      assert.equal(code, 0);
      assert.ok(Date.now() - started < 5_000, 'shutdown within 5 s');
      client.end(true);
      const state = JSON.parse(readFileSync(join(hub.dataDir, 'state.json'), 'utf8')) as {
        version: number;
      };
      assert.equal(typeof state.version, 'number');
    } finally {
      removeDir(hub.dataDir);
    }
  });

  test('a first start without --admin-token generates one, prints it once, stores only its hash', async () => {
    const dataDir = makeTempDir();
    try {
      const own = await startHubWithoutToken(dataDir);
      try {
        const match = /^\s+([A-Za-z0-9_-]{43})$/m.exec(own.stdout);
        assert.ok(match, `token printed: ${own.stdout}`);
        const token = match[1]!;
        assert.ok(!readFileSync(join(dataDir, 'state.json'), 'utf8').includes(token));
        const response = await fetch(`http://127.0.0.1:${own.ready.http}/api/v1/status`, {
          headers: { authorization: `Bearer ${token}` },
        });
        assert.equal(response.status, 200);
      } finally {
        await own.stop();
      }
      const again = await startHubWithoutToken(dataDir);
      assert.ok(!/admin token/i.test(again.stdout), 'not printed a second time');
      await again.stop();
    } finally {
      removeDir(dataDir);
    }
  });

  test('reset-admin-token prints a new token once and revokes the old one', async () => {
    const dataDir = makeTempDir();
    try {
      const first = await startHubWithoutToken(dataDir);
      const oldToken = /^\s+([A-Za-z0-9_-]{43})$/m.exec(first.stdout)![1]!;
      await first.stop();
      const reset = await runHub(['reset-admin-token', '--data-dir', dataDir]);
      assert.equal(reset.code, 0, reset.stderr);
      const newToken = /^\s+([A-Za-z0-9_-]{43})$/m.exec(reset.stdout)![1]!;
      assert.notEqual(newToken, oldToken);
      const hub = await startHubWithoutToken(dataDir);
      try {
        const url = `mqtt://127.0.0.1:${hub.ready.mqtt}`;
        assert.equal(await connackCode(url, { username: 'token', password: oldToken }), 4);
        assert.equal(await connackCode(url, { username: 'token', password: newToken }), null);
      } finally {
        await hub.stop();
      }
    } finally {
      removeDir(dataDir);
    }
  });
});

describe('bad start-up input: one line on stderr, exit 2, nothing written', () => {
  const cases: Array<[string, string[], NodeJS.ProcessEnv, RegExp]> = [
    [
      'a port that is not a number',
      ['--mqtt-port', 'abc'],
      {},
      /--mqtt-port must be a port number/,
    ],
    ['a port out of range', ['--http-port', '70000'], {}, /--http-port must be a port number/],
    [
      'a bad port from the environment',
      [],
      { HEARTH_WS_PORT: '-1' },
      /--ws-port must be a port number/,
    ],
    ['an unknown option', ['--frobnicate'], {}, /Unknown option '--frobnicate'/],
    ['an unknown command', ['explode'], {}, /unknown command "explode"/],
    [
      'a host that is not an address',
      ['--host', 'not a host!'],
      {},
      /--host must be an IP address/,
    ],
    [
      'a short admin token',
      ['--admin-token', 'short'],
      {},
      /--admin-token must be 32 to 512 characters/,
    ],
    ['a broker URL that is not one', ['--broker-url', 'hello'], {}, /--broker-url must be a URL/],
    ['two listeners on one port', ['--mqtt-port', '5555', '--ws-port', '5555'], {}, /both 5555/],
    ['a bad HEARTH_MDNS', [], { HEARTH_MDNS: 'maybe' }, /HEARTH_MDNS must be 0 or 1/],
  ];
  for (const [name, args, env, expected] of cases) {
    test(name, async () => {
      const dataDir = makeTempDir();
      try {
        // A port given in the environment must not be overridden by the same flag.
        const flags = base.filter(
          (_arg, i) => !Object.keys(env).some((key) => envFlag(key) === base[i - (i % 2)]),
        );
        const result = await runHub(['--data-dir', dataDir, ...flags, ...args], env);
        assert.equal(result.code, 2);
        assert.match(result.stderr, expected);
        assert.equal(result.stderr.trim().split('\n').length, 1, `one line: ${result.stderr}`);
        assert.equal(result.stdout, '');
        assert.deepEqual(readdirSync(dataDir), [], 'nothing written');
      } finally {
        removeDir(dataDir);
      }
    });
  }

  test('a busy port', async () => {
    const { port, release } = await busyPort();
    const dataDir = makeTempDir();
    try {
      for (const flag of ['--mqtt-port', '--ws-port', '--http-port', '--https-port']) {
        const args = ['--data-dir', dataDir, ...base, flag, String(port)];
        const result = await runHub(args, { HEARTH_ADMIN_TOKEN: TEST_ADMIN_TOKEN });
        assert.equal(result.code, 2, flag);
        assert.match(
          result.stderr,
          new RegExp(`port ${port} on 127.0.0.1 is already in use.*${flag}`),
        );
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      }
    } finally {
      release();
      removeDir(dataDir);
    }
  });

  test('a data folder that is a file', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'precious');
    try {
      const result = await runHub(['--data-dir', file, ...base], {
        HEARTH_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /is a file, not a folder/);
      assert.equal(readFileSync(file, 'utf8'), 'precious');
    } finally {
      removeDir(dir);
    }
  });

  test('a state file from a newer Hearth is left untouched', async () => {
    const dataDir = makeTempDir();
    const newer = JSON.stringify({
      version: 99,
      hubId: 'x',
      name: 'From the future',
      adminTokenHash: null,
      settings: {},
    });
    writeFileSync(join(dataDir, 'state.json'), newer);
    try {
      const result = await runHub(['--data-dir', dataDir, ...base], {
        HEARTH_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /99/);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.equal(readFileSync(join(dataDir, 'state.json'), 'utf8'), newer);
      assert.deepEqual(
        readdirSync(dataDir).filter((n) => n.startsWith('state')),
        ['state.json'],
      );
    } finally {
      removeDir(dataDir);
    }
  });

  test('a second hub on the same data folder', async () => {
    const first = await startHubProcess();
    try {
      const before = snapshot(first.dataDir);
      const result = await runHub(['--data-dir', first.dataDir, ...base], {
        HEARTH_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      });
      assert.equal(result.code, 2);
      assert.match(result.stderr, new RegExp(`pid ${first.ready.pid}`));
      assert.deepEqual(snapshot(first.dataDir), before, 'nothing changed');
      const hello = await fetch(`http://127.0.0.1:${first.ready.http}/hello`);
      assert.equal(hello.status, 200, 'the first hub is still serving');
    } finally {
      await first.stop();
      removeDir(first.dataDir);
    }
  });
});

function envFlag(variable: string): string {
  return (
    '--' +
    variable
      .replace(/^HEARTH_/, '')
      .toLowerCase()
      .replace(/_/g, '-')
  );
}
