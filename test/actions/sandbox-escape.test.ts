// Issue 18's bad inputs that try to get out of the sandbox: the network every way a module
// could reach it (a real TCP server counts every connection), the host through the `hub`
// object's prototypes and through values the hub hands back, and the host through a returned
// value. Each is refused inside the engine; the server sees nothing and nothing of the hub's
// changes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startActionFixture, type ActionFixture } from './action-fixture.js';

const NETWORK = `
export const devices = [];
export async function network(message) {
  const port = Number(message.args[0]);
  const url = 'http://127.0.0.1:' + port + '/x.mjs';
  const results = [];
  const attempt = async (name, reach) => {
    try {
      await reach();
      results.push(name + ' => reached');
    } catch (error) {
      results.push(name + ' => ' + String(error).slice(0, 160));
    }
  };
  await attempt('fetch', () => fetch(url));
  await attempt('XMLHttpRequest', () => new XMLHttpRequest());
  await attempt('WebSocket', () => new WebSocket('ws://127.0.0.1:' + port));
  await attempt('node:net', () => import('node:net').then((m) => m.connect(port, '127.0.0.1')));
  await attempt('net', () => import('net').then((m) => m.connect(port, '127.0.0.1')));
  await attempt('node:http', () => import('node:http').then((m) => m.get(url)));
  await attempt('node:dgram', () => import('node:dgram'));
  await attempt('url import', () => import(url));
  await attempt('file import', () => import('file:///etc/hostname'));
  await attempt('data import', () => import('data:text/javascript,export default 1'));
  await attempt('quickjs std', () => import('std').then((m) => m.urlGet(url)));
  await attempt('quickjs os', () => import('os').then((m) => m.exec(['true'])));
  await attempt('global std', () => globalThis.std.urlGet(url));
  await attempt('require', () => require('net'));
  await attempt('process.binding', () => process.binding('tcp_wrap'));
  await attempt('WebAssembly', () => WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])));
  await attempt('indirect eval import', () => (0, eval)("import('node:net')"));
  await attempt('Function global', () => Function('return this')().fetch(url));
  await attempt('navigator', () => navigator.sendBeacon(url));
  await attempt('importScripts', () => importScripts(url));
  return results.join('\\n');
}
`;

const REACH = `
export async function reach(message, hub) {
  const seen = {};
  const sandboxGlobal = hub.log.constructor.constructor('return this')();
  for (const name of ['process', 'require', 'module', 'Buffer', 'fetch', 'setTimeout', 'globalThis.global']) {
    seen[name] = typeof sandboxGlobal[name];
  }
  seen.hubProto = Object.getPrototypeOf(hub) === Object.prototype;
  seen.logIsSandboxFunction = hub.log instanceof Function;
  seen.storeFrozen = Object.isFrozen(hub.store);
  const devices = await hub.devices();
  seen.devicesProto = Object.getPrototypeOf(devices) === Array.prototype;
  seen.fromDevices = devices.constructor.constructor('return typeof process + typeof require')();
  seen.fromBytes = message.bytes.constructor.constructor('return typeof process')();
  seen.fromPromise = hub.store.get('k').constructor.constructor('return typeof require')();
  try {
    hub.publish.caller;
    seen.caller = 'readable';
  } catch (error) {
    seen.caller = error.name;
  }
  try {
    hub.extra = 1;
    seen.hubWritable = 'yes';
  } catch (error) {
    seen.hubWritable = error.name;
  }
  return seen;
}
export function poisoned_reply() { return { toJSON() { while (true) {} } }; }
export function proxy_reply() { return new Proxy({}, { ownKeys() { throw new Error('trap'); } }); }
export function getter_reply() { return { get x() { return typeof process; } }; }
`;

let fx: ActionFixture;
let server: net.Server;
let connections = 0;
let port = 0;
let stateBefore: string;
let storeBefore: string | null;

before(async () => {
  server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
  fx = await startActionFixture({
    'network.mjs': NETWORK,
    'reach.mjs': REACH,
    'static-net.mjs': "import net from 'node:net';\nexport function never() { return net; }",
  });
  stateBefore = fx.stateHash();
  storeBefore = readStore();
});
after(async () => {
  await fx?.close();
  server?.close();
});

function readStore(): string | null {
  const file = path.join(fx.dataDir, 'action-store.json');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

describe('the sandbox boundary (issue 18)', () => {
  test('no way a module could reach the network gets a connection', async () => {
    const lines = String(await fx.run('network', [String(port)])).split('\n');
    assert.equal(lines.length, 20, lines.join('\n'));
    for (const line of lines) assert.doesNotMatch(line, / => reached$/, line);
    const byName = new Map(lines.map((line) => [line.slice(0, line.indexOf(' => ')), line]));
    assert.match(byName.get('fetch')!, /ReferenceError: fetch is not defined/);
    assert.match(
      byName.get('node:net')!,
      /cannot import "node:net": an action may import only another file/,
    );
    assert.match(byName.get('url import')!, /cannot import "http:\/\/127\.0\.0\.1/);
    assert.match(byName.get('quickjs std')!, /cannot import "std"/);
    assert.match(byName.get('WebAssembly')!, /ReferenceError: WebAssembly is not defined/);
    // Nothing at all arrived at the server.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(connections, 0);
  });

  test('a file importing a Node module at its top is refused with the reason', () => {
    const status = fx.running.files.status().find((entry) => entry.file === 'static-net.mjs');
    assert.equal(status?.status, 'invalid');
    assert.match(
      status?.error ?? '',
      /cannot import "node:net": an action may import only another file of the actions folder, written "\.\/name\.mjs"/,
    );
    assert.equal(fx.catalog.get('never'), undefined);
  });

  test("the hub object's prototypes and the values it hands back lead only into the sandbox", async () => {
    const seen = JSON.parse(String(await fx.run('reach'))) as Record<string, unknown>;
    assert.deepEqual(seen, {
      process: 'undefined',
      require: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      fetch: 'undefined',
      setTimeout: 'undefined',
      'globalThis.global': 'undefined',
      hubProto: true,
      logIsSandboxFunction: true,
      storeFrozen: true,
      devicesProto: true,
      fromDevices: 'undefinedundefined',
      fromBytes: 'undefined',
      fromPromise: 'undefined',
      caller: 'TypeError',
      hubWritable: 'TypeError',
    });
  });

  test('a returned value is turned into text inside the sandbox, under its limits', async () => {
    await assert.rejects(
      fx.run('poisoned_reply'),
      /"poisoned_reply" \(reach\.mjs\) ran longer than 1000 ms and was stopped/,
    );
    await assert.rejects(
      fx.run('proxy_reply'),
      /the reply cannot be converted to text \(Error: trap\)/,
    );
    assert.equal(await fx.run('getter_reply'), '{"x":"undefined"}');
  });

  test('nothing of the hub changed and the server never heard a thing', () => {
    assert.equal(fx.stateHash(), stateBefore);
    assert.equal(readStore(), storeBefore);
    assert.deepEqual(fx.published, []);
    assert.equal(connections, 0);
  });
});
