import type { ErrorRequestHandler, Response } from 'express';
import { DomainError, type ErrorKind, type FieldIssue } from '../platform/errors.js';

/** RFC 9457 problem details, with the stable `code` clients switch on. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldIssue[];
  [extension: string]: unknown;
}

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_many: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const problemType = (code: string) => `urn:lanyard:problem:${code}`;

export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: problemType(code),
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

export function sendProblem(res: Response, p: Problem): void {
  if (res.headersSent) return;
  if (p.status === 401) res.setHeader('WWW-Authenticate', `Bearer error="invalid_token"`);
  res.status(p.status).type('application/problem+json').send(JSON.stringify(p));
}

/** Maps a thrown value to a problem; anything unexpected is a 500 and is logged with its stack. */
export function toProblem(err: unknown): Problem {
  if (err instanceof DomainError) {
    const { fields, retryAfterSeconds: _r, ...rest } = err.extra;
    return problem(STATUS[err.kind], err.code, err.message, {
      ...rest,
      ...(fields ? { errors: fields } : {}),
    });
  }
  // body-parser (express.json) errors carry a `type` and an HTTP status.
  const e = err as { type?: string; status?: number; expose?: boolean; message?: string };
  switch (e.type) {
    case 'entity.parse.failed':
      return problem(400, 'malformed_json', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return problem(413, 'body_too_large', 'The request body is larger than the server accepts.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problem(415, 'unsupported_encoding', e.message ?? 'Unsupported body encoding.');
    case 'request.aborted':
      return problem(400, 'request_aborted', 'The request was aborted before its body arrived.');
  }
  if (isDatabaseUnavailable(err)) {
    return problem(
      503,
      'database_unavailable',
      'The database did not answer; retry shortly. Nothing was saved.',
      {
        retryAfterSeconds: 1,
      },
    );
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose) {
    return problem(e.status, 'bad_request', e.message ?? 'Bad request.');
  }
  return problem(
    500,
    'internal_error',
    'The server failed to handle this request; it has been logged.',
  );
}

/** A lost or refused database connection: the request is fine, the server cannot serve it now. */
function isDatabaseUnavailable(err: unknown): boolean {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
  if (
    typeof code === 'string' &&
    (/^57P0[1-3]$/.test(code) ||
      /^08/.test(code) ||
      code === 'ECONNREFUSED' ||
      code === 'ECONNRESET')
  ) {
    return true;
  }
  return typeof message === 'string' && /^Connection terminated/.test(message);
}

export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const p = toProblem(err);
  if (p.status >= 500) req.log?.error({ err }, 'request failed');
  if (p.status === 503) res.setHeader('Retry-After', '1');
  if (err instanceof DomainError && err.extra.retryAfterSeconds !== undefined) {
    res.setHeader('Retry-After', String(err.extra.retryAfterSeconds));
  }
  sendProblem(res, p);
};
