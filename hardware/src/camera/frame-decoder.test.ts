import { code128Frame } from '../../test/support/code128-raster.js';
import { qrFrame } from '../../test/support/qr-raster.js';
import { CameraScannerSource } from './camera-scanner-source.js';
import { FrameDecoder } from './frame-decoder.js';

const TOKEN = 'eyJhbGciOiJFZERTQSIsImtpZCI6ImsxIn0.eyJ0IjoiOGY1YjJjIiwiZSI6ImV2MSJ9.c2lnbmF0dXJl';

describe('FrameDecoder', () => {
  const decoder = new FrameDecoder();

  it.each([2, 3, 5, 8])('decodes a QR code drawn at %i px per module', (moduleSize) => {
    expect(decoder.decode(qrFrame(TOKEN, { moduleSize }))).toEqual({ text: TOKEN, format: 'qr' });
  });

  it.each([90, 180, 270, 17, 45, -30])('decodes a QR code rotated by %i°', (rotateDeg) => {
    expect(decoder.decode(qrFrame(TOKEN, { moduleSize: 5, rotateDeg }))?.text).toBe(TOKEN);
  });

  it.each([10, 30, 60])('decodes a QR code under grey noise of sigma %i', (noise) => {
    expect(decoder.decode(qrFrame(TOKEN, { moduleSize: 5, noise, seed: noise }))?.text).toBe(TOKEN);
  });

  it('decodes a short code in a small frame', () => {
    expect(decoder.decode(qrFrame('A-1', { moduleSize: 4, width: 160, height: 120 }))?.text).toBe(
      'A-1',
    );
  });

  it('decodes a Code 128 barcode', () => {
    expect(decoder.decode(code128Frame('LANYARD-0042', 3))).toEqual({
      text: 'LANYARD-0042',
      format: 'code128',
    });
  });

  it('finds nothing in an empty frame or in pure noise', () => {
    expect(
      decoder.decode({ data: new Uint8Array(640 * 480 * 4).fill(200), width: 640, height: 480 }),
    ).toBeUndefined();
    expect(
      decoder.decode(
        qrFrame(TOKEN, {
          moduleSize: 5,
          width: 640,
          height: 480,
          rotateDeg: 0,
          noise: 400,
          seed: 3,
        }),
      ),
    ).toBeUndefined();
  });

  it('ignores formats it was not asked for', () => {
    const qrOnly = new FrameDecoder({ formats: ['qr'] });
    expect(qrOnly.decode(code128Frame('LANYARD-0042', 3))).toBeUndefined();
  });

  it('rejects a frame whose buffer does not match its size', () => {
    expect(() => decoder.decode({ data: new Uint8Array(10), width: 640, height: 480 })).toThrow(
      expect.objectContaining({ code: 'frame_invalid' }),
    );
    expect(() => decoder.decode({ data: new Uint8Array(0), width: 0, height: 480 })).toThrow(
      expect.objectContaining({ code: 'frame_invalid' }),
    );
  });
});

describe('CameraScannerSource', () => {
  it('turns a code held in front of the camera for many frames into one scan', async () => {
    const camera = new CameraScannerSource({ deviceId: 'front', duplicateWindowMs: 2000 });
    const scans: string[] = [];
    camera.on('scan', (s) => scans.push(`${s.source}:${s.symbology}:${s.data}`));
    await camera.open();
    const frame = qrFrame(TOKEN, { moduleSize: 4 });
    for (let i = 0; i < 5; i++) camera.pushFrame(frame);
    expect(scans).toEqual([`camera:qr:${TOKEN}`]);
  });

  it('reports a malformed frame as an error event and keeps running', async () => {
    const camera = new CameraScannerSource({ deviceId: 'front' });
    const errors: string[] = [];
    camera.on('error', (e) => errors.push(e.code));
    await camera.open();
    expect(camera.pushFrame({ data: new Uint8Array(3), width: 2, height: 2 })).toBeUndefined();
    expect(camera.pushFrame(qrFrame('OK', { moduleSize: 4, width: 200, height: 200 }))).toBe('OK');
    expect(errors).toEqual(['frame_invalid']);
  });
});
