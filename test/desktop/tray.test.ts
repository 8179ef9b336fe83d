// The tray's status line and menu (src-main/desktop/): the worst thing about the locks first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trayMenu, QUIT_QUESTION } from '../../src-main/desktop/tray-menu.js';
import { trayStatus } from '../../src-main/desktop/tray-status.js';
import type { DeviceView } from '../../src-main/shared/devices.js';

function lock(
  name: string,
  state: string,
  availability: 'online' | 'offline' = 'online',
): DeviceView {
  return {
    id: name.toLowerCase().replace(/\s/g, '-'),
    name,
    kind: 'lock',
    status: 'approved',
    availability,
    state,
    stateAt: null,
    battery: null,
    lastSeen: null,
    joinedAt: '2026-11-25T10:00:00.000Z',
    address: null,
    bridge: null,
  };
}

test('no locks, all locked, and each kind of trouble, worst first', () => {
  assert.deepEqual(trayStatus([]), { level: 'idle', summary: 'No locks yet' });
  const camera = { ...lock('Porch camera', 'unknown'), kind: 'camera' as const };
  const pending = { ...lock('New lock', 'unknown'), status: 'pending' as const };
  assert.deepEqual(trayStatus([camera, pending]), { level: 'idle', summary: 'No locks yet' });
  assert.deepEqual(trayStatus([lock('Front door', 'locked')]), {
    level: 'ok',
    summary: 'Front door locked',
  });
  assert.deepEqual(
    trayStatus([lock('Front door', 'locked'), lock('Back door', 'locked'), camera]),
    {
      level: 'ok',
      summary: 'All 2 locks locked',
    },
  );
  assert.deepEqual(
    trayStatus([
      lock('Front door', 'locked'),
      lock('Garage', 'unlocked'),
      lock('Shed', 'locked', 'offline'),
      lock('Back door', 'jammed'),
    ]),
    { level: 'alarm', summary: '1 of 4 locked; Back door jammed and 2 more' },
  );
  assert.deepEqual(trayStatus([lock('Front door', 'locked'), lock('Garage', 'locking')]), {
    level: 'attention',
    summary: '1 of 2 locked; Garage not locked',
  });
  assert.deepEqual(trayStatus([lock('Front door', 'locked', 'offline')]), {
    level: 'attention',
    summary: '0 of 1 locked; Front door offline',
  });
  assert.deepEqual(trayStatus([lock('Front door', 'unknown')]), {
    level: 'attention',
    summary: '0 of 1 locked; Front door state unknown',
  });
});

test('the menu: status, open, lock all, pause joining only while joining is open, quit asks', () => {
  const closed = trayMenu(
    { level: 'ok', summary: 'All 2 locks locked' },
    { open: false, secondsLeft: 0 },
  );
  assert.deepEqual(
    closed.map((item) => [item.label, item.action ?? null, item.enabled]),
    [
      ['All 2 locks locked', null, false],
      ['Open Hearth', 'open', true],
      ['Lock all', 'lock-all', true],
      ['Joining is closed', null, false],
      ['Quit Hearth…', 'quit', true],
    ],
  );
  const open = trayMenu(
    { level: 'idle', summary: 'No locks yet' },
    { open: true, secondsLeft: 133 },
  );
  assert.equal(open.find((item) => item.action === 'lock-all')?.enabled, false, 'no locks');
  assert.equal(
    open.find((item) => item.action === 'pause-joining')?.label,
    'Stop letting devices join (2:13 left)',
  );
  assert.match(QUIT_QUESTION.detail, /stops the hub/);
});
