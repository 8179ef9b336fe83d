// Renders icon.svg into the PNGs that electron-builder and the tray use, and the panel's web
// app icons (src-renderer/public/icons: plain and maskable, for "Add to Home screen"), with the
// Debian Chromium through playwright-core. Run by hand after changing the SVG:
//   node assets/render-icons.mjs
import { Buffer } from 'node:buffer';
import { readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const svg = readFileSync(`${here}icon.svg`, 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
// Maskable: the background fills the square (the phone cuts its own shape), and the drawing
// already sits inside the central 80% circle every mask keeps.
const maskableSvg = svg.replace(
  /<rect [^>]*fill="url\(#bg\)" \/>/,
  '<rect x="0" y="0" width="512" height="512" fill="url(#bg)" />',
);
const maskableUrl = `data:image/svg+xml;base64,${Buffer.from(maskableSvg).toString('base64')}`;
const web = `${here}../src-renderer/public/icons/`;

// electron-builder: icon.png (1024) for mac/win conversion, icons/<n>x<n>.png for Linux.
const targets = [
  [1024, 'icon.png'],
  ...[16, 32, 48, 64, 128, 256, 512].map((n) => [n, `icons/${n}x${n}.png`]),
  [16, 'tray.png'],
  [32, 'tray@2x.png'],
  [192, `${web}icon-192.png`],
  [512, `${web}icon-512.png`],
  [192, `${web}maskable-192.png`, maskableUrl],
  [512, `${web}maskable-512.png`, maskableUrl],
  [180, `${web}apple-touch-icon.png`, maskableUrl],
];

mkdirSync(`${here}icons`, { recursive: true });
mkdirSync(web, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  for (const [size, file, source = dataUrl] of targets) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${source}" width="${size}" height="${size}"></body></html>`,
    );
    const path = file.startsWith('/') ? file : `${here}${file}`;
    await page.locator('img').screenshot({ path, omitBackground: true });
  }
} finally {
  await browser.close();
}
// The panel's favicon is the same drawing.
copyFileSync(`${here}icon.svg`, `${here}../src-renderer/public/favicon.svg`);
