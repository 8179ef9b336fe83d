import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { parseCliOptions } from '../../src-main/cli/options.js';
import { defaultDataDir } from '../../src-main/cli/default-data-dir.js';

describe('headless options (contract 1)', () => {
  test('defaults', () => {
    const options = parseCliOptions([], {});
    assert.equal(options.command, 'run');
    assert.equal(options.host, '0.0.0.0');
    assert.equal(options.mqttPort, 1883);
    assert.equal(options.mqttsPort, null);
    assert.equal(options.wsPort, 8083);
    assert.equal(options.httpPort, 8080);
    assert.equal(options.httpsPort, null, 'HTTPS is off unless asked for');
    assert.equal(options.adminToken, undefined);
    assert.equal(options.brokerUrl, undefined);
    assert.equal(options.mdns, true);
    assert.equal(options.dataDir, defaultDataDir());
  });

  test('every option has its environment variable; a flag wins over the variable', () => {
    const env = {
      HEARTH_DATA_DIR: '/tmp/from-env',
      HEARTH_HOST: '127.0.0.1',
      HEARTH_MQTT_PORT: '1884',
      HEARTH_MQTTS_PORT: '8883',
      HEARTH_WS_PORT: '0',
      HEARTH_HTTP_PORT: '8081',
      HEARTH_HTTPS_PORT: '8443',
      HEARTH_ADMIN_TOKEN: 'x'.repeat(40),
      HEARTH_BROKER_URL: 'mqtt://10.0.0.2:1883',
      HEARTH_BROKER_USERNAME: 'hub-user',
      HEARTH_BROKER_PASSWORD: 'from-env-only',
      HEARTH_BROKER_CA: '/tmp/ca.pem',
      HEARTH_BROKER_CONFIG_DIR: '/tmp/mosquitto-hearth',
      HEARTH_BROKER_DYNSEC: '1',
      HEARTH_MDNS: '0',
    };
    const fromEnv = parseCliOptions([], env);
    assert.deepEqual(
      { ...fromEnv },
      {
        command: 'run',
        dataDir: '/tmp/from-env',
        host: '127.0.0.1',
        mqttPort: 1884,
        mqttsPort: 8883,
        wsPort: 0,
        httpPort: 8081,
        httpsPort: 8443,
        adminToken: 'x'.repeat(40),
        brokerUrl: 'mqtt://10.0.0.2:1883',
        brokerUsername: 'hub-user',
        brokerPassword: 'from-env-only',
        brokerCa: '/tmp/ca.pem',
        brokerConfigDir: '/tmp/mosquitto-hearth',
        brokerDynsec: true,
        format: 'mosquitto-acl',
        out: undefined,
        mdns: false,
      },
    );
    const flagWins = parseCliOptions(['--mqtt-port', '0', '--data-dir', '/tmp/flag'], env);
    assert.equal(flagWins.mqttPort, 0);
    assert.equal(flagWins.dataDir, '/tmp/flag');
    assert.equal(parseCliOptions(['--no-mdns'], {}).mdns, false);
    assert.equal(parseCliOptions(['--https-port', 'off'], env).httpsPort, null);
  });

  test('a bad or clashing --https-port is one clear sentence', () => {
    assert.throws(() => parseCliOptions(['--https-port', '70000'], {}), {
      message: /--https-port must be a port number from 0 to 65535/,
    });
    assert.throws(() => parseCliOptions(['--https-port', '8080'], {}), {
      message: '--https-port and --http-port are both 8080; give each its own port',
    });
  });

  test('external broker options: one clear sentence for each mistake', () => {
    const cases: Array<[string[], RegExp]> = [
      [
        ['--broker-url', 'http://x:1883'],
        /--broker-url must start with mqtt:\/\/, mqtts:\/\/, ws:\/\/ or wss:\/\//,
      ],
      [['--broker-url', 'mqtt://'], /--broker-url needs a host/],
      [['--broker-url', 'mqtt://h', '--broker-username', 'a b'], /--broker-username must be/],
      [['--broker-config-dir', '/tmp/x'], /--broker-config-dir .* needs --broker-url/],
      [['--broker-dynsec'], /--broker-dynsec .* needs --broker-url/],
      [['export-broker-config'], /export-broker-config needs --out DIR/],
      [
        ['export-broker-config', '--out', '/tmp/x', '--format', 'emqx'],
        /--format must be mosquitto-acl or mosquitto-dynsec, not "emqx"/,
      ],
      [['--out', '/tmp/x'], /--out is only for export-broker-config/],
    ];
    for (const [argv, message] of cases) {
      assert.throws(() => parseCliOptions(argv, {}), { message }, argv.join(' '));
    }
    const exporting = parseCliOptions(
      ['export-broker-config', '--format', 'mosquitto-dynsec', '--out', 'rel/dir'],
      {},
    );
    assert.equal(exporting.command, 'export-broker-config');
    assert.equal(exporting.format, 'mosquitto-dynsec');
    assert.equal(exporting.out, resolve('rel/dir'), 'a relative --out is taken from here');
  });

  test('reset-admin-token is a command', () => {
    assert.equal(
      parseCliOptions(['reset-admin-token', '--data-dir', '/tmp/x'], {}).command,
      'reset-admin-token',
    );
  });

  test("the default data folder is the desktop app's", () => {
    assert.match(
      defaultDataDir('linux', { XDG_CONFIG_HOME: '/home/a/.config' }),
      /^\/home\/a\/\.config\/Hearth$/,
    );
    assert.match(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }), /Hearth$/);
    assert.match(defaultDataDir('darwin', {}), /Library\/Application Support\/Hearth$/);
  });
});
