// A QR code drawn as SVG in the page: the `qrcode` library computes the modules, React draws
// them as one path (no markup from a string, so nothing in `text` can become HTML). Always dark
// on light with the 4-module quiet zone, whatever the theme: that is what phone cameras read.
import { useMemo } from 'react';
import { create } from 'qrcode';

const QUIET = 4;
/** Whole pixels per module keep the edges sharp for cameras (and for the tests' decoder). */
const PIXELS_PER_MODULE = 5;

export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => qrPath(text), [text]);
  const side = size + QUIET * 2;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      width={side * PIXELS_PER_MODULE}
      height={side * PIXELS_PER_MODULE}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}

/** One `M x y h w v 1 h -w z` per run of dark modules in a row. */
function qrPath(text: string): { size: number; path: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = modules;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      parts.push(`M${start + QUIET} ${y + QUIET}h${x - start}v1h${start - x}z`);
    }
  }
  return { size, path: parts.join('') };
}
