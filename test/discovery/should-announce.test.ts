import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLoopbackHost, shouldAnnounce } from '../../src-main/hub/discovery/should-announce.js';

describe('shouldAnnounce', () => {
  it('announces a hub on the LAN when mDNS is on', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'fd00::1', 'hub.lan']) {
      assert.equal(shouldAnnounce(host, true), true, host);
    }
  });

  it('never announces when mDNS is off (--no-mdns, HEARTH_MDNS=0)', () => {
    assert.equal(shouldAnnounce('0.0.0.0', false), false);
    assert.equal(shouldAnnounce('192.168.1.20', false), false);
  });

  it('never announces a hub bound to loopback, however the address is written', () => {
    const loopbacks = [
      '127.0.0.1',
      '127.1.2.3',
      '127.255.255.254',
      '::1',
      '[::1]',
      '0:0:0:0:0:0:0:1',
      '::0:1',
      '::ffff:127.0.0.1',
      'localhost',
      'LOCALHOST',
      'localhost.',
      ' localhost ',
      'hub.localhost',
    ];
    for (const host of loopbacks) {
      assert.equal(isLoopbackHost(host), true, host);
      assert.equal(shouldAnnounce(host, true), false, host);
    }
  });

  it('does not mistake near misses for loopback', () => {
    for (const host of [
      '128.0.0.1',
      '1::',
      '::',
      '::2',
      '0.0.0.0',
      'localhost.lan',
      'mylocalhost',
    ]) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });
});
