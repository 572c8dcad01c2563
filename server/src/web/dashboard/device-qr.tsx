import QRCode from 'qrcode';
import { useMemo } from 'react';
import { crispSize } from '../lib/crisp-size.js';

// The box is this size from the first paint (and in CSS), so nothing moves around the code.
const BOX_PX = 240;
// As the tickets' codes: correction M and the standard 4-module quiet zone scanners look for.
const QUIET = 4;

/**
 * `text` as a QR code, drawn here in the browser as SVG elements (no markup strings, so nothing
 * in `text` can become HTML), at a whole number of pixels per module so its edges stay sharp.
 */
export function DeviceQr({
  text,
  label,
  testId = 'enrollment-qr',
}: {
  text: string;
  label: string;
  testId?: string;
}) {
  const { path, side } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++)
        if (modules.get(row, col)) d += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
    return { path: d, side: modules.size + 2 * QUIET };
  }, [text]);
  const size = crispSize(BOX_PX, side);
  return (
    <div className="device-qr" data-testid={testId}>
      <svg
        role="img"
        aria-label={label}
        width={size}
        height={size}
        viewBox={`0 0 ${side} ${side}`}
        shapeRendering="crispEdges"
      >
        <rect width={side} height={side} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
    </div>
  );
}
