#!/usr/bin/env node
// `node scripts/make-icon.mjs`: draws the application icon, assets/icon.png (1024 × 1024 RGBA), from geometry
// only: no network, no image library, the same bytes on every run (pure arithmetic, PNG written with node:zlib
// at a fixed compression level). electron-builder takes it from `buildResources` (assets/) and derives the
// Windows .ico and macOS .icns from it. `--check` exits 1 when assets/icon.png differs from what this draws.
//
// The picture: a rounded square in the app's blue, a white sheet of minutes with three lines of text and a
// teal mark (a board's decision recorded), drawn with 4 × 4 supersampling for smooth edges.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 4;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'assets', 'icon.png');

/** Inside a rounded rectangle (x0, y0)–(x1, y1) with corner radius r. */
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Inside a thick line segment from (ax, ay) to (bx, by) of half-width w (round caps). */
function inStroke(x, y, ax, ay, bx, by, w) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= w * w;
}

const BLUE_TOP = [38, 92, 148];
const BLUE_BOTTOM = [22, 58, 102];
const WHITE = [255, 255, 255];
const INK = [120, 138, 160];
const TEAL = [22, 160, 133];

/** The colour at one sample point, or null where the icon is transparent. */
function colourAt(x, y) {
  if (!inRoundRect(x, y, 64, 64, 960, 960, 200)) return null;
  // The sheet, and on it three lines of text and the decision mark.
  if (inRoundRect(x, y, 292, 196, 732, 828, 44)) {
    if (inStroke(x, y, 372, 330, 652, 330, 18) || inStroke(x, y, 372, 420, 652, 420, 18) || inStroke(x, y, 372, 510, 560, 510, 18)) return INK;
    if (inStroke(x, y, 420, 664, 488, 730, 30) || inStroke(x, y, 488, 730, 624, 594, 30)) return TEAL;
    return WHITE;
  }
  const t = (y - 64) / 896;
  return BLUE_TOP.map((c, i) => Math.round(c + (BLUE_BOTTOM[i] - c) * t));
}

function draw() {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let py = 0; py < SIZE; py++) {
    const row = py * (SIZE * 4 + 1);
    raw[row] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (c === null) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const o = row + 1 + px * 4;
      // Colour averaged over the covered samples (straight alpha), alpha = coverage.
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a * 255) / (SAMPLES * SAMPLES));
    }
  }
  return raw;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export function iconPng() {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(draw(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const png = iconPng();
if (process.argv.includes('--check')) {
  if (!existsSync(out) || !readFileSync(out).equals(png)) {
    console.error('assets/icon.png is not what scripts/make-icon.mjs draws: run `node scripts/make-icon.mjs`');
    process.exit(1);
  }
  console.log('assets/icon.png is up to date');
} else {
  writeFileSync(out, png);
  console.log(`wrote ${path.relative(root, out)} (${SIZE} × ${SIZE}, ${png.length} bytes)`);
}
