import { writeFileSync } from 'node:fs';
import { qrFrame } from '../../../../hardware/test/support/qr-raster.js';

/**
 * A Y4M video of a ticket's QR code, for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`): what a webcam sees when a phone shows the ticket.
 */
export function writeQrVideo(path: string, text: string, width = 640, height = 480): void {
  const frame = qrFrame(text, { width, height, moduleSize: 5, noise: 4, blur: 1 });
  const luma = Buffer.alloc(width * height);
  for (let i = 0; i < width * height; i++) luma[i] = frame.data[i * 4]!;
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128); // grey: no colour
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`),
      Buffer.from('FRAME\n'),
      luma,
      chroma,
    ]),
  );
}
