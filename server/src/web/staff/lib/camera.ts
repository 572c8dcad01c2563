/** The same code seen again within this long is the same ticket still held up. */
const REPEAT_MS = 3000;
const DETECT_EVERY_MS = 120;

interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
declare const BarcodeDetector:
  | {
      new (options: { formats: string[] }): BarcodeDetectorLike;
      getSupportedFormats(): Promise<string[]>;
    }
  | undefined;

/** A running camera; stop() releases it. */
export interface Camera {
  /** Whether the rear camera has a torch this browser can switch. */
  torch: boolean;
  setTorch(on: boolean): Promise<void>;
  stop(): void;
}

/**
 * Scans QR codes continuously with the rear camera: the browser's BarcodeDetector where it has
 * one for QR codes (Android Chrome), else zxing (hardware's scanVideo), loaded only then. The same code is
 * reported once while it stays in view (and again after REPEAT_MS away).
 */
export async function startCamera(
  video: HTMLVideoElement,
  onCode: (text: string) => void,
): Promise<Camera> {
  const stream = await navigator.mediaDevices.getUserMedia({
    // The camera's own size: asking for another makes some (and Chromium's fake one) stretch it.
    video: { facingMode: { ideal: 'environment' } },
    audio: false,
  });
  const [track] = stream.getVideoTracks();
  let stopped = false;
  let last = { text: '', at: 0 };
  const seen = (text: string) => {
    const now = Date.now();
    const repeat = text === last.text && now - last.at < REPEAT_MS;
    last = { text, at: now };
    if (!repeat && !stopped) onCode(text);
  };

  video.srcObject = stream;
  await video.play();
  let stopDecoding: () => void;
  const native =
    typeof BarcodeDetector !== 'undefined' &&
    (await BarcodeDetector.getSupportedFormats().catch((): string[] => [])).includes('qr_code');
  if (native && BarcodeDetector) {
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (stopped) return;
      const codes = await detector.detect(video).catch(() => []);
      for (const code of codes) seen(code.rawValue);
      timer = setTimeout(tick, DETECT_EVERY_MS);
    };
    void tick();
    stopDecoding = () => clearTimeout(timer);
  } else {
    const { scanVideo } = await import('./zxing.js');
    const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!context) {
      for (const t of stream.getTracks()) t.stop();
      throw new Error('this browser cannot draw the camera picture to read it');
    }
    stopDecoding = scanVideo(video, context, seen, DETECT_EVERY_MS);
  }

  const capabilities = (track?.getCapabilities?.() ?? {}) as { torch?: boolean };
  return {
    torch: capabilities.torch === true,
    async setTorch(on) {
      await track?.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
    },
    stop() {
      stopped = true;
      stopDecoding();
      for (const t of stream.getTracks()) t.stop();
    },
  };
}
