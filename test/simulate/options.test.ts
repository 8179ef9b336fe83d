// The simulator's command line: defaults, each option, and one clear error per mistake.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  defaultDeviceId,
  defaultSecretFile,
} from '../../src-main/device-kit/simulator/default-paths.js';
import {
  parseSimulateArgs,
  UsageError,
  type SimulateOptions,
} from '../../src-main/device-kit/simulator/simulate-options.js';

const linux = {
  host: 'kitchen-pc.local',
  platform: 'linux' as const,
  env: { XDG_CONFIG_HOME: '/cfg' },
};

function options(argv: string[]): SimulateOptions {
  const parsed = parseSimulateArgs(argv, linux);
  assert.equal(parsed.help, false);
  if (parsed.help) throw new Error('unreachable');
  return parsed.options;
}

describe('simulate options', () => {
  it('is named after its --id unless --name says otherwise', () => {
    assert.equal(options(['lock', '--id', 'front-door']).name, 'Front door');
    assert.equal(options(['camera', '--id', 'porch_cam.2']).name, 'Porch cam 2');
    assert.equal(options(['lock', '--id', 'front-door', '--name', 'Back gate']).name, 'Back gate');
  });

  it('has friendly defaults for a lock', () => {
    assert.deepEqual(options(['lock']), {
      kind: 'lock',
      id: 'sim-lock-kitchen-pc',
      url: 'mqtt://localhost:1883',
      name: 'Simulated lock',
      secretFile: join('/cfg', 'hearth-simulator', 'sim-lock-kitchen-pc.secret.json'),
      jam: false,
      motorMs: 800,
      battery: 100,
      everySeconds: null,
    });
  });

  it('takes every option', () => {
    const lock = options([
      'lock',
      '--id',
      'front.door',
      '--url',
      'mqtts://hub.lan:8883',
      '--name',
      'Front door',
      '--secret-file',
      '/tmp/x.json',
      '--jam',
      '--motor-ms',
      '50',
      '--battery',
      '42',
    ]);
    assert.equal(lock.id, 'front.door');
    assert.equal(lock.url, 'mqtts://hub.lan:8883');
    assert.equal(lock.name, 'Front door');
    assert.equal(lock.secretFile, '/tmp/x.json');
    assert.equal(lock.jam, true);
    assert.equal(lock.motorMs, 50);
    assert.equal(lock.battery, 42);
    const camera = options(['camera', '--every', '2.5']);
    assert.equal(camera.kind, 'camera');
    assert.equal(camera.id, 'sim-camera-kitchen-pc');
    assert.equal(camera.everySeconds, 2.5);
  });

  it('answers --help', () => {
    assert.deepEqual(parseSimulateArgs(['--help']), { help: true });
    assert.deepEqual(parseSimulateArgs(['lock', '-h']), { help: true });
  });

  it('refuses mistakes with a message that names them', () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /lock or camera/],
      [['doorbell'], /unknown device "doorbell"/],
      [['lock', 'extra'], /unexpected argument "extra"/],
      [['lock', '--colour'], /colour/],
      [['lock', '--id', 'a/b'], /--id "a\/b"/],
      [['lock', '--id', 'x'.repeat(65)], /--id/],
      [['lock', '--url', 'not a url'], /not a URL/],
      [['lock', '--url', 'http://hub:80'], /mqtt:\/\//],
      [['lock', '--motor-ms', 'fast'], /--motor-ms "fast"/],
      [['lock', '--battery', '120'], /--battery/],
      [['lock', '--every', '5'], /--every is for a camera/],
      [['camera', '--jam'], /--jam is for a lock/],
      [['camera', '--every', '0'], /--every "0"/],
      [['camera', '--every', ''], /--every/],
    ];
    for (const [argv, message] of cases) {
      assert.throws(
        () => parseSimulateArgs(argv, linux),
        (error: unknown) => {
          assert.ok(error instanceof UsageError, `${argv.join(' ')}: ${String(error)}`);
          assert.match(error.message, message, argv.join(' '));
          return true;
        },
      );
    }
  });
});

describe('simulator defaults', () => {
  it('builds ids from the host name that the hub accepts', () => {
    assert.equal(
      defaultDeviceId('lock', 'Anna’s MacBook Pro.local'),
      'sim-lock-Anna-s-MacBook-Pro',
    );
    assert.equal(defaultDeviceId('camera', '***'), 'sim-camera-local');
    assert.equal(defaultDeviceId('lock', 'h'.repeat(100)).length, 64);
  });

  it('keeps secrets in the platform config folder', () => {
    assert.equal(
      defaultSecretFile('a', 'win32', { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' }),
      join('C:\\Users\\me\\AppData\\Roaming', 'Hearth Simulator', 'a.secret.json'),
    );
    assert.match(
      defaultSecretFile('a', 'darwin', {}),
      /Application Support.Hearth Simulator.a\.secret\.json$/,
    );
    assert.equal(
      defaultSecretFile('a', 'linux', {}).endsWith(
        join('.config', 'hearth-simulator', 'a.secret.json'),
      ),
      true,
    );
  });
});
