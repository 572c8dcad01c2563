import { useEffect, useRef, useState } from 'react';
import { strings } from '../strings.js';

/** The same code seen again within this long is the same ticket still held up. */
const REPEAT_MS = 3000;
const SCAN_EVERY_MS = 150;

/**
 * Camera scanning, for a kiosk with no scanner attached: the camera's picture in a corner (so
 * people can aim), decoded in the page by zxing. Shows nothing when there is no camera.
 */
export function CameraScanner(props: { onScan(code: string): void; onState(on: boolean): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const element = video.current;
    if (!navigator.mediaDevices?.getUserMedia || !element) return;
    let stream: MediaStream | undefined;
    let stopDecoding = () => {};
    let last = { text: '', at: 0 };
    let stopped = false;
    const seen = (text: string) => {
      const now = Date.now();
      const repeat = text === last.text && now - last.at < REPEAT_MS;
      last = { text, at: now };
      if (!repeat && !stopped) latest.current.onScan(text);
    };
    const start = async () => {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
      });
      if (stopped) throw new Error('stopped');
      element.srcObject = stream;
      await element.play();
      // zxing is loaded only on kiosks that scan with a camera: it is most of the page's weight.
      const { scanVideo } = await import('@lanyard/hardware/video-scanner');
      const context = document.createElement('canvas').getContext('2d', {
        willReadFrequently: true,
      });
      if (stopped || !context) throw new Error('stopped');
      stopDecoding = scanVideo(element, context, seen, SCAN_EVERY_MS);
    };
    start().then(
      () => {
        setOn(true);
        latest.current.onState(true);
      },
      () => {
        for (const t of stream?.getTracks() ?? []) t.stop();
        latest.current.onState(false); // no camera, or not allowed: keyboard input only
      },
    );
    return () => {
      stopped = true;
      stopDecoding();
      for (const t of stream?.getTracks() ?? []) t.stop();
      latest.current.onState(false);
    };
  }, []);

  return (
    <video
      ref={video}
      className={on ? 'camera-preview' : 'camera-preview off'}
      aria-label={strings.camera.preview}
      muted
      playsInline
    />
  );
}
