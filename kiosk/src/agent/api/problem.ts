import type { ServerResponse } from 'node:http';

/** Codes the local API answers with; the UI keys its messages on them. */
export type LocalApiErrorCode =
  | 'bad_json'
  | 'bad_data'
  | 'bad_query'
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'not_found'
  | 'method_not_allowed'
  | 'forbidden_host'
  | 'internal'
  // Staff mode and printing (staff/, printing/).
  | 'wrong_pin'
  | 'staff_locked'
  | 'staff_locked_out'
  | 'staff_session_required'
  | 'staff_mode_off'
  | 'printing_off'
  | 'badge_data_unknown'
  | 'reason_required'
  // Annulling a check-in (staff/annul-route.ts).
  | 'server_unreachable'
  | 'annul_window_passed'
  | 'not_an_admission';

/** An error answer in the same problem+json shape as the server's. */
export class LocalApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: LocalApiErrorCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function sendProblem(res: ServerResponse, error: LocalApiError): void {
  const text = JSON.stringify({
    type: 'about:blank',
    title: error.code.replace(/_/g, ' '),
    status: error.status,
    detail: error.detail,
    code: error.code,
  });
  res.writeHead(error.status, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
