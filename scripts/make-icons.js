"use strict";
/**
 * Draws the add-in icon (a white sales funnel on a blue rounded square) at the pixel sizes Office asks for
 * and writes them as PNG files to assets/. Pure Node (zlib), so it runs anywhere without an image toolchain.
 * Usage: node scripts/make-icons.js
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BACKGROUND = [15, 108, 189]; // Fluent "brand" blue
const FOREGROUND = [255, 255, 255];
const SUPERSAMPLING = 5; // samples per axis per pixel, for anti-aliased edges

function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The funnel: a trapezoid narrowing into a spout; wide icons also show two stage gaps. */
function insideFunnel(x, y, withStageGaps) {
  const top = 0.2;
  const neck = 0.56;
  const bottom = 0.82;
  const spout = 0.065;
  const dx = Math.abs(x - 0.5);
  if (y < top || y > bottom) return false;
  if (withStageGaps && ((y > 0.315 && y < 0.35) || (y > 0.435 && y < 0.47))) return false;
  if (y <= neck) {
    const halfWidth = 0.33 + (spout - 0.33) * ((y - top) / (neck - top));
    return dx <= halfWidth;
  }
  return dx <= spout;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const withStageGaps = size >= 32;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let ink = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLING) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLING) / size;
          if (!insideRoundedSquare(x, y, 0.18)) continue;
          cover++;
          if (insideFunnel(x, y, withStageGaps)) ink++;
        }
      }
      const samples = SUPERSAMPLING * SUPERSAMPLING;
      const o = (py * size + px) * 4;
      const t = cover === 0 ? 0 : ink / cover;
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(BACKGROUND[c] + (FOREGROUND[c] - BACKGROUND[c]) * t);
      rgba[o + 3] = Math.round((255 * cover) / samples);
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();
module.exports = { encodePng, render };
