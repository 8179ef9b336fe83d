// Desktop notifications (src-main/desktop/desktop-notifications.ts) from a real hub's events:
// which ones, switched off per kind in the desktop settings, and the stranger's picture fetched
// over the hub's own HTTP port (what main.ts shows in the notification).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  desktopNotificationFor,
  notificationsForActiveWarnings,
} from '../../src-main/desktop/desktop-notifications.js';
import { fetchStrangerPicture } from '../../src-main/desktop/stranger-picture.js';
import type { HubEvent } from '../../src-main/shared/events.js';
import { api, connectDevice } from '../helpers/devices.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { joinDevice } from '../strangers/support/camera.js';
import { jpeg } from '../strangers/support/pictures.js';

let hub: TestHub;
const seen: HubEvent[] = [];
before(async () => {
  hub = await startTestHub();
  hub.hub.events.onAny((event) => seen.push(event));
});
after(async () => {
  await hub.close();
});

async function until<T>(what: string, find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never saw ${what}`);
}

const allSettings = () => hub.hub.call('getSettings', {}, { kind: 'local' });
const settings = async () => (await allSettings()).desktop;

test('a device waiting: notified, opening the Devices view; not when that kind is off', async () => {
  const device = await connectDevice(hub.mqttUrl, 'porch-light');
  assert.equal(await device.handShake('lock Porch light'), 'pending');
  await device.end();
  const pending = await until('device_pending', () =>
    seen.find((e) => e.type === 'device_pending'),
  );
  const shown = desktopNotificationFor(pending, await settings());
  assert.equal(shown?.kind, 'deviceWaiting');
  assert.equal(shown?.view, 'devices');
  assert.match(shown!.message, /^Porch light \(porch-light\) from 127\.0\.0\.1 is waiting/);

  const off = await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/settings', {
    desktop: { notify: { deviceWaiting: false } },
  });
  assert.equal(off.status, 200);
  assert.equal(desktopNotificationFor(pending, await settings()), null);
  assert.equal((await settings()).notify.stranger, true, 'the other kinds stay on');
  const lockState = {
    type: 'lock_state',
    at: '',
    seq: 0,
    data: { id: 'x', state: 'locked', previous: 'unlocked', battery: null },
  };
  assert.equal(
    desktopNotificationFor(lockState as HubEvent, await settings()),
    null,
    'a plain lock_state is not news',
  );
});

test('a stranger: notified with its picture, the very bytes the camera sent', async () => {
  const camera = await joinDevice(hub, 'porch-cam');
  const bytes = jpeg(40_000, 7);
  await camera.client.publishAsync('hearth/devices/porch-cam/stranger', bytes, { qos: 1 });
  const sighting = await until('stranger', () => seen.find((e) => e.type === 'stranger'));
  const shown = desktopNotificationFor(sighting, await settings());
  assert.equal(shown?.kind, 'stranger');
  assert.equal(shown?.view, 'strangers');
  const picture = await fetchStrangerPicture(hub.hub, shown!.strangerId!, '127.0.0.1');
  assert.ok(picture?.equals(bytes), 'the picture fetched is the one sent');
  assert.equal(await fetchStrangerPicture(hub.hub, 'no-such-sighting', '127.0.0.1'), null);
  await camera.end();
});

test('a recovered state file, raised before anyone listened, is notified from the status', async () => {
  const warnings = [
    { code: 'state_restored', message: 'state.json was missing; restored from state.json.bak' },
    { code: 'devices_without_secret', message: 'not a notification' },
  ];
  const shown = notificationsForActiveWarnings(warnings, await settings());
  assert.deepEqual(
    shown.map((n) => [n.kind, n.title]),
    [['stateRecovered', 'Hearth recovered its state file']],
  );
  await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/settings', {
    desktop: { notify: { stateRecovered: false } },
  });
  assert.deepEqual(notificationsForActiveWarnings(warnings, await settings()), []);
});
