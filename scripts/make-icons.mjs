// Draws Copydesk's icon from one description (below) and writes the whole set electron-builder packages:
//   assets/build/icon.png        1024 × 1024, the source of the others
//   assets/build/icon.icns       macOS (png2icons)
//   assets/build/icon.ico        Windows (png2icons)
//   assets/build/icons/NxN.png   Linux (and the window icon), drawn at each size rather than scaled down
// Run `npm run icons` after changing the drawing; the files are committed, packaging does not run this.
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'assets', 'build');
const require = createRequire(import.meta.url);
const png2icons = require('png2icons');

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

// The drawing, in a 0..1 square: a newsroom-red tile, a white sheet of copy with a headline bar and text lines.
const TILE = { color: [188, 32, 45], radius: 0.2 };
const SHEET = { x0: 0.24, y0: 0.16, x1: 0.76, y1: 0.84, radius: 0.035, color: [255, 255, 255] };
const INK = [35, 38, 48];
const LINES = [
  { x0: 0.31, x1: 0.69, y: 0.28, h: 0.07, color: INK },
  { x0: 0.31, x1: 0.69, y: 0.44, h: 0.028, color: [120, 124, 134] },
  { x0: 0.31, x1: 0.69, y: 0.52, h: 0.028, color: [120, 124, 134] },
  { x0: 0.31, x1: 0.69, y: 0.6, h: 0.028, color: [120, 124, 134] },
  { x0: 0.31, x1: 0.55, y: 0.68, h: 0.028, color: [120, 124, 134] },
];

/** Signed distance from (x, y) to a rounded rectangle: negative inside. */
function roundedBox(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** The colour and coverage of one point of the drawing. */
function sample(x, y) {
  if (roundedBox(x, y, 0.04, 0.04, 0.96, 0.96, TILE.radius) > 0) return null;
  if (roundedBox(x, y, SHEET.x0, SHEET.y0, SHEET.x1, SHEET.y1, SHEET.radius) > 0) return TILE.color;
  for (const line of LINES) {
    if (roundedBox(x, y, line.x0, line.y - line.h / 2, line.x1, line.y + line.h / 2, line.h / 2) <= 0) return line.color;
  }
  return SHEET.color;
}

/** RGBA pixels of the icon at `size`, 4 × 4 samples per pixel. */
export function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const color = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (color === null) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          covered += 1;
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) pixels.set([Math.round(r / covered), Math.round(g / covered), Math.round(b / covered), Math.round((255 * covered) / (n * n))], at);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG. */
export function encodePng(size, pixels) {
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (1 + size * 4) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function main() {
  await mkdir(path.join(out, 'icons'), { recursive: true });
  const source = encodePng(1024, drawIcon(1024));
  await writeFile(path.join(out, 'icon.png'), source);
  for (const size of LINUX_SIZES) {
    await writeFile(path.join(out, 'icons', `${size}x${size}.png`), size === 1024 ? source : encodePng(size, drawIcon(size)));
  }
  // BICUBIC2 keeps the small sizes sharp; the ICO holds PNG images (Vista and later), the ICNS every retina size.
  const icns = png2icons.createICNS(source, png2icons.BICUBIC2, 0);
  const ico = png2icons.createICO(source, png2icons.BICUBIC2, 0, true, true);
  if (icns === null || ico === null) throw new Error('png2icons could not convert assets/build/icon.png');
  await writeFile(path.join(out, 'icon.icns'), icns);
  await writeFile(path.join(out, 'icon.ico'), ico);
  console.log(`make-icons: wrote ${path.relative(root, out)}/icon.png, icon.icns, icon.ico and icons/{${LINUX_SIZES.join(',')}}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
