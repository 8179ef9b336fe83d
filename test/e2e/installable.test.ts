// The panel as the phone's app (issue 20): its web app manifest and icons as a browser reads
// them, and the service worker, which browsers run on secure contexts only (so on localhost
// here): with the hub stopped, the installed app still opens and says it cannot reach Hearth,
// never a browser error page, and comes back by itself with the hub.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { startHubProcess } from '../helpers/hub-process.js';
import { PanelFixture, WAIT } from './panel-fixture.js';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose: string;
}

describe('the panel installs as an app', () => {
  const f = new PanelFixture();
  before(() => f.start());
  after(() => f.stop());

  test('the manifest names the app, opens standalone, and its icons are the sizes it says', async () => {
    await f.page.goto(`${f.base}/`);
    const href = await f.page.locator('link[rel="manifest"]').getAttribute('href');
    const manifestUrl = new URL(href!, `${f.base}/`);
    const answer = await fetch(manifestUrl);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/manifest\+json/);
    assert.equal(answer.headers.get('cache-control'), 'no-cache');
    const manifest = (await answer.json()) as Record<string, unknown>;
    assert.equal(manifest.name, 'Hearth');
    assert.equal(manifest.short_name, 'Hearth');
    assert.equal(manifest.display, 'standalone');
    assert.equal(new URL(manifest.start_url as string, manifestUrl).href, `${f.base}/`);
    assert.match(String(manifest.theme_color), /^#[0-9a-f]{6}$/i);
    assert.match(String(manifest.background_color), /^#[0-9a-f]{6}$/i);

    const icons = manifest.icons as ManifestIcon[];
    for (const size of [192, 512]) {
      for (const purpose of ['any', 'maskable']) {
        const icon = icons.find(
          (one) => one.sizes === `${size}x${size}` && one.purpose === purpose,
        );
        assert.ok(icon, `a ${purpose} icon of ${size} px`);
        const image = await fetch(new URL(icon.src, manifestUrl));
        assert.equal(image.status, 200, icon.src);
        assert.equal(image.headers.get('content-type'), 'image/png');
        const png = PNG.sync.read(Buffer.from(await image.arrayBuffer()));
        assert.deepEqual([png.width, png.height], [size, size], icon.src);
        // A maskable icon fills its square: the phone cuts the shape, no transparent corners.
        const corner = png.data[3]!;
        if (purpose === 'maskable') assert.equal(corner, 255, `${icon.src} corner is opaque`);
      }
    }
    const touch = await f.page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    assert.equal((await fetch(new URL(touch!, `${f.base}/`))).status, 200);
  });

  test('on localhost the service worker keeps the app: with the hub away it says so, then comes back', async () => {
    // localhost is a secure context, as the hub's HTTPS would be on a phone.
    const local = `http://localhost:${f.hub.ready.http}`;
    const page: Page = f.page;
    await page.goto(`${local}/#token=${encodeURIComponent(f.hub.adminToken)}`);
    await page.locator('[data-status="connected"]').waitFor(WAIT);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, WAIT);
    // Loaded once under the worker, so the built files are kept too.
    await page.reload();
    await page.locator('[data-status="connected"]').waitFor(WAIT);

    const { dataDir } = f.hub;
    const port = f.hub.ready.http;
    await f.console.expecting(
      /ERR_CONNECTION_REFUSED|Failed to load resource|Failed to fetch/,
      async () => {
        assert.equal(await f.hub.stop(), 0);
        await page.reload();
        const away = page.getByRole('heading', { level: 1, name: 'Can’t reach Hearth at home' });
        await away.waitFor(WAIT);
        assert.match(await page.locator('main').innerText(), /home Wi-Fi/);
        await f.shoot('installed-app-away', page);
        await page.getByRole('button', { name: 'Try again' }).click();
        await away.waitFor(WAIT);

        f.hub = await startHubProcess({ dataDir, extraArgs: ['--http-port', String(port)] });
        await page.getByRole('button', { name: 'Try again' }).click();
        await page.locator('[data-status="connected"]').waitFor(WAIT);
      },
    );
    assert.equal(
      await page.getByRole('heading', { level: 1, name: 'Home' }).isVisible(),
      true,
      'back on Home, still signed in',
    );
  });

  test('no console errors along the way', () => {
    assert.deepEqual(f.console.problems(), []);
  });
});
