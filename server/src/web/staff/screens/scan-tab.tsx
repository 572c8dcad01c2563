import { WedgeRecogniser, type ScanDirection } from '@lanyard/core/browser';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { startCamera, type Camera } from '../lib/camera.js';

/**
 * The camera's picture with continuous QR scanning, a torch switch, entry or exit (lists with
 * re-entry only), and a field for typed codes; a keyboard-wedge scanner works anywhere on it.
 */
export function ScanTab(props: {
  reentry: boolean;
  direction: ScanDirection;
  onDirection(direction: ScanDirection): void;
  onScan(text: string): void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<Camera | 'off' | undefined>();
  const [torch, setTorch] = useState(false);
  const [typed, setTyped] = useState('');
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let running: Camera | undefined;
    let stopped = false;
    if (!navigator.mediaDevices?.getUserMedia || !video.current) {
      setCamera('off');
      return undefined;
    }
    startCamera(video.current, (text) => latest.current.onScan(text)).then(
      (started) => {
        if (stopped) return started.stop();
        running = started;
        setCamera(started);
      },
      () => setCamera('off'), // no camera, or not allowed: typed and wedge input only
    );
    return () => {
      stopped = true;
      running?.stop();
    };
  }, []);

  useEffect(() => {
    const wedge = new WedgeRecogniser();
    const onKey = (event: KeyboardEvent) => {
      // Typing in the code field is the field's; a wedge scanner types into the page itself.
      if (event.target instanceof HTMLInputElement) return;
      const code = wedge.push(event.key, event.timeStamp);
      if (code) latest.current.onScan(code);
      if (wedge.busy || code) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim()) props.onScan(typed.trim());
    setTyped('');
  };

  return (
    <section className="scan-tab" aria-label="Scanner">
      <div className="viewfinder">
        <video ref={video} muted playsInline aria-label="Camera" data-testid="camera" />
        {camera === 'off' && <p className="no-camera">No camera: type or use a scanner.</p>}
        <div className="aim" aria-hidden />
      </div>
      <div className="scan-controls">
        {typeof camera === 'object' && camera.torch && (
          <button
            type="button"
            aria-pressed={torch}
            onClick={() => {
              void camera.setTorch(!torch);
              setTorch(!torch);
            }}
          >
            {torch ? 'Torch off' : 'Torch on'}
          </button>
        )}
        {props.reentry && (
          <div className="direction" role="group" aria-label="Direction">
            {(['entry', 'exit'] as const).map((d) => (
              <button
                key={d}
                type="button"
                aria-pressed={props.direction === d}
                onClick={() => props.onDirection(d)}
              >
                {d === 'entry' ? 'Entry' : 'Exit'}
              </button>
            ))}
          </div>
        )}
      </div>
      <form className="typed" onSubmit={submit}>
        <label htmlFor="typed-code" className="hint">
          Or type a ticket code
        </label>
        <input
          id="typed-code"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
        />
        <button type="submit">Check</button>
      </form>
    </section>
  );
}
