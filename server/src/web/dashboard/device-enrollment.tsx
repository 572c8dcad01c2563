import { useEffect, useRef } from 'react';
import { formatInstant } from '../lib/format.js';
import { DeviceQr } from './device-qr.js';
import type { CreatedDevice } from './device-types.js';

/**
 * A new device's one-time enrollment code, large enough to type from across a table and as a QR
 * code holding `lanyard://enroll?server=…&code=…`, which `kiosk start --enroll` reads whole. The
 * code is shown only now: the server keeps its hash.
 */
export function DeviceEnrollment({
  device,
  timeZone,
  onDone,
}: {
  device: CreatedDevice;
  timeZone: string;
  onDone: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [device.id]);
  return (
    <section aria-labelledby="enrollment" className="panel enrollment">
      <h2 id="enrollment" ref={heading} tabIndex={-1}>
        Enroll {device.name}
      </h2>
      <p>
        Scan a code with the phone or the kiosk, or type the code when it asks. It works once, until{' '}
        {formatInstant(device.enrollmentExpiresAt, timeZone)}, and is not shown again.
      </p>
      <div className="enrollment-body">
        <div>
          <p className="hint">On a phone: open the camera and scan</p>
          <DeviceQr
            text={device.staffAppUrl}
            label={`Phone check-in app link for ${device.name}`}
            testId="staff-app-qr"
          />
        </div>
        <DeviceQr text={device.enrollmentUri} label={`Enrollment QR code for ${device.name}`} />
        <div>
          <p className="hint">Enrollment code</p>
          <p className="enrollment-code" data-testid="enrollment-code">
            {device.enrollmentCode}
          </p>
          <p className="hint">On a laptop with a handheld scanner:</p>
          <code className="code-text">
            lanyard kiosk start --server {window.location.origin} --enroll {device.enrollmentCode}
          </code>
        </div>
      </div>
      <button type="button" className="button button-secondary" onClick={onDone}>
        Done, hide the code
      </button>
    </section>
  );
}
