// Sample hub events of every type, in each variant, and who did something, for the tests
// that word them (typed by the hub's own lists, so a new type or kind cannot be forgotten).
import type { DeviceView } from '../../src-main/shared/devices.js';
import type { HubEvent, HubEventType } from '../../src-main/shared/events.js';
import { wordValues } from '../../src-main/shared/messages/define-messages.js';
import type { Who } from '../../src-main/shared/who.js';

export const AT = '2026-01-02T03:04:05.000Z';
export const ENGLISH = 'This is what the hub wrote in English.';

export const who: Record<Who['kind'], Who> = {
  owner_pc: { kind: 'owner_pc' },
  owner: { kind: 'owner' },
  token: { kind: 'token', name: "Anna's phone" },
  device: { kind: 'device', id: 'door1', name: 'Front door' },
  integration: { kind: 'integration', name: 'Zigbee bridge' },
  rule: { kind: 'rule', rule: 'lock_at_night' },
  hub: { kind: 'hub' },
  client: { kind: 'client', id: 'sensor-7' },
};

const device = (status: DeviceView['status']): DeviceView => ({
  id: 'door1',
  name: 'Front door',
  kind: 'lock',
  status,
  availability: 'online',
  state: 'locked',
  stateAt: null,
  battery: 80,
  lastSeen: null,
  joinedAt: AT,
  address: '192.168.1.20',
  bridge: null,
});

function event<T extends HubEventType>(type: T, data: HubEvent<T>['data']): HubEvent {
  return { type, at: AT, data } as HubEvent;
}

/** Every type, in each of its variants: typed by the hub's own list, so none is forgotten. */
export const sampleEvents: Record<HubEventType, HubEvent[]> = {
  warning: [
    event('warning', {
      code: 'low_battery',
      message: ENGLISH,
      params: { name: 'Front door', battery: 12 },
    }),
  ],
  broker_connection: (['connected', 'connecting', 'unavailable', 'displaced'] as const).map(
    (state) => event('broker_connection', { state, since: AT, error: null }),
  ),
  action_error: [
    event('action_error', {
      action: 'night.mjs',
      code: 'action_file',
      message: ENGLISH,
      caller: 'action files',
      problem: 'file_invalid',
      params: { file: 'night.mjs', error: 'SyntaxError: unexpected token (night.mjs:1:5)' },
      by: null,
    }),
    event('action_error', {
      action: 'hand_shake',
      code: 'action_failed',
      message: ENGLISH,
      caller: 'token tok-1 (control)',
      problem: 'hand_shake_not_a_device',
      params: { action: 'hand_shake' },
      by: who.token,
    }),
  ],
  device_joined: [event('device_joined', { device: device('approved') })],
  device_pending: [event('device_pending', { device: device('pending') })],
  device_rejected: [event('device_rejected', { device: device('rejected') })],
  device_updated: [event('device_updated', { device: device('approved') })],
  device_left: [
    event('device_left', { id: 'door1', name: 'Front door', reason: 'removed by the owner' }),
  ],
  availability: (['online', 'offline'] as const).map((availability) =>
    event('availability', { id: 'door1', availability }),
  ),
  device_state: [
    event('device_state', { id: 'door1', state: 'BEEPING', battery: 50 }),
    event('device_state', { id: 'door1', state: 'BEEPING', battery: null }),
  ],
  permit_join: [
    event('permit_join', { open: true, secondsLeft: 90, until: AT }),
    event('permit_join', { open: false, secondsLeft: 0, until: null }),
  ],
  lock_state: ['locked', 'unlocked', 'locking', 'unlocking', 'jammed', 'unknown'].map((state) =>
    event('lock_state', { id: 'door1', state, previous: 'unlocked', battery: 70 }),
  ),
  lock_command: wordValues.lockResult.map((result) =>
    event('lock_command', {
      id: 'door1',
      command: 'LOCK',
      source: 'http',
      result,
      ms: 800,
      by: who.token,
    }),
  ),
  stranger: [
    event('stranger', {
      id: 's1',
      camera: 'cam1',
      at: AT,
      firstAt: AT,
      count: 1,
      size: 2048,
      type: 'image/jpeg',
      url: '/api/v1/strangers/s1/image',
      linkExpiresAt: AT,
    }),
  ],
};
