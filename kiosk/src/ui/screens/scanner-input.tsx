import { useEffect, useRef } from 'react';
import { WedgeRecogniser } from '@lanyard/core/browser';
import { strings } from '../strings.js';

/**
 * For scanners left in keyboard mode: an input that keeps the focus and hands over a code when
 * keys arrive at scanner speed and end with Enter or Tab. Slow typing goes nowhere.
 */
export function ScannerInput({ onScan, active }: { onScan(code: string): void; active: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  const recogniser = useRef(new WedgeRecogniser());
  useEffect(() => {
    if (!active) return;
    const input = ref.current;
    input?.focus();
    // Keep the focus: a click anywhere on the screen must not lose the scanner. Tabbing to a
    // button (the staff button) is allowed; focus comes back when it leaves that button.
    const refocus = (e: FocusEvent) => {
      if (e.relatedTarget === null) setTimeout(() => input?.focus(), 0);
    };
    const back = (e: FocusEvent) => {
      if (e.relatedTarget === null && e.target !== input) setTimeout(() => input?.focus(), 0);
    };
    document.addEventListener('focusout', back);
    input?.addEventListener('blur', refocus);
    return () => {
      input?.removeEventListener('blur', refocus);
      document.removeEventListener('focusout', back);
    };
  }, [active]);
  if (!active) return null;
  return (
    <input
      ref={ref}
      className="visually-hidden"
      aria-label={strings.scannerInput}
      autoComplete="off"
      data-testid="scanner-input"
      onKeyDown={(e) => {
        const wasBusy = recogniser.current.busy;
        const code = recogniser.current.push(e.key, e.timeStamp);
        const scanning = wasBusy || code !== undefined;
        if (e.key.length === 1 || (scanning && (e.key === 'Tab' || e.key === 'Enter'))) {
          e.preventDefault();
        }
        if (code) onScan(code);
      }}
      readOnly
    />
  );
}
