// Renders icon.svg into the PNGs that electron-builder and the tray use, with the Debian
// Chromium through playwright-core. Run by hand after changing the SVG:
//   node assets/render-icons.mjs
import { Buffer } from 'node:buffer';
import { readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const svg = readFileSync(`${here}icon.svg`, 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

// electron-builder: icon.png (1024) for mac/win conversion, icons/<n>x<n>.png for Linux.
const targets = [
  [1024, 'icon.png'],
  ...[16, 32, 48, 64, 128, 256, 512].map((n) => [n, `icons/${n}x${n}.png`]),
  [16, 'tray.png'],
  [32, 'tray@2x.png'],
];

mkdirSync(`${here}icons`, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  for (const [size, file] of targets) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}"></body></html>`,
    );
    await page.locator('img').screenshot({ path: `${here}${file}`, omitBackground: true });
  }
} finally {
  await browser.close();
}
// The panel's favicon is the same drawing.
copyFileSync(`${here}icon.svg`, `${here}../src-renderer/public/favicon.svg`);
