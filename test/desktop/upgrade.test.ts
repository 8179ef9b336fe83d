// Installing a newer Hearth over an older one keeps everything: the state file of every
// earlier layout is migrated, and a data folder written by the previous release (devices with
// their secrets, a paired phone, a picture, changed settings) works unchanged with this one.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { hashToken } from '../../src-main/hub/auth/tokens.js';
import { CURRENT_STATE_VERSION } from '../../src-main/hub/store/state-schema.js';
import { api, connectDevice, pairPhone } from '../helpers/devices.js';
import { makeTempDir, removeDir, TEST_ADMIN_TOKEN } from '../helpers/hub-process.js';
import { startTestHub } from '../helpers/in-process-hub.js';
import { joinDevice } from '../strangers/support/camera.js';
import { jpeg } from '../strangers/support/pictures.js';

const statePath = (dataDir: string) => join(dataDir, 'state.json');

const PHONE_TOKEN = 'p'.repeat(43);

test('every earlier layout (0: pre-release, 1, 2) starts with this version, keeping its settings and tokens', async () => {
  assert.equal(CURRENT_STATE_VERSION, 3, 'a new layout needs its own case here');
  const layouts = {
    0: {
      hubId: '1b7c2e0a-4d3f-4b8e-9a61-0c2d3e4f5a6b',
      name: 'Cottage',
      adminTokenHash: hashToken(TEST_ADMIN_TOKEN),
      broker: { maxConnections: 300 },
    },
    1: {
      version: 1,
      hubId: '1b7c2e0a-4d3f-4b8e-9a61-0c2d3e4f5a6b',
      name: 'Cottage',
      adminTokenHash: hashToken(TEST_ADMIN_TOKEN),
      settings: { broker: { maxConnections: 300 }, locks: { confirmTimeoutMs: 8000 } },
    },
    // Before browser sessions: tokens had no kind.
    2: {
      version: 2,
      hubId: '1b7c2e0a-4d3f-4b8e-9a61-0c2d3e4f5a6b',
      name: 'Cottage',
      adminTokenHash: hashToken(TEST_ADMIN_TOKEN),
      settings: { broker: { maxConnections: 300 }, locks: { confirmTimeoutMs: 8000 } },
      devices: {},
      integrations: {},
      tokens: {
        'tok-0a1b2c3d4e5f': {
          id: 'tok-0a1b2c3d4e5f',
          name: 'Anna’s phone',
          scope: 'control',
          hash: hashToken(PHONE_TOKEN),
          createdAt: '2026-05-01T10:00:00.000Z',
          lastUsedAt: null,
        },
      },
    },
  };
  for (const [version, state] of Object.entries(layouts)) {
    const dataDir = makeTempDir();
    try {
      writeFileSync(statePath(dataDir), JSON.stringify(state));
      const hub = await startTestHub({ dataDir });
      try {
        const settings = await api(hub.httpUrl, TEST_ADMIN_TOKEN, 'GET', '/api/v1/settings');
        assert.equal(settings.status, 200, `layout ${version}: the old admin token works`);
        assert.equal(settings.body.broker.maxConnections, 300, `layout ${version}`);
        if (version !== '0') assert.equal(settings.body.locks.confirmTimeoutMs, 8000);
        if (version === '2') {
          const phone = await api(hub.httpUrl, PHONE_TOKEN, 'GET', '/api/v1/devices');
          assert.equal(phone.status, 200, 'the paired phone still gets in');
          const tokens = await api(hub.httpUrl, TEST_ADMIN_TOKEN, 'GET', '/api/v1/tokens');
          const listed = tokens.body.tokens.find(
            (t: { id: string }) => t.id === 'tok-0a1b2c3d4e5f',
          );
          assert.equal(listed.kind, 'paired', 'an old token is a paired one, never a session');
        }
        assert.equal(settings.body.desktop.keepAwake, true, 'new settings take their defaults');
        const info = await api(hub.httpUrl, TEST_ADMIN_TOKEN, 'GET', '/api/v1/info');
        assert.equal(info.body.name, 'Cottage');
      } finally {
        await hub.close();
      }
      const saved = JSON.parse(readFileSync(statePath(dataDir), 'utf8'));
      assert.equal(saved.version, CURRENT_STATE_VERSION, 'written back in the current layout');
      assert.equal(saved.hubId, state.hubId, 'the hub keeps its id');
    } finally {
      removeDir(dataDir);
    }
  }
});

test('a data folder from the previous release: devices, secrets, phone, picture and settings all kept', async () => {
  const dataDir = makeTempDir();
  try {
    // The previous release at work: a camera joined, a phone paired, a picture, settings.
    const before = await startTestHub({ dataDir });
    const camera = await joinDevice(before, 'porch-cam');
    const picture = jpeg(20_000, 3);
    await camera.client.publishAsync('hearth/devices/porch-cam/stranger', picture, { qos: 1 });
    const phone = (await pairPhone(before.httpUrl, before.token, 'Anna’s phone')).token;
    await api(before.httpUrl, before.token, 'PATCH', '/api/v1/settings', {
      strangers: { retentionDays: 60 },
      locks: { confirmTimeoutMs: 7000 },
    });
    for (let i = 0; i < 50; i++) {
      const list = await api(before.httpUrl, phone, 'GET', '/api/v1/strangers');
      if (list.body.strangers?.length === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await camera.end();
    await before.close();

    // The previous release's file had none of this version's new settings.
    const old = JSON.parse(readFileSync(statePath(dataDir), 'utf8'));
    delete old.settings.discovery;
    delete old.settings.desktop;
    delete old.settings.locks.warnUnlockedAfterMinutes;
    writeFileSync(statePath(dataDir), JSON.stringify(old, null, '\t'));

    const after = await startTestHub({ dataDir });
    try {
      const device = await connectDevice(after.mqttUrl, 'porch-cam', { secret: camera.secret });
      await device.end();
      const list = await api(after.httpUrl, phone, 'GET', '/api/v1/strangers');
      assert.equal(list.status, 200, 'the paired phone still gets in');
      assert.equal(list.body.strangers.length, 1);
      const bytes = Buffer.from(
        await (await fetch(new URL(list.body.strangers[0].url, after.httpUrl))).arrayBuffer(),
      );
      assert.ok(bytes.equals(picture), 'the picture is the one the camera sent');
      const settings = (await api(after.httpUrl, after.token, 'GET', '/api/v1/settings')).body;
      assert.equal(settings.strangers.retentionDays, 60);
      assert.equal(settings.locks.confirmTimeoutMs, 7000);
      assert.equal(settings.locks.warnUnlockedAfterMinutes, 30, 'the new setting defaults');
      const devices = (await api(after.httpUrl, after.token, 'GET', '/api/v1/devices')).body
        .devices;
      assert.deepEqual(
        devices.map((d: { id: string; status: string }) => [d.id, d.status]),
        [['porch-cam', 'approved']],
      );
    } finally {
      await after.close();
    }
  } finally {
    removeDir(dataDir);
  }
});
