// The settings form's rules (settings-draft.ts): only what differs from the hub is a change,
// every change goes into one PATCH body, text that cannot be sent is reported per field, and
// the hub's 400 message is split onto the fields it names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SettingsSchema } from '../../src-main/hub/store/state-schema.js';
import {
  changedFields,
  patchOf,
  problemsByField,
} from '../../src-renderer/views/settings/settings-draft.js';
import { allGroups, fieldId } from '../../src-renderer/views/settings/settings-fields.js';

const fields = allGroups(true).flatMap((group) => group.fields);
const byId = (id: string) => fields.find((def) => fieldId(def) === id)!;
const defaults = SettingsSchema.parse({});

test('a value typed differently but equal to the hub’s is no change', () => {
  const edits = {
    'strangers.maxTotalBytes': { amount: '2048', unit: 'MB' as const },
    'frigate.labels': ' person ,',
    'desktop.notify.stranger': defaults.desktop.notify.stranger,
  };
  assert.deepEqual(changedFields(fields, edits, defaults), []);
});

test('changes in different sections make one PATCH body with only them', () => {
  const edits = {
    'strangers.retentionDays': { amount: '14', unit: 'days' as const },
    'locks.confirmTimeoutMs': { amount: '2.5', unit: 'seconds' as const },
    'desktop.notify.lowBattery': !defaults.desktop.notify.lowBattery,
    'http.allowedHosts': 'hearth.home\n\n  vpn.home ',
    'notify.webhookUrl': '  ',
  };
  const changed = changedFields(fields, edits, defaults);
  assert.deepEqual(changed.map(fieldId).sort(), [
    'desktop.notify.lowBattery',
    'http.allowedHosts',
    'locks.confirmTimeoutMs',
    'strangers.retentionDays',
  ]);
  assert.deepEqual(patchOf(changed, edits), {
    ok: true,
    patch: {
      strangers: { retentionDays: 14 },
      locks: { confirmTimeoutMs: 2500 },
      desktop: { notify: { lowBattery: !defaults.desktop.notify.lowBattery } },
      http: { allowedHosts: ['hearth.home', 'vpn.home'] },
    },
  });
});

test('text that cannot be sent is reported per field, and nothing is patched', () => {
  const edits = {
    'history.retentionDays': { amount: 'ninety', unit: 'days' as const },
    'broker.maxPacketBytes': { amount: '1.5', unit: 'bytes' as const },
    'broker.maxConnections': '12.5',
    'strangers.maxCount': '500',
  };
  const changed = changedFields(fields, edits, defaults);
  assert.equal(changed.length, 4);
  assert.deepEqual(patchOf(changed, edits), {
    ok: false,
    problems: {
      'history.retentionDays': 'number',
      'broker.maxPacketBytes': 'whole',
      'broker.maxConnections': 'integer',
    },
  });
});

test('the hub’s message is split onto the fields it names; the rest is kept', () => {
  const message =
    'history.retentionDays: Too big: expected number to be <=3650; frigate.labels.0: Invalid string; tokens: unknown.';
  assert.deepEqual(
    problemsByField([byId('history.retentionDays'), byId('frigate.labels')], message),
    {
      byField: {
        'history.retentionDays': 'Too big: expected number to be <=3650',
        'frigate.labels': 'Invalid string',
      },
      rest: ['tokens: unknown.'],
    },
  );
});
