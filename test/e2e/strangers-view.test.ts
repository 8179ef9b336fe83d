// The Strangers gallery end to end: real hub, real Chromium, simulated cameras (the device
// kit's HearthDevice + the simulator's camera, sending real PNGs over MQTT). A picture appears
// in the gallery and on Home without a reload, the navigation counts unseen ones, a picture
// enlarges in a dialog that Esc closes, its share links work without a token, filters by camera
// and day narrow the grid, and Delete asks first. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SimulatedCamera } from '../../src-main/device-kit/simulator/simulated-camera.js';
import { PanelFixture, WAIT } from './panel-fixture.js';

describe('Strangers view in a browser', () => {
  const f = new PanelFixture();
  let porch: SimulatedCamera;
  let garage: SimulatedCamera;
  const nav = () => f.page.getByRole('navigation', { name: 'Sections' });
  const items = () => f.page.locator('.gallery-item');
  const badge = () => f.page.getByTestId('nav-badge-strangers');
  const listed = async (): Promise<string[]> =>
    ((await f.call('GET', '/api/v1/strangers')).body.strangers as { id: string }[]).map(
      (s) => s.id,
    );
  const allImagesLoaded = () =>
    f.page.waitForFunction(
      () => {
        const images = [...document.querySelectorAll<HTMLImageElement>('.gallery img')];
        return (
          images.length > 0 && images.every((image) => image.complete && image.naturalWidth > 0)
        );
      },
      undefined,
      WAIT,
    );

  before(() => f.start());
  after(() => f.stop());

  test('with no pictures yet, the gallery explains where they come from', async () => {
    await f.signIn();
    await nav().getByRole('link', { name: 'Strangers' }).click();
    await f.page.getByRole('heading', { level: 1, name: 'Strangers' }).waitFor(WAIT);
    const empty = f.page.getByRole('region', { name: 'No stranger pictures yet' });
    await empty.waitFor(WAIT);
    assert.match(await empty.innerText(), /hearth\/devices\/<id>\/stranger/);
    assert.match(await empty.innerText(), /npm run simulate -- camera/);
  });

  test('a camera’s picture appears in the gallery without a reload', async () => {
    porch = await f.camera('cam1', 'Porch camera');
    const loads = f.page.url();
    assert.equal(await porch.snap(), true);
    await items().first().waitFor(WAIT);
    assert.equal(await items().count(), 1);
    assert.equal(f.page.url(), loads, 'same page, no navigation');
    await allImagesLoaded();
    const item = items().first();
    assert.match(await item.innerText(), /Porch camera/);
    assert.match(await item.innerText(), /New/);
    await f.page
      .getByRole('button', { name: /^Enlarge the picture from Porch camera, / })
      .waitFor(WAIT);
    assert.equal(await badge().count(), 0, 'no count while the gallery is open');
  });

  test('elsewhere, the navigation counts new pictures and Home shows the newest', async () => {
    await nav().getByRole('link', { name: 'Home' }).click();
    const newest = f.page.getByRole('region', { name: 'Newest stranger pictures' });
    await newest.getByRole('img', { name: /^Stranger seen by Porch camera, / }).waitFor(WAIT);
    assert.equal(await newest.getByRole('img').count(), 1);
    // Each picture says when it was taken.
    assert.match(await newest.locator('time').first().innerText(), /just now| s ago| min ago/);

    assert.equal(await porch.snap(), true);
    assert.equal(await porch.snap(), true);
    await newest.getByRole('img').nth(2).waitFor(WAIT);
    await f.page.waitForFunction(
      () =>
        document.querySelector('[data-testid="nav-badge-strangers"]')?.textContent?.startsWith('2'),
      undefined,
      WAIT,
    );
    assert.match(
      await nav()
        .getByRole('link', { name: /Strangers/ })
        .innerText(),
      /2/,
    );
    await f.shoot('home-with-pictures-desktop');

    await nav()
      .getByRole('link', { name: /Strangers/ })
      .click();
    await f.page.getByRole('heading', { level: 2, name: 'Pictures (3)' }).waitFor(WAIT);
    assert.equal(await badge().count(), 0, 'opening the gallery marks them seen');
  });

  test('a picture enlarges in a dialog with working share links; Esc closes it', async () => {
    const newestId = (await listed())[0]!;
    await items().first().getByRole('button').click();
    const dialog = f.page.getByRole('dialog', { name: 'Picture from Porch camera' });
    await dialog.waitFor(WAIT);
    await f.page.waitForFunction(
      () => {
        const image = document.querySelector<HTMLImageElement>('.picture-large');
        return image !== null && image.complete && image.naturalWidth > 0;
      },
      undefined,
      WAIT,
    );
    const imageLink = await dialog.getByRole('textbox', { name: 'Picture link' }).inputValue();
    const getPic = await dialog.getByRole('textbox', { name: /\/get_pic/ }).inputValue();
    assert.ok(imageLink.startsWith(`${f.base}/api/v1/strangers/${newestId}/image?`), imageLink);
    assert.ok(getPic.startsWith(`${f.base}/get_pic?id=${newestId}&exp=`), getPic);
    for (const link of [imageLink, getPic]) {
      // Shared links work without a token: that is what they are for.
      const response = await fetch(link);
      assert.equal(response.status, 200, link);
      assert.equal(response.headers.get('content-type'), 'image/png');
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
    }
    await f.shoot('strangers-dialog-desktop');
    await f.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', ...WAIT });
  });

  test('filters by camera and by day narrow the grid', async () => {
    garage = await f.camera('cam2', 'Garage camera');
    assert.equal(await garage.snap(), true);
    await f.page.getByRole('heading', { level: 2, name: 'Pictures (4)' }).waitFor(WAIT);

    const camera = f.page.getByLabel('Camera', { exact: true });
    await camera.selectOption({ label: 'Garage camera' });
    await f.page.getByRole('heading', { level: 2, name: 'Pictures (1)' }).waitFor(WAIT);
    assert.match(await items().first().innerText(), /Garage camera/);
    // A new picture from another camera does not enter a filtered grid.
    assert.equal(await porch.snap(), true);
    await f.page.waitForTimeout(500);
    assert.equal(await items().count(), 1);

    await camera.selectOption({ label: 'All cameras' });
    await f.page.getByRole('heading', { level: 2, name: 'Pictures (5)' }).waitFor(WAIT);

    const day = f.page.getByLabel('Day', { exact: true });
    await day.fill('2001-01-01');
    await f.page.getByText('No pictures match these filters.', { exact: false }).waitFor(WAIT);
    // Node and Chromium run on the same machine, in the same time zone.
    const now = new Date();
    const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
      .map((n) => String(n).padStart(2, '0'))
      .join('-');
    await day.fill(today);
    await f.page.getByRole('heading', { level: 2, name: 'Pictures (5)' }).waitFor(WAIT);
    await f.page.getByRole('button', { name: 'Clear filters' }).click();
    await f.page.getByRole('heading', { level: 2, name: 'Pictures (5)' }).waitFor(WAIT);
  });

  test('Delete asks first, then the picture is gone from the gallery and the hub', async () => {
    const before_ = await listed();
    const target = before_[0]!;
    await f.page.locator(`.gallery-item[data-stranger-id="${target}"] button`).click();
    const dialog = f.page.getByRole('dialog');
    await dialog.waitFor(WAIT);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    const confirm = dialog.getByRole('group', { name: 'Delete this picture for good?' });
    await confirm.waitFor(WAIT);
    assert.deepEqual(await listed(), before_, 'nothing deleted before confirming');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await f.page.locator(`.gallery-item[data-stranger-id="${target}"]`).waitFor({
      state: 'detached',
      ...WAIT,
    });
    assert.deepEqual(await listed(), before_.slice(1));
  });

  test('screenshots: light, dark and phone width without sideways scrolling', async () => {
    await allImagesLoaded();
    await f.shoot('strangers-light-desktop');
    await f.page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await f.shoot('strangers-dark-desktop');
    await f.page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    await f.page.setViewportSize({ width: 390, height: 844 });
    assert.equal(await f.noSidewaysScroll(), 0);
    await f.shoot('strangers-phone');
    await items().first().getByRole('button').click();
    await f.page.getByRole('dialog').waitFor(WAIT);
    assert.equal(await f.noSidewaysScroll(), 0);
    await f.shoot('strangers-dialog-phone');
    await f.page.keyboard.press('Escape');
    await f.page.evaluate(() => delete document.documentElement.dataset.theme);
    await f.page.setViewportSize({ width: 1280, height: 800 });
  });

  test('no console errors along the way', () => {
    assert.deepEqual(f.console.problems(), []);
  });
});
