/**
 * Domain errors: every failure a caller can act on has a stable `code`. Services throw these;
 * only http/ turns them into problem+json, so the CLI and the kiosk see the same codes.
 */
export type ErrorKind =
  | 'invalid' // the request is malformed or breaks a rule about its own content
  | 'unauthenticated' // no usable credential
  | 'forbidden' // a credential without the right to do this
  | 'not_found'
  | 'conflict' // the request is fine but the current state refuses it
  | 'unprocessable' // the request contradicts an earlier one (e.g. an idempotency key reused)
  | 'too_many' // rate limited
  | 'unavailable'; // a backing service does not answer

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `attendee.email`. */
  field: string;
  message: string;
}

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly extra: { fields?: FieldIssue[]; retryAfterSeconds?: number } & Record<
      string,
      unknown
    > = {},
  ) {
    super(message);
  }
}

export const invalid = (code: string, message: string, fields?: FieldIssue[]) =>
  new DomainError('invalid', code, message, fields ? { fields } : {});
export const unauthenticated = (code: string, message: string) =>
  new DomainError('unauthenticated', code, message);
export const forbidden = (code: string, message: string) =>
  new DomainError('forbidden', code, message);
export const notFound = (what: string, id?: string) =>
  new DomainError(
    'not_found',
    `${what.replace(/\s+/g, '_')}_not_found`,
    id ? `No ${what} with id ${id}.` : `No such ${what}.`,
  );
export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new DomainError('conflict', code, message, extra);
export const unprocessable = (code: string, message: string) =>
  new DomainError('unprocessable', code, message);
