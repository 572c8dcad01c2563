/** Every failure the hardware package reports carries a stable `code` that callers branch on. */
export type HardwareErrorCode =
  | 'scan_too_long'
  | 'scan_bad_report'
  | 'device_open_failed'
  | 'device_disconnected'
  | 'device_io_failed'
  | 'printer_uri_invalid'
  | 'printer_unreachable'
  | 'printer_timeout'
  | 'printer_rejected'
  | 'printer_status_unavailable'
  | 'badge_invalid'
  | 'frame_invalid';

export class HardwareError extends Error {
  override readonly name = 'HardwareError';
  constructor(
    readonly code: HardwareErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isHardwareError(value: unknown, code?: HardwareErrorCode): value is HardwareError {
  return value instanceof HardwareError && (code === undefined || value.code === code);
}

/** Wraps anything thrown by a driver so callers only ever see HardwareError. */
export function asHardwareError(
  err: unknown,
  code: HardwareErrorCode,
  context: string,
): HardwareError {
  if (err instanceof HardwareError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new HardwareError(code, `${context}: ${detail}`, { cause: err });
}
