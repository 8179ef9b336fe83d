// Browser notifications while the panel is open but out of sight (issue 20), in real Chromium
// on 127.0.0.1 (a secure context, as the hub's HTTPS would be on a phone): the person turns
// them on in Settings, then a stranger and a jammed lock each raise one, named in words; while
// the panel is in view, nothing pops up. Headless Chromium cannot hide a tab, so the page's
// visibility is set by the test; the notifications themselves are Chromium's own, recorded.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SimulatedCamera } from '../../src-main/device-kit/simulator/simulated-camera.js';
import { PanelFixture, WAIT, type SimLock } from './panel-fixture.js';

/** Keeps Chromium's own Notification, recording each one shown; visibility is the test's. */
const RECORD_NOTIFICATIONS = `
  window.shown = [];
  const Real = window.Notification;
  window.Notification = class extends Real {
    constructor(title, options) {
      super(title, options);
      window.shown.push({ title, body: (options && options.body) || '' });
    }
  };
  Object.defineProperty(document, 'visibilityState', {
    get: () => window.visibility || 'visible',
  });
`;

interface Shown {
  title: string;
  body: string;
}

describe('alerts on this device', () => {
  const f = new PanelFixture();
  let porch: SimulatedCamera;
  let front: SimLock;
  const shown = () => f.page.evaluate(() => (window as unknown as { shown: Shown[] }).shown);
  const setVisibility = (state: 'visible' | 'hidden') =>
    f.page.evaluate((next) => {
      (window as unknown as { visibility: string }).visibility = next;
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);

  before(async () => {
    await f.start();
    // A string, not a function: the test's transpiler would add helpers the page lacks.
    await f.page.addInitScript(RECORD_NOTIFICATIONS);
    porch = await f.camera('porch-cam', 'Porch camera');
    front = await f.lock('front-door', 'Front door');
  });
  after(() => f.stop());

  test('Settings asks the browser once, then says they are on', async () => {
    await f.signIn();
    await f.page.goto(`${f.base}/#/settings`);
    const card = f.page.getByRole('region', { name: 'Alerts on this device' });
    await card.getByRole('button', { name: 'Turn on alerts' }).waitFor(WAIT);
    await f.context.grantPermissions(['notifications'], { origin: f.base });
    await card.getByRole('button', { name: 'Turn on alerts' }).click();
    await card.getByText(/^On: /).waitFor(WAIT);
  });

  test('out of sight, a stranger and a jammed lock each raise a notification in words', async () => {
    await f.page.goto(`${f.base}/#/home`);
    await f.page.getByRole('switch', { name: /Front door/ }).waitFor(WAIT);
    await setVisibility('hidden');
    assert.equal(await porch.snap(), true);
    await f.page.waitForFunction(
      () => (window as unknown as { shown: Shown[] }).shown.length === 1,
    );
    front.options.jam = true;
    const jammed = await f.call('POST', '/api/v1/devices/front-door/unlock');
    assert.equal(jammed.body.error.code, 'jammed');
    await f.page.waitForFunction(
      () => (window as unknown as { shown: Shown[] }).shown.length === 2,
      undefined,
      WAIT,
    );
    assert.deepEqual(await shown(), [
      { title: 'Someone at the door', body: 'Porch camera saw someone it does not know.' },
      { title: 'Front door is jammed', body: 'Check the door, then lock it again.' },
    ]);
  });

  test('in view, the panel itself shows it and nothing pops up', async () => {
    await setVisibility('visible');
    assert.equal(await porch.snap(), true);
    const newest = f.page.getByRole('region', { name: 'Newest stranger pictures' });
    await newest.getByRole('img').nth(1).waitFor(WAIT);
    assert.equal((await shown()).length, 2, 'no new notification');
  });

  test('no console errors along the way', () => {
    assert.deepEqual(f.console.problems(), []);
  });
});
