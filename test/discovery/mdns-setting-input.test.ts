// The discovery.mdns setting over the real HTTP API: a boolean or nothing. (Whether it really
// turns the announcement off and on is proven in a network namespace: mdns-announcer.test.ts.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { api } from '../helpers/devices.js';

let hub: TestHub;
before(async () => {
  hub = await startTestHub();
});
after(async () => {
  await hub.close();
});

test('discovery.mdns is on by default, can be turned off, and refuses anything but a boolean', async () => {
  const settings = async () =>
    (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/settings')).body.discovery;
  const defaults = { mdns: true, homeAssistant: true, homeAssistantPrefix: 'homeassistant' };
  assert.deepEqual(await settings(), defaults);
  const off = await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/settings', {
    discovery: { mdns: false },
  });
  assert.equal(off.status, 200);
  assert.deepEqual(off.body.discovery, { ...defaults, mdns: false });

  for (const discovery of [
    { mdns: 'yes' },
    { mdns: null },
    { mdns: true, announce: true },
    // A discovery prefix is plain topic levels: never a wildcard, never empty.
    { homeAssistantPrefix: 'homeassistant/#' },
    { homeAssistantPrefix: '' },
    { homeAssistant: 'on' },
  ]) {
    const refused = await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/settings', { discovery });
    assert.equal(refused.status, 400, JSON.stringify(discovery));
    assert.equal(refused.body.error.code, 'invalid_input');
    assert.match(refused.body.error.message, /discovery/);
  }
  assert.deepEqual(
    await settings(),
    { ...defaults, mdns: false },
    'a refused change changes nothing',
  );
});
