import { crc32, deflateSync } from 'node:zlib';

/**
 * A real PNG of `width`×`height` filled with horizontal bands of the given colours (RGB hex),
 * made here so the tests need no image files: signature, IHDR, one zlib IDAT, IEND.
 */
export function bandsPng(width: number, height: number, colours: string[]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter choice, no interlace
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const hex = colours[Math.floor((y * colours.length) / height)]!;
    const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const BRANDING = {
  accentColor: '#0b6e4f',
  organizerName: 'DevConf e.V.',
  contactEmail: 'hello@devconf.example',
  contactPhone: '+49 30 1234567',
  contactAddress: 'Alexanderplatz 1, 10178 Berlin',
  imprint: 'DevConf e.V., Amtsgericht Berlin VR 12345, represented by Ada Lovelace.',
  termsUrl: 'https://devconf.example/terms',
  privacyUrl: 'https://devconf.example/privacy',
};
