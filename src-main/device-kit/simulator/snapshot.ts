// The simulated camera's picture: a PNG of a figure in a doorway on a background whose colour
// follows the clock, with the time written across the bottom. Every picture differs.
import { drawText, fillRect, GLYPH_HEIGHT, textWidth, type Rgb } from './pixel-font.js';
import { encodePng, type RgbImage } from './png.js';

export const SNAPSHOT_WIDTH = 320;
export const SNAPSHOT_HEIGHT = 120;
const SCALE = 3;

export function makeSnapshot(at: Date = new Date(), frame = 0): Buffer {
  const image: RgbImage = {
    width: SNAPSHOT_WIDTH,
    height: SNAPSHOT_HEIGHT,
    pixels: new Uint8Array(SNAPSHOT_WIDTH * SNAPSHOT_HEIGHT * 3),
  };
  paintBackground(image, at);
  paintFigure(image);

  const stamp = at.toISOString().replace('T', ' ').replace('Z', '');
  const band = GLYPH_HEIGHT * SCALE + 10;
  fillRect(image, 0, SNAPSHOT_HEIGHT - band, SNAPSHOT_WIDTH, band, [20, 20, 24]);
  const left = Math.max(2, Math.floor((SNAPSHOT_WIDTH - textWidth(stamp, SCALE)) / 2));
  drawText(image, stamp, left, SNAPSHOT_HEIGHT - band + 5, SCALE, [240, 240, 240]);
  drawText(image, `#${frame}`, 6, 6, 2, [255, 255, 255]);

  return encodePng(image, {
    Software: 'Hearth device simulator',
    'Creation Time': at.toISOString(),
  });
}

// A vertical gradient whose hue turns once a minute.
function paintBackground(image: RgbImage, at: Date): void {
  const hue = ((at.getTime() / 60_000) % 1) * 360;
  const [red, green, blue] = hueToRgb(hue);
  for (let y = 0; y < image.height; y += 1) {
    const light = 0.45 + (0.55 * y) / image.height;
    const row: Rgb = [Math.round(red * light), Math.round(green * light), Math.round(blue * light)];
    fillRect(image, 0, y, image.width, 1, row);
  }
}

function paintFigure(image: RgbImage): void {
  const dark: Rgb = [30, 30, 36];
  const centre = Math.floor(image.width / 2);
  // Head: a filled circle.
  const radius = 12;
  for (let dy = -radius; dy <= radius; dy += 1) {
    const half = Math.floor(Math.sqrt(radius * radius - dy * dy));
    fillRect(image, centre - half, 30 + dy, half * 2 + 1, 1, dark);
  }
  // Shoulders and body.
  fillRect(image, centre - 24, 46, 48, 50, dark);
}

function hueToRgb(hue: number): [number, number, number] {
  const sector = hue / 60;
  const x = 1 - Math.abs((sector % 2) - 1);
  const table: Array<[number, number, number]> = [
    [1, x, 0],
    [x, 1, 0],
    [0, 1, x],
    [0, x, 1],
    [x, 0, 1],
    [1, 0, x],
  ];
  const [r, g, b] = table[Math.floor(sector) % 6]!;
  return [r * 255, g * 255, b * 255];
}
