// A 3×5 pixel font for the characters of a timestamp, so each simulated picture shows when it
// was taken (and differs from the one before).
import type { RgbImage } from './png.js';

const GLYPHS: Record<string, readonly string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '-': ['000', '000', '111', '000', '000'],
  ':': ['000', '010', '000', '010', '000'],
  '.': ['000', '000', '000', '000', '010'],
  '#': ['101', '111', '101', '111', '101'],
  ' ': ['000', '000', '000', '000', '000'],
};

export const GLYPH_WIDTH = 3;
export const GLYPH_HEIGHT = 5;

/** Width in pixels of `text` drawn at `scale` (one blank column between characters). */
export function textWidth(text: string, scale: number): number {
  return text.length === 0 ? 0 : (text.length * (GLYPH_WIDTH + 1) - 1) * scale;
}

export type Rgb = readonly [number, number, number];

/** Draws `text` with its top-left corner at (x, y); characters outside the font are blank. */
export function drawText(
  image: RgbImage,
  text: string,
  x: number,
  y: number,
  scale: number,
  color: Rgb,
): void {
  [...text].forEach((character, index) => {
    const rows = GLYPHS[character] ?? GLYPHS[' ']!;
    const left = x + index * (GLYPH_WIDTH + 1) * scale;
    rows.forEach((row, rowIndex) => {
      [...row].forEach((bit, column) => {
        if (bit === '1') {
          fillRect(image, left + column * scale, y + rowIndex * scale, scale, scale, color);
        }
      });
    });
  });
}

export function fillRect(
  image: RgbImage,
  x: number,
  y: number,
  width: number,
  height: number,
  color: Rgb,
): void {
  for (let row = Math.max(0, y); row < Math.min(image.height, y + height); row += 1) {
    for (let column = Math.max(0, x); column < Math.min(image.width, x + width); column += 1) {
      image.pixels.set(color, (row * image.width + column) * 3);
    }
  }
}
