// Writes Candor's toolbar icons (a simple eye on a dark-teal tile) as PNG files, with no image library.
// Run once: node scripts/make-icons.js ; the PNGs are committed under public/icons/.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size) {
  const rows = [];
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const dx = (x - c) / size;
      const dy = (y - c) / size;
      // eye: intersection of two circles; pupil: small circle
      const inEye = Math.hypot(dx, dy - 0.42) < 0.62 && Math.hypot(dx, dy + 0.42) < 0.62;
      const inPupil = Math.hypot(dx, dy) < 0.13;
      const corner = Math.hypot(Math.max(Math.abs(dx) - 0.34, 0), Math.max(Math.abs(dy) - 0.34, 0)) > 0.15;
      if (corner) row.push(0, 0, 0, 0);
      else if (inPupil) row.push(0x0b, 0x3d, 0x3a, 255);
      else if (inEye) row.push(255, 255, 255, 255);
      else row.push(0x12, 0x6e, 0x68, 255);
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/candor-${size}.png`, icon(size));
