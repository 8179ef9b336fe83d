// What the Home, Strangers and Activity e2e tests share: a real headless hub, real Chromium
// with a console watcher, simulated devices (the device kit's HearthDevice driving the
// simulator's lock and camera) that join for real, and screenshots kept in
// $HEARTH_E2E_SCREENSHOTS when set (else a temporary folder removed afterwards).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HearthDevice } from '../../src-main/device-kit/hearth-device.js';
import {
  SimulatedCamera,
  type SimulatedCameraOptions,
} from '../../src-main/device-kit/simulator/simulated-camera.js';
import {
  SimulatedLock,
  type SimulatedLockOptions,
} from '../../src-main/device-kit/simulator/simulated-lock.js';
import { phaseReached } from '../device-kit/support.js';
import { api } from '../helpers/devices.js';
import { startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { ConsoleWatcher, launchChromium } from './chromium.js';

export const PANEL_INDEX = resolve('dist/renderer/index.html');
export const WAIT = { timeout: 30_000 };

export interface SimLock {
  device: HearthDevice;
  lock: SimulatedLock;
  /** Mutable: `options.jam = true` makes the next motor run jam. */
  options: SimulatedLockOptions;
}

export class PanelFixture {
  hub!: HubProcess;
  browser!: Browser;
  context!: BrowserContext;
  page!: Page;
  console!: ConsoleWatcher;
  base = '';
  private readonly devices: HearthDevice[] = [];
  private readonly stoppers: Array<() => void> = [];
  private readonly folder = mkdtempSync(join(tmpdir(), 'hearth-e2e-devices-'));
  private readonly keepShots = process.env.HEARTH_E2E_SCREENSHOTS;
  readonly shots = this.keepShots ?? mkdtempSync(join(tmpdir(), 'hearth-e2e-shots-'));

  async start(locale = 'en-US'): Promise<void> {
    assert.ok(existsSync(PANEL_INDEX), `${PANEL_INDEX} is missing: run "npm run build" first`);
    mkdirSync(this.shots, { recursive: true });
    this.hub = await startHubProcess();
    this.base = `http://127.0.0.1:${this.hub.ready.http}`;
    this.browser = await launchChromium();
    this.context = await this.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale,
      acceptDownloads: true,
    });
    this.page = await this.context.newPage();
    this.console = new ConsoleWatcher(this.page);
  }

  async stop(): Promise<void> {
    for (const stop of this.stoppers) stop();
    await Promise.allSettled(this.devices.map((device) => device.stop()));
    await this.browser?.close();
    await this.hub?.stop();
    if (this.hub) rmSync(this.hub.dataDir, { recursive: true, force: true });
    rmSync(this.folder, { recursive: true, force: true });
    if (!this.keepShots) rmSync(this.shots, { recursive: true, force: true });
  }

  /** Signs in through the URL fragment and waits for the live connection. */
  async signIn(page: Page = this.page): Promise<void> {
    await page.goto(`${this.base}/#token=${encodeURIComponent(this.hub.adminToken)}`);
    await page.locator('[data-status="connected"]').waitFor(WAIT);
  }

  /** Viewport-sized, so long pages stay a modest PNG. */
  shoot(name: string, page: Page = this.page): Promise<Buffer> {
    return page.screenshot({ path: join(this.shots, `${name}.png`) });
  }

  call(method: string, path: string, body?: unknown) {
    return api(this.base, this.hub.adminToken, method, path, body);
  }

  /** A device that asks to join (hand_shake) and waits, pending, until approved. */
  async joining(id: string, kind: 'lock' | 'camera', name: string): Promise<HearthDevice> {
    const device = new HearthDevice({
      url: `mqtt://127.0.0.1:${this.hub.ready.mqtt}`,
      id,
      kind,
      name,
      secretFile: join(this.folder, `${id}.json`),
      // Quick retries: the tests approve within moments.
      handShakeRetry: { initialMs: 200, maxMs: 1_000 },
    });
    this.devices.push(device);
    device.start();
    // While "Let devices join" is open the hub approves it at once: then it goes straight online.
    await Promise.any([phaseReached(device, 'pending'), phaseReached(device, 'online')]);
    return device;
  }

  async approve(device: HearthDevice, id: string): Promise<void> {
    if (device.phase === 'online') return;
    const answer = await this.call('POST', `/api/v1/devices/${id}/approve`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    await phaseReached(device, 'online');
  }

  /** A lock that joins, is approved, and reports LOCKED. */
  async lock(id: string, name: string, options: Partial<SimulatedLockOptions> = {}) {
    const device = await this.joining(id, 'lock', name);
    await this.approve(device, id);
    const lockOptions: SimulatedLockOptions = {
      motorMs: 1_500,
      jam: false,
      battery: 80,
      ...options,
    };
    const lock = new SimulatedLock(device, lockOptions, () => {});
    lock.start();
    this.stoppers.push(() => lock.stop());
    return { device, lock, options: lockOptions } satisfies SimLock;
  }

  /** A camera that joins and is approved; snap() sends one picture. */
  async camera(id: string, name: string): Promise<SimulatedCamera> {
    const device = await this.joining(id, 'camera', name);
    await this.approve(device, id);
    const options: SimulatedCameraOptions = { everySeconds: null };
    const camera = new SimulatedCamera(device, options, () => {});
    camera.start();
    this.stoppers.push(() => camera.stop());
    return camera;
  }

  noSidewaysScroll(page: Page = this.page): Promise<number> {
    return page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }
}
