// The README's getting-started commands, in the order it gives them, against a fresh data
// folder, with each output checked as a newcomer would read it (issue 19). Every command is
// taken from the README itself and run through npm as written; only what a test machine must
// choose is substituted: the data folder (a temporary one), the ports (0, through the
// documented HEARTH_* variables, so nothing needs a fixed port) and the address they lead to.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';

const README = readFileSync('README.md', 'utf8');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const folder = makeTempDir('hearth-readme-');
const dataDir = join(folder, 'hearth-data');
const running: ChildProcess[] = [];
const started: Array<{ output: { text: string } }> = [];

/** The line of a README code block that starts with `start`: the command as the README gives it. */
function readmeCommand(start: string): string {
  const line = README.split('\n').find((candidate) => candidate.startsWith(start));
  assert.ok(line, `the README gives a command starting "${start}"`);
  return line.replace(/\s+#.*$/, '').trim();
}

/** npm's arguments for a README `npm run …` line, with the data folder made a temporary one. */
function npmArgs(command: string): string[] {
  const words = command.split(/\s+/);
  assert.equal(words[0], 'npm');
  return words.slice(1).map((word) => (word === './hearth-data' ? dataDir : word));
}

function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  // Its own process group, as a terminal gives a command: stopping it signals npm and what npm
  // started (npm, signalled alone, leaves its script running, holding these pipes open).
  const child = spawn(NPM, args, {
    env: { ...process.env, HEARTH_MDNS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.push(child);
  const output = { text: '' };
  started.push({ output });
  child.stdout!.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  return { child, output };
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Like Ctrl-C in its terminal: the whole group (npm and the hub or simulator under it). */
function stop(child: ChildProcess): Promise<void> {
  const group = child.pid;
  if (group === undefined) return Promise.resolve();
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-group, 'SIGTERM');
  } catch {
    // The group is gone already.
  }
  return exited;
}

/** A README curl line, sent with fetch to the hub actually started. */
async function curl(line: string, http: number, token: string) {
  const post = / -X POST /.test(line);
  const path = /http:\/\/localhost:8080(\S+)/.exec(line)?.[1];
  assert.ok(path, line);
  const response = await fetch(`http://127.0.0.1:${http}${path}`, {
    method: post ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Ctrl-C stops the hub itself (npm, killed alone, would leave it running): SIGTERM to its pid. */
async function stopHub(started: ReturnType<typeof start>): Promise<void> {
  const pid = hubPid(started.output.text);
  if (pid !== null) {
    process.kill(pid, 'SIGTERM');
    await until(() => !alive(pid), 'the hub to stop');
  }
  await stop(started.child);
}

function hubPid(output: string): number | null {
  const ready = /^hearth ready (\{.*\})$/m.exec(output)?.[1];
  return ready ? (JSON.parse(ready) as { pid: number }).pid : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

after(async () => {
  // Whatever a failed test left running: the hubs by their pid, then npm and the simulator.
  for (const { output } of started) {
    const pid = hubPid(output.text);
    if (pid !== null && alive(pid)) process.kill(pid, 'SIGTERM');
  }
  await Promise.all(running.map(stop));
  removeDir(folder);
});

describe('the README, followed as written', () => {
  const ports = {
    HEARTH_HOST: '127.0.0.1',
    HEARTH_MQTT_PORT: '0',
    HEARTH_WS_PORT: '0',
    HEARTH_HTTP_PORT: '0',
  };
  let hub: ReturnType<typeof start>;
  let token = '';
  let http = 0;
  let mqtt = 0;

  test('npm run hub prints the admin token once, how to replace it, and the ready line', async () => {
    hub = start(npmArgs(readmeCommand('npm run hub -- --data-dir ./hearth-data')), ports);
    await until(() => /^hearth ready /m.test(hub.output.text), 'the ready line');
    const text = hub.output.text;
    token = /^\s+([A-Za-z0-9_-]{43})$/m.exec(text)?.[1] ?? '';
    assert.ok(token, `a token is printed:\n${text}`);
    assert.match(text, /It is shown only this once/);
    assert.match(text, new RegExp(`reset-admin-token --data-dir "${dataDir}"`));
    const ready = JSON.parse(/^hearth ready (\{.*\})$/m.exec(text)![1]!) as Record<string, number>;
    http = ready.http!;
    mqtt = ready.mqtt!;
    assert.ok(http > 0 && mqtt > 0);
  });

  test('the simulated lock asks to join under the name its id gives it', async () => {
    const command = readmeCommand('npm run simulate -- lock --id front-door');
    const sim = start([
      ...npmArgs(command),
      '--url',
      `mqtt://127.0.0.1:${mqtt}`,
      '--secret-file',
      join(folder, 'front-door.json'),
    ]);
    await until(
      () => /Waiting for the owner to approve front-door/.test(sim.output.text),
      'the simulator',
    );
    assert.match(sim.output.text, /Simulated lock "Front door" \(id front-door\)/);
    assert.match(sim.output.text, /Devices → Let devices join/);
  });

  test('the curl lines: list (waiting, connected), approve, unlock, lock', async () => {
    const list = await curl(
      readmeCommand('curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/v1/devices'),
      http,
      token,
    );
    const devices = list.body.devices as Array<Record<string, unknown>>;
    assert.equal(devices[0]?.id, 'front-door');
    assert.equal(devices[0]?.status, 'pending');
    assert.equal(devices[0]?.availability, 'online');
    const approved = await curl(
      readmeCommand(
        'curl -X POST -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/v1/devices/front-door/approve',
      ),
      http,
      token,
    );
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'approved');
    // The lock logs in with its secret and reports its state: then it takes commands.
    const unlockLine = readmeCommand(
      'curl -X POST -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/v1/devices/front-door/unlock',
    );
    let unlocked = await curl(unlockLine, http, token);
    const deadline = Date.now() + 20_000;
    while (unlocked.status === 409 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      unlocked = await curl(unlockLine, http, token);
    }
    assert.equal(unlocked.status, 200, JSON.stringify(unlocked.body));
    assert.equal(unlocked.body.state, 'unlocked');
    const locked = await curl(
      readmeCommand(
        'curl -X POST -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/v1/devices/front-door/lock',
      ),
      http,
      token,
    );
    assert.equal(locked.status, 200, JSON.stringify(locked.body));
    assert.equal(locked.body.state, 'locked');
  });

  test('lost token: stop the hub, reset-admin-token on its folder, the new token works', async () => {
    await stopHub(hub);
    const reset = start(
      npmArgs(
        readmeCommand(
          'Lost it? Stop the hub and run `npm run hub -- reset-admin-token --data-dir ./hearth-data`',
        ).replace(/^.*`(npm [^`]+)`.*$/, '$1'),
      ),
    );
    await new Promise((resolve) => reset.child.once('exit', resolve));
    assert.equal(reset.child.exitCode, 0, reset.output.text);
    assert.match(reset.output.text, new RegExp(`New admin token for the hub in ${dataDir}`));
    const fresh = /^\s+([A-Za-z0-9_-]{43})$/m.exec(reset.output.text)?.[1];
    assert.ok(fresh && fresh !== token);
    const again = start(npmArgs(readmeCommand('npm run hub -- --data-dir ./hearth-data')), ports);
    await until(() => /^hearth ready /m.test(again.output.text), 'the ready line');
    assert.doesNotMatch(again.output.text, /It is shown only this once/, 'not a first start');
    const port = (
      JSON.parse(/^hearth ready (\{.*\})$/m.exec(again.output.text)![1]!) as { http: number }
    ).http;
    const status = await fetch(`http://127.0.0.1:${port}/api/v1/status`, {
      headers: { authorization: `Bearer ${fresh}` },
    });
    assert.equal(status.status, 200);
    const old = await fetch(`http://127.0.0.1:${port}/api/v1/status`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(old.status, 401);
    await stopHub(again);
  });
});
