/**
 * Draws the toolbar icon (a shield with a check mark) as PNGs into public/icons/.
 * Run once after changing the drawing: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** Colour of a point in the unit square: shield, check mark, or transparent. */
function shade(x: number, y: number): [number, number, number, number] {
  const inShield =
    y > 0.08 && y < 0.94 && Math.abs(x - 0.5) < (y < 0.55 ? 0.4 : 0.4 * (1 - (y - 0.55) / 0.39) ** 0.8);
  if (!inShield) return [0, 0, 0, 0];
  const check = Math.min(
    distanceToSegment(x, y, 0.3, 0.5, 0.45, 0.65),
    distanceToSegment(x, y, 0.45, 0.65, 0.72, 0.33),
  );
  return check < 0.065 ? [255, 255, 255, 255] : [31, 95, 191, 255];
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const rgba = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = shade((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          for (let i = 0; i < 4; i++) sum[i] = (sum[i] ?? 0) + (c[i] ?? 0) * (i < 3 ? (c[3] ?? 0) / 255 : 1);
        }
      }
      const n = samples * samples;
      const a = (sum[3] ?? 0) / n;
      const o = (y * size + x) * 4;
      for (let i = 0; i < 3; i++) rgba[o + i] = a > 0 ? Math.round((sum[i] ?? 0) / n / (a / 255)) : 0;
      rgba[o + 3] = Math.round(a);
    }
  }
  writeFileSync(`public/icons/icon-${size}.png`, png(size, rgba));
}
console.log('icons written to public/icons/');
