import { useEffect, useRef, useState } from 'react';
import type { BrowserQRCodeReader } from '@zxing/library';
import { strings } from '../strings.js';

/** The same code seen again within this long is the same ticket still held up. */
const REPEAT_MS = 3000;

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
    let reader: BrowserQRCodeReader | undefined;
    let last = { text: '', at: 0 };
    let stopped = false;
    // zxing is loaded only on kiosks that scan with a camera: it is most of the page's weight.
    import('@zxing/library')
      .then(({ BrowserQRCodeReader }) => {
        if (stopped) throw new Error('stopped');
        reader = new BrowserQRCodeReader(150);
        return reader.decodeFromConstraints(
          { video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } } },
          element,
          (result) => {
            if (!result || stopped) return;
            const text = result.getText();
            const now = Date.now();
            const repeat = text === last.text && now - last.at < REPEAT_MS;
            last = { text, at: now };
            if (!repeat) latest.current.onScan(text);
          },
        );
      })
      .then(
        () => {
          if (stopped) return;
          setOn(true);
          latest.current.onState(true);
        },
        () => latest.current.onState(false), // no camera, or not allowed: keyboard input only
      );
    return () => {
      stopped = true;
      reader?.reset();
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
