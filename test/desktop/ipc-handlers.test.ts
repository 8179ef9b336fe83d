// The desktop app's IPC handlers (src-main/desktop/ipc-handlers.ts) against a real hub: one per
// HubApi operation, each refusing any frame but the panel's own before touching the hub, and
// each input validated by the hub.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ipcHandlers,
  isPanelFrame,
  type SenderFrame,
} from '../../src-main/desktop/ipc-handlers.js';
import { silentLogger } from '../../src-main/hub/log.js';
import { hubOperations, ipcChannel, operationNames } from '../../src-main/shared/hub-api.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';

const PANEL_URL = 'file:///opt/Hearth/resources/app.asar/dist/renderer/index.html';
const MAIN: SenderFrame = { url: PANEL_URL, processId: 4, routingId: 1 };
type FakeEvent = { frame: SenderFrame | null };
const isOwn = (event: FakeEvent) => isPanelFrame(event.frame, MAIN, PANEL_URL);

let hub: TestHub;
before(async () => {
  hub = await startTestHub();
});
after(async () => {
  await hub.close();
});

test('one handler per HubApi operation, on its own channel, none missing or extra', () => {
  const handlers = ipcHandlers<FakeEvent>(hub.hub, isOwn, silentLogger);
  assert.deepEqual(
    handlers.map(([channel]) => channel).sort(),
    operationNames.map(ipcChannel).sort(),
  );
  assert.equal(handlers.length, Object.keys(hubOperations).length);
});

test('the sender frame is checked on every handler before the hub is asked anything', async () => {
  const handlers = ipcHandlers<FakeEvent>(hub.hub, isOwn, silentLogger);
  const before = await hub.hub.call('getSettings', {}, { kind: 'local' });
  const foreign: FakeEvent[] = [
    { frame: null },
    { frame: { ...MAIN, url: 'https://evil.example/' } },
    { frame: { ...MAIN, routingId: 7 } }, // a subframe
    { frame: { ...MAIN, processId: 9 } },
    { frame: { ...MAIN, url: `${PANEL_URL}/../../../other.html` } },
  ];
  for (const [channel, , handler] of handlers) {
    for (const event of foreign) {
      const result = await handler(event, {});
      assert.deepEqual(
        result,
        { ok: false, error: { code: 'forbidden', message: 'Not allowed from this frame.' } },
        `${channel} from ${JSON.stringify(event.frame)}`,
      );
    }
  }
  assert.deepEqual(
    await hub.hub.call('getSettings', {}, { kind: 'local' }),
    before,
    'nothing changed',
  );
});

test('from the panel: inputs validated (invalid_input, nothing changed), good calls answered', async () => {
  const handlers = new Map(
    ipcHandlers<FakeEvent>(hub.hub, isOwn, silentLogger).map(([, name, handler]) => [
      name,
      handler,
    ]),
  );
  const panel: FakeEvent = { frame: { ...MAIN, url: `${PANEL_URL}#/settings` } };
  const info = await handlers.get('getInfo')!(panel, {});
  assert.equal(info.ok, true);
  const before = await hub.hub.call('getSettings', {}, { kind: 'local' });
  for (const input of [
    { locks: { confirmTimeoutMs: 'soon' } },
    { nonsense: {} },
    'not an object',
    { __proto__: { admin: true }, desktop: { keepAwake: 'yes' } },
  ]) {
    const result = await handlers.get('updateSettings')!(panel, input);
    assert.equal(result.ok, false, JSON.stringify(input));
    if (!result.ok) assert.equal(result.error.code, 'invalid_input');
  }
  assert.deepEqual(await hub.hub.call('getSettings', {}, { kind: 'local' }), before);
  const changed = await handlers.get('updateSettings')!(panel, { desktop: { keepAwake: false } });
  assert.equal(changed.ok, true);
  const after = await hub.hub.call('getSettings', {}, { kind: 'local' });
  assert.equal(after.desktop.keepAwake, false);
  assert.equal(after.desktop.notify.stranger, true, 'other desktop settings kept');
});
