// Bridges end to end: the built panel served by the real headless hub, in real Chromium. The
// hub starts from a state.json written beforehand, holding a Zigbee2MQTT integration account
// and three devices it cannot get any other way here: a pending Zigbee2MQTT lock, an approved
// one its bridge withdrew, and a Frigate camera. Their cards and detail say where they came
// from; the pending one is approved; the withdrawn one is removed after confirming. In
// Settings → Integrations a Frigate account is made from its preset, its password shown once,
// and that password logs in over MQTT (mqtt.js) with exactly the preset's rights; a right the
// hub refuses shows its words; removing an account asks first and closes its connection; the
// Home Assistant discovery and Frigate settings are saved together. All of these are under
// Settings → Advanced, opened first. Needs `npm run build` first.
// Screenshots go to $HEARTH_E2E_SCREENSHOTS when set (kept), else to a removed temp folder.
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import type { BridgeMapping } from '../../src-main/shared/bridge-mapping.js';
import { CURRENT_STATE_VERSION } from '../../src-main/hub/store/state-schema.js';
import { api } from '../helpers/devices.js';
import { makeTempDir, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { ConsoleWatcher, launchChromium } from './chromium.js';

const PANEL_INDEX = resolve('dist/renderer/index.html');
const WAIT = { timeout: 30_000 };
const Z2M_ID = 'zigbee2mqtt-a1b2c3';
const FRONT = 'ha.0x00158d0001a2b3c4.lock';
const BACK = 'ha.0x00158d0001d5e6f7.lock';
const CAMERA = 'frigate.driveway';
const MODEL = 'Yale YRD256';

/** A Zigbee2MQTT lock as discovery maps it (src-main/shared/bridge-mapping.ts). */
function zigbeeLock(ieee: string, friendly: string, removalRequested: boolean): BridgeMapping {
  return {
    source: 'ha-discovery',
    integrationId: Z2M_ID,
    configTopic: `homeassistant/lock/${ieee}/lock/config`,
    model: MODEL,
    availability: {
      topics: [
        {
          topic: 'zigbee2mqtt/bridge/state',
          payloadAvailable: 'online',
          payloadNotAvailable: 'offline',
          valuePath: ['state'],
        },
      ],
      mode: 'all',
    },
    lock: {
      commandTopic: `zigbee2mqtt/${friendly}/set`,
      stateTopic: `zigbee2mqtt/${friendly}`,
      payloadLock: '{"state": "LOCK"}',
      payloadUnlock: '{"state": "UNLOCK"}',
      payloadOpen: null,
      states: {
        LOCKED: 'LOCK',
        UNLOCKED: 'UNLOCK',
        LOCKING: 'LOCKING',
        UNLOCKING: 'UNLOCKING',
        JAMMED: 'JAMMED',
      },
      valuePath: ['state'],
      batteryPath: ['battery'],
    },
    camera: null,
    frigateCamera: null,
    removalRequested,
  };
}

/** A device record as state.json holds it (src-main/hub/store/state-schema.ts). */
function deviceRecord(
  id: string,
  name: string,
  kind: 'lock' | 'camera',
  status: 'pending' | 'approved',
  bridge: BridgeMapping,
) {
  return {
    id,
    name,
    kind,
    status,
    address: bridge.integrationId ? `integration ${bridge.integrationId}` : 'external broker',
    joinedAt: new Date(Date.UTC(2026, 0, 2)).toISOString(),
    lastSeen: null,
    state: null,
    stateAt: null,
    battery: null,
    secretHash: null,
    secretUsed: false,
    brokerHash: null,
    bridge,
  };
}

/** The hub's first state: one Zigbee2MQTT account and the devices it (and Frigate) announced. */
function seedState(dataDir: string): void {
  const devices = [
    deviceRecord(
      FRONT,
      'Front door',
      'lock',
      'pending',
      zigbeeLock('0x00158d0001a2b3c4', 'Front door', false),
    ),
    deviceRecord(
      BACK,
      'Back door',
      'lock',
      'approved',
      zigbeeLock('0x00158d0001d5e6f7', 'Back door', true),
    ),
    deviceRecord(CAMERA, 'Driveway', 'camera', 'approved', {
      source: 'frigate',
      integrationId: null,
      configTopic: null,
      model: null,
      availability: null,
      lock: null,
      camera: { imageTopic: 'frigate/driveway/person/snapshot', encoding: 'raw', urlTopic: null },
      frigateCamera: 'driveway',
      removalRequested: false,
    }),
  ];
  const state = {
    version: CURRENT_STATE_VERSION,
    hubId: randomUUID(),
    name: 'Hearth',
    adminTokenHash: null,
    settings: {},
    devices: Object.fromEntries(devices.map((device) => [device.id, device])),
    integrations: {
      [Z2M_ID]: {
        id: Z2M_ID,
        name: 'Zigbee2MQTT',
        // Nobody logs in with it here: the hash of a password nobody knows.
        secretHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
        brokerHash: null,
        rights: [
          { filter: 'zigbee2mqtt/#', publish: true, subscribe: true },
          { filter: 'homeassistant/#', publish: true, subscribe: false },
        ],
        createdAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
      },
    },
    tokens: {},
  };
  writeFileSync(join(dataDir, 'state.json'), JSON.stringify(state, null, 2));
}

describe('Bridges in a browser: bridged devices and integration accounts', () => {
  let hub: HubProcess;
  let browser: Browser;
  let page: Page;
  let consoleWatch: ConsoleWatcher;
  let base: string;
  let mqttUrl: string;
  let frigate: { id: string; username: string; password: string } | null = null;
  let frigateClient: MqttClient | null = null;
  const keepShots = process.env.HEARTH_E2E_SCREENSHOTS;
  const shots = keepShots ?? mkdtempSync(join(tmpdir(), 'hearth-integrations-shots-'));
  const shoot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
  const admin = (method: string, path: string, body?: unknown) =>
    api(base, hub.adminToken, method, path, body);
  const deviceCard = (name: string) =>
    page
      .getByRole('list', { name: 'Devices' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
  const integrations = () => page.getByRole('region', { name: 'Integrations' });
  const newAccount = () => integrations().getByRole('form', { name: 'New integration account' });
  const signIn = async () => {
    await page.goto(`${base}/#token=${encodeURIComponent(hub.adminToken)}`);
    await page.getByRole('navigation').first().waitFor(WAIT);
  };
  const saveBar = () => page.getByRole('region', { name: 'Unsaved changes' });
  const openAdvanced = async () => {
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(WAIT);
    const fold = page.locator('details.settings-advanced');
    if (!(await fold.evaluate((element: HTMLDetailsElement) => element.open))) {
      await fold.locator('summary').click();
    }
    await integrations().waitFor(WAIT);
  };
  const openSettings = async () => {
    await page.goto(`${base}/#/settings`);
    await openAdvanced();
  };
  const reloadSettings = async () => {
    await page.reload();
    await openAdvanced();
  };
  const login = (username: string, password: string) =>
    mqtt.connectAsync(mqttUrl, {
      clientId: `e2e-${randomBytes(4).toString('hex')}`,
      username,
      password,
      clean: true,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
    });

  before(async () => {
    assert.ok(existsSync(PANEL_INDEX), `${PANEL_INDEX} is missing: run "npm run build" first`);
    mkdirSync(shots, { recursive: true });
    const dataDir = makeTempDir('hearth-e2e-bridges-');
    seedState(dataDir);
    hub = await startHubProcess({ dataDir });
    base = `http://127.0.0.1:${hub.ready.http}`;
    mqttUrl = `mqtt://127.0.0.1:${hub.ready.mqtt}`;
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'light',
    });
    page = await context.newPage();
    consoleWatch = new ConsoleWatcher(page);
  });

  after(async () => {
    frigateClient?.end(true);
    await browser?.close();
    await hub?.stop();
    if (hub) rmSync(hub.dataDir, { recursive: true, force: true });
    if (!keepShots) rmSync(shots, { recursive: true, force: true });
  });

  test('bridged devices say where they came from, in the card and the detail', async () => {
    await signIn();
    await page.goto(`${base}/#/devices`);
    await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor(WAIT);
    const zigbee = `via Home Assistant discovery · integration Zigbee2MQTT · ${MODEL}`;
    // The integration is named once the panel has read the accounts (admin).
    await deviceCard('Front door').getByText(zigbee, { exact: true }).waitFor(WAIT);
    await deviceCard('Back door').getByText(zigbee, { exact: true }).waitFor(WAIT);
    await deviceCard('Driveway').getByText('via Frigate', { exact: true }).waitFor(WAIT);
    assert.equal(await deviceCard('Front door').getByText('Its bridge withdrew it').count(), 0);
    await page.locator('#device-list-title').evaluate((element) => element.scrollIntoView());
    await shoot('devices-6-bridged-desktop');

    await deviceCard('Front door').getByRole('button', { name: 'Details of Front door' }).click();
    const detail = page.getByRole('region', { name: 'Front door' });
    await detail.waitFor(WAIT);
    const reached = detail.locator('.fact').filter({ hasText: 'Reached' });
    assert.equal(await reached.locator('dd').innerText(), zigbee);
    await detail.getByRole('button', { name: 'Close' }).click();
  });

  test('a pending bridged lock is approved like any other device', async () => {
    const card = deviceCard('Front door');
    assert.match(await card.innerText(), /waiting for approval/);
    await card.getByRole('button', { name: 'Approve Front door' }).click();
    await card.locator('.pill', { hasText: 'approved' }).waitFor(WAIT);
    assert.equal(await card.getByRole('button', { name: 'Approve Front door' }).count(), 0);
    const devices = (await admin('GET', '/api/v1/devices')).body.devices as {
      id: string;
      status: string;
      bridge: { source: string } | null;
    }[];
    const front = devices.find((device) => device.id === FRONT);
    assert.equal(front?.status, 'approved');
    assert.equal(front?.bridge?.source, 'ha-discovery', 'still reached through its bridge');
  });

  test('a device its bridge withdrew asks the owner to confirm its removal', async () => {
    const card = deviceCard('Back door');
    await card.getByText('Its bridge withdrew it').first().waitFor(WAIT);
    assert.equal(await card.getByRole('button', { name: 'Remove', exact: true }).count(), 0);

    await card.getByRole('button', { name: 'Details of Back door' }).click();
    const detail = page.getByRole('region', { name: 'Back door' });
    await detail.getByText('Its bridge withdrew it').first().waitFor(WAIT);
    await detail.getByRole('button', { name: 'Confirm removal' }).waitFor(WAIT);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot('devices-7-bridged-detail-desktop');
    await detail.getByRole('button', { name: 'Close' }).click();

    // Cancelling keeps it; confirming removes it.
    await card.getByRole('button', { name: 'Confirm removal' }).click();
    const confirm = card.getByRole('group', { name: /^Remove Back door\?/ });
    await confirm.waitFor(WAIT);
    assert.match(await confirm.innerText(), /announces it again, it waits for your approval/);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached', ...WAIT });
    assert.equal((await admin('GET', `/api/v1/devices/${BACK}`)).status, 200);

    await card.getByRole('button', { name: 'Confirm removal' }).click();
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await card.waitFor({ state: 'detached', ...WAIT });
    assert.equal((await admin('GET', `/api/v1/devices/${BACK}`)).status, 404);
    await deviceCard('Front door').waitFor(WAIT);
  });

  test('the Integrations card lists the account: name, username, rights', async () => {
    await openSettings();
    const row = integrations().getByRole('row', { name: /Zigbee2MQTT/ });
    await row.waitFor(WAIT);
    const text = await row.innerText();
    assert.match(text, new RegExp(`integration:${Z2M_ID}`));
    assert.match(text, /zigbee2mqtt\/#\s+publish \+ subscribe/);
    assert.match(text, /homeassistant\/#\s+publish(?! \+)/);
    // The card's top just below the sticky header.
    await integrations().evaluate((element) =>
      window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 72),
    );
    await shoot('integrations-1-list-desktop');
  });

  test('a Frigate account from its preset: password shown once, listed, logs in over MQTT', async () => {
    const form = newAccount();
    await form.getByLabel('Frigate').check();
    assert.equal(await form.getByLabel('Account name').inputValue(), 'Frigate');
    const grants = await form.getByRole('list', { name: 'It may:' }).innerText();
    assert.match(grants, /frigate\/#\s+publish\n/);
    assert.match(grants, /frigate\/#\s+subscribe/);

    const answer = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/integrations') && response.status() === 200,
    );
    await form.getByRole('button', { name: 'Make account' }).click();
    const created = (await (await answer).json()) as {
      id: string;
      username: string;
      password: string;
    };
    const made = integrations().getByRole('region', { name: 'Frigate is ready' });
    await made.waitFor(WAIT);
    assert.equal(await made.getByLabel('Host', { exact: true }).inputValue(), '127.0.0.1');
    assert.equal(
      await made.getByLabel('Port', { exact: true }).inputValue(),
      String(hub.ready.mqtt),
    );
    const username = await made.getByLabel('Username', { exact: true }).inputValue();
    const password = await made.getByLabel('Password', { exact: true }).inputValue();
    assert.equal(username, `integration:${created.id}`);
    assert.equal(password, created.password);
    assert.match(await made.innerText(), /shown only this once/);
    const snippet = await made.getByRole('textbox', { name: /configuration file/ }).inputValue();
    assert.match(
      snippet,
      new RegExp(`port: ${hub.ready.mqtt}\\n  user: "${username}"\\n  password: "${password}"`),
    );
    await integrations()
      .getByRole('row', { name: /^Frigate/ })
      .waitFor(WAIT);
    await made.evaluate((element) =>
      window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 72),
    );
    await shoot('integrations-2-made-desktop');
    frigate = { id: created.id, username, password };

    // The account logs in with exactly the preset's rights: frigate/# yes, hearth/# no.
    frigateClient = await login(username, password);
    const granted = await frigateClient.subscribeAsync('frigate/#', { qos: 1 });
    assert.deepEqual(
      granted.map((grant) => grant.qos),
      [1],
    );
    // mqtt.js rejects a SUBACK that refuses (0x80): hearth/ is the hub's.
    await assert.rejects(frigateClient.subscribeAsync('hearth/#', { qos: 1 }), /Subscribe error/);
    await assert.rejects(login(username, 'not-the-password'));

    // Done hides the password; nothing shows it again, not even after a reload.
    await made.getByRole('button', { name: 'Done: hide the password' }).click();
    await made.waitFor({ state: 'detached', ...WAIT });
    await reloadSettings();
    await integrations()
      .getByRole('row', { name: /^Frigate/ })
      .waitFor(WAIT);
    assert.ok(!(await page.content()).includes(password), 'the password is shown once only');
  });

  test('a right the hub refuses shows its words, and nothing is made', async () => {
    const before = (await admin('GET', '/api/v1/integrations')).body.integrations as unknown[];
    const form = newAccount();
    await form.getByLabel('Something else (custom rights)').check();
    await form.getByLabel('Account name').fill('Dashboard');
    const rights = form.getByLabel('Topic rights');

    // A line without publish/subscribe/both is caught before asking the hub.
    await rights.fill('zwave/#');
    await form.getByRole('button', { name: 'Make account' }).click();
    await form
      .getByText('Line 1 (“zwave/#”): end it with publish, subscribe or both.')
      .waitFor(WAIT);

    await rights.fill('zwave/# both\nhearth/# publish');
    await consoleWatch.expecting(/status of 400/, async () => {
      await form.getByRole('button', { name: 'Make account' }).click();
      await form.getByRole('alert').waitFor(WAIT);
    });
    const alert = await form.getByRole('alert').innerText();
    assert.match(
      alert,
      /^Not made: "hearth\/#": topics under hearth\/ are written by the hub only\./,
    );
    assert.match(alert, /Change what it names and try again; nothing was saved\.$/);
    assert.equal(await rights.getAttribute('aria-invalid'), 'true');
    await form.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await shoot('integrations-3-refused-desktop');

    await rights.fill('zwave/%c/# both');
    await consoleWatch.expecting(/status of 400/, async () => {
      await form.getByRole('button', { name: 'Make account' }).click();
      await form
        .getByRole('alert')
        .getByText(/'%' is not allowed/)
        .waitFor(WAIT);
    });
    assert.deepEqual((await admin('GET', '/api/v1/integrations')).body.integrations, before);
    assert.equal(
      await integrations()
        .getByRole('row', { name: /Dashboard/ })
        .count(),
      0,
    );
  });

  test('removing an account asks first, closes its connection and refuses its login', async () => {
    assert.ok(frigate && frigateClient, 'the Frigate account was made');
    const closed = new Promise<void>((resolveClosed) =>
      frigateClient!.once('close', resolveClosed),
    );
    const row = integrations().getByRole('row', { name: /^Frigate/ });
    await row.getByRole('button', { name: 'Remove' }).click();
    const confirm = row.getByRole('group', { name: /^Remove Frigate\?/ });
    await confirm.waitFor(WAIT);
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await row.waitFor({ state: 'detached', ...WAIT });
    await closed;
    await assert.rejects(login(frigate.username, frigate.password));
    const left = (await admin('GET', '/api/v1/integrations')).body.integrations as { id: string }[];
    assert.deepEqual(
      left.map((item) => item.id),
      [Z2M_ID],
    );
  });

  test('with no accounts left the card explains what one is for', async () => {
    const row = integrations().getByRole('row', { name: /Zigbee2MQTT/ });
    await row.getByRole('button', { name: 'Remove' }).click();
    await row
      .getByRole('group', { name: /^Remove Zigbee2MQTT\?/ })
      .getByRole('button', { name: 'Remove' })
      .click();
    await row.waitFor({ state: 'detached', ...WAIT });
    await integrations()
      .getByText(/No integration accounts yet\. Make one for each bridge/)
      .waitFor(WAIT);
    assert.equal(await integrations().getByRole('table').count(), 0);
    // Its devices stay; they now name the account by its id.
    await page.goto(`${base}/#/devices`);
    await deviceCard('Front door')
      .getByText(`via Home Assistant discovery · integration ${Z2M_ID} · ${MODEL}`)
      .waitFor(WAIT);
  });

  test('the Home Assistant discovery and Frigate settings are saved together; a bad label is explained', async () => {
    await openSettings();
    const discovery = page.getByRole('region', { name: 'Home Assistant discovery' });
    const enabled = discovery.getByLabel(/Accept locks and cameras announced/);
    assert.equal(await enabled.isChecked(), true);
    const prefix = discovery.getByLabel('Discovery topic prefix');
    assert.equal(await prefix.inputValue(), 'homeassistant');
    await prefix.fill('ha');

    const frigateForm = page.getByRole('region', { name: 'Frigate', exact: true });
    const labels = frigateForm.getByLabel('Labels that are a stranger');
    assert.equal(await labels.inputValue(), 'person');
    assert.equal(await frigateForm.getByLabel('Frigate’s topic prefix').inputValue(), 'frigate');
    const faces = frigateForm.getByLabel(/A face Frigate recognises/);
    assert.equal(await faces.isChecked(), true);
    await labels.fill('person, car ,dog,');
    await faces.uncheck();
    await saveBar().getByText('3 unsaved changes').waitFor(WAIT);
    await saveBar().getByRole('button', { name: 'Save' }).click();
    await saveBar().getByRole('status').getByText('Saved.').waitFor(WAIT);
    assert.equal(await labels.inputValue(), 'person, car, dog');

    const saved = (await admin('GET', '/api/v1/settings')).body;
    assert.deepEqual(saved.discovery, {
      mdns: true,
      homeAssistant: true,
      homeAssistantPrefix: 'ha',
    });
    assert.deepEqual(saved.frigate, {
      topicPrefix: 'frigate',
      labels: ['person', 'car', 'dog'],
      knownFacesAreNotStrangers: false,
    });

    // The new account's presets follow the prefix: Zigbee2MQTT may now publish ha/#.
    await reloadSettings();
    await newAccount().getByRole('list', { name: 'It may:' }).getByText('ha/#').waitFor(WAIT);

    await labels.fill('Person!');
    await consoleWatch.expecting(/status of 400/, async () => {
      await saveBar().getByRole('button', { name: 'Save' }).click();
      await saveBar().getByRole('alert').waitFor(WAIT);
    });
    assert.match(await saveBar().getByRole('alert').innerText(), /the hub refused a value/);
    assert.equal(await labels.getAttribute('aria-invalid'), 'true');
    const reason = frigateForm.locator('.settings-problem');
    assert.notEqual((await reason.innerText()).trim(), '', 'the hub’s reason beside the field');
    assert.deepEqual((await admin('GET', '/api/v1/settings')).body.frigate.labels, [
      'person',
      'car',
      'dog',
    ]);
    await saveBar().getByRole('button', { name: 'Discard' }).click();
    await saveBar().waitFor({ state: 'detached', ...WAIT });
    assert.equal(await labels.inputValue(), 'person, car, dog');
  });

  test('the Integrations card works at phone width without sideways scrolling', async () => {
    await admin('POST', '/api/v1/integrations', {
      name: 'Zigbee2MQTT',
      rights: [
        { filter: 'zigbee2mqtt/#', publish: true, subscribe: true },
        { filter: 'homeassistant/#', publish: true, subscribe: false },
      ],
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await reloadSettings();
    await integrations()
      .getByRole('row', { name: /Zigbee2MQTT/ })
      .waitFor(WAIT);
    await newAccount().getByLabel('An ESPHome or Tasmota device').check();
    await newAccount().getByLabel('Node name').fill('porch-lock');
    assert.equal(await newAccount().getByLabel('Account name').inputValue(), 'porch-lock');
    await newAccount()
      .getByRole('list', { name: 'It may:' })
      .getByText('porch-lock/#')
      .waitFor(WAIT);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('no console errors along the way', () => {
    assert.deepEqual(consoleWatch.problems(), []);
  });
});
