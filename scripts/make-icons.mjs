/**
 * Renders the app emblem (a calm "community network": a gold centre joined to six neighbours on a ring, white on
 * deep blue) into the PNG icons the PWA manifest lists, with no image library: shapes are signed-distance
 * functions, each pixel is 4×4 supersampled, and the PNG is encoded here with node:zlib.
 * Run: node scripts/make-icons.mjs  (writes public/icons/*.png; the SVG favicon is drawn by hand to match).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BLUE = [11, 74, 143];
const WHITE = [255, 255, 255];
const GOLD = [245, 184, 0];

function circle(cx, cy, r) {
  return (x, y) => Math.hypot(x - cx, y - cy) - r;
}

function ring(cx, cy, r, halfWidth) {
  return (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - halfWidth;
}

function segment(ax, ay, bx, by, halfWidth) {
  return (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - dx * t, py - dy * t) - halfWidth;
  };
}

function roundedSquare(radius) {
  return (x, y) => {
    const qx = Math.abs(x - 0.5) - (0.5 - radius);
    const qy = Math.abs(y - 0.5) - (0.5 - radius);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

/** The emblem's layers in unit coordinates; `scale` shrinks the drawing into the maskable safe zone. */
function buildLayers(scale) {
  const s = (v) => 0.5 + (v - 0.5) * scale;
  const r = 0.27 * scale;
  const neighbours = Array.from({ length: 6 }, (_, k) => {
    const angle = -Math.PI / 2 + (k * Math.PI) / 3;
    return [0.5 + r * Math.cos(angle), 0.5 + r * Math.sin(angle)];
  });
  const white = [
    ring(0.5, 0.5, r, 0.014 * scale),
    ...neighbours.map(([x, y]) => segment(s(0.5), s(0.5), x, y, 0.016 * scale)),
    ...neighbours.map(([x, y]) => circle(x, y, 0.06 * scale)),
    circle(0.5, 0.5, 0.115 * scale),
  ];
  const gold = [circle(0.5, 0.5, 0.08 * scale)];
  return { white, gold };
}

function render(size, { maskable, opaque }) {
  const background = maskable || opaque ? () => -1 : roundedSquare(0.22);
  const { white, gold } = buildLayers(maskable ? 0.78 : 1);
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (background(x, y) > 0) continue;
          let colour = BLUE;
          if (white.some((shape) => shape(x, y) <= 0)) colour = WHITE;
          if (gold.some((shape) => shape(x, y) <= 0)) colour = GOLD;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      pixels[i] = a ? Math.round(r / a) : 0;
      pixels[i + 1] = a ? Math.round(g / a) : 0;
      pixels[i + 2] = a ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round((a / n) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(import.meta.dirname, '..', 'public', 'icons');
fs.mkdirSync(outDir, { recursive: true });
const targets = [
  { file: 'icon-192.png', size: 192, maskable: false, opaque: false },
  { file: 'icon-512.png', size: 512, maskable: false, opaque: false },
  { file: 'maskable-192.png', size: 192, maskable: true, opaque: true },
  { file: 'maskable-512.png', size: 512, maskable: true, opaque: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: false, opaque: true },
];
for (const target of targets) {
  const png = encodePng(target.size, render(target.size, target));
  fs.writeFileSync(path.join(outDir, target.file), png);
  console.log(`${target.file}: ${png.length} bytes`);
}
