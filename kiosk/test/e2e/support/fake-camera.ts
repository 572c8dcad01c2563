import { writeFileSync } from 'node:fs';
import { qrFrame } from '../../../../hardware/test/support/qr-raster.js';

/** How a hand holds a phone up to the lens: a few degrees one way and the other, never still. */
const HELD_ANGLES_DEG = [0, 3, -3, 6, -6, 9];

/**
 * A Y4M video of a ticket's QR code, for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`): what a webcam sees when a phone shows the ticket, held
 * by hand, so no two frames are alike (Chromium plays the frames in a loop).
 */
export function writeQrVideo(path: string, text: string, width = 640, height = 480): void {
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128); // grey: no colour
  const frames = HELD_ANGLES_DEG.flatMap((rotateDeg, i) => {
    const frame = qrFrame(text, {
      width,
      height,
      moduleSize: 5,
      noise: 4,
      blur: 1,
      rotateDeg,
      seed: i + 1,
    });
    const luma = Buffer.alloc(width * height);
    for (let p = 0; p < width * height; p++) luma[p] = frame.data[p * 4]!;
    return [Buffer.from('FRAME\n'), luma, chroma];
  });
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`),
      ...frames,
    ]),
  );
}
