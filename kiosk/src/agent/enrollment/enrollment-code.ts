import { createHash } from 'node:crypto';

/** What a kiosk was given to enroll: the code, and the server when it came as a QR code's URI. */
export interface EnrollmentInput {
  code: string;
  serverUrl?: string;
}

/**
 * Reads what was typed or scanned: a bare code (`7KQ2M-9XD4R-ZB8HT-0W3VC`) or the URI of the
 * organizer's QR code (`lanyard://enroll?server=...&code=...`), which also names the server.
 */
export function readEnrollmentInput(text: string): EnrollmentInput {
  const trimmed = text.trim();
  if (!trimmed.toLowerCase().startsWith('lanyard://')) return { code: trimmed };
  let uri: URL;
  try {
    uri = new URL(trimmed);
  } catch {
    return { code: trimmed };
  }
  const code = uri.searchParams.get('code') ?? '';
  const server = uri.searchParams.get('server');
  return { code, ...(server && { serverUrl: server }) };
}

/**
 * A fingerprint of a code, forgiving what the server forgives (case, separators, I/L/O for 1/0),
 * so a restart with the same `--enroll` is recognised without keeping the code itself.
 */
export function enrollmentCodeFingerprint(code: string): string {
  const canonical = code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return createHash('sha256').update(`lanyard-kiosk-enrollment:${canonical}`).digest('hex');
}
