import assert from 'node:assert/strict';
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
