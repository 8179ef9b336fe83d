// Private network namespaces for the mDNS tests. Multicast sent from the root namespace would
// leave the machine for the real LAN; inside a namespace of its own a test reaches nothing but
// itself. Needs root and iproute2's `ip`; without them the tests fail, saying so.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SCENARIO = 'test/discovery/fixtures/mdns-scenario.ts';

/** Commands (as `ip` arguments, `NS` standing for the namespace's name) that set one up. */
export type NetnsSetup = string[][];

/** Loopback up and multicast routed through it: a LAN of one, like the brief's. */
export const LOOPBACK_LAN: NetnsSetup = [
  ['-n', 'NS', 'link', 'set', 'lo', 'up'],
  ['-n', 'NS', 'link', 'set', 'lo', 'multicast', 'on'],
  ['-n', 'NS', 'route', 'add', '224.0.0.0/4', 'dev', 'lo'],
];

/** Plus a LAN-like interface (a veth pair, both ends inside) with documentation addresses. */
export const WITH_LAN_INTERFACE: NetnsSetup = [
  ...LOOPBACK_LAN,
  ['-n', 'NS', 'link', 'add', 'hveth0', 'type', 'veth', 'peer', 'name', 'hveth1'],
  ['-n', 'NS', 'addr', 'add', '192.0.2.10/24', 'dev', 'hveth0'],
  ['-n', 'NS', 'addr', 'add', '2001:db8::10/64', 'dev', 'hveth0', 'nodad'],
  ['-n', 'NS', 'link', 'set', 'hveth0', 'up'],
  ['-n', 'NS', 'link', 'set', 'hveth1', 'up'],
];

/** Creates a namespace, runs `body` with its name, and always deletes it. */
export async function withNetns<T>(
  setup: NetnsSetup,
  body: (ns: string) => Promise<T>,
): Promise<T> {
  const ns = `hearth-mdns-${randomBytes(4).toString('hex')}`;
  try {
    await run('ip', ['netns', 'add', ns]);
  } catch (error) {
    throw new Error(
      `cannot create a network namespace (these tests need root and iproute2's "ip"): ${String(error)}`,
      { cause: error },
    );
  }
  try {
    for (const args of setup)
      await run(
        'ip',
        args.map((arg) => (arg === 'NS' ? ns : arg)),
      );
    return await body(ns);
  } finally {
    await run('ip', ['netns', 'delete', ns]);
  }
}

/** Runs the scenario fixture (or another fixture script) inside `ns`; returns its JSON report. */
export async function runScenario<T>(ns: string, scenario: string, script = SCENARIO): Promise<T> {
  const { stdout } = await run(
    'ip',
    ['netns', 'exec', ns, process.execPath, '--import', 'tsx', script, scenario],
    // A safety net only: a scenario finishes in a few seconds, or hangs on a leaked socket.
    { timeout: 60_000, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as T;
}

export async function listNetns(): Promise<string[]> {
  const { stdout } = await run('ip', ['netns', 'list']);
  return stdout
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name !== '');
}
