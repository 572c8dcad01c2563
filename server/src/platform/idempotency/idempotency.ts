import { createHash } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { invalid, unprocessable } from '../errors.js';

/** A stored first answer to an Idempotency-Key. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/** Validates an Idempotency-Key header value (visible ASCII, 1-255 characters). */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !KEY.test(value)) {
    throw invalid(
      'invalid_idempotency_key',
      'Idempotency-Key must be 1 to 255 visible ASCII characters.',
      [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
    );
  }
  return value;
}

export const requestHash = (body: unknown) =>
  createHash('sha256').update(JSON.stringify(body)).digest('hex');

/**
 * Claims `key` in `scope` inside the caller's transaction. A concurrent request with the same key
 * waits on the row until the first one commits. Returns the stored response to replay, or
 * undefined when this request is the first (it must then call `saveResponse` before committing).
 * The same key with another body is refused with 422.
 */
export async function claimIdempotencyKey(
  tx: Queryable,
  scope: string,
  key: string,
  hash: string,
): Promise<StoredResponse | undefined> {
  const inserted = await tx.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response)
     VALUES ($1, $2, $3, 0, 'null'::jsonb) ON CONFLICT DO NOTHING RETURNING 1`,
    [scope, key, hash],
  );
  if (inserted.rowCount === 1) return undefined;
  const { rows } = await tx.query<{ request_hash: string; status_code: number; response: unknown }>(
    'SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2',
    [scope, key],
  );
  const row = rows[0]!;
  if (row.request_hash !== hash) {
    throw unprocessable(
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request body.',
    );
  }
  return { status: row.status_code, body: row.response };
}

export async function saveResponse(
  tx: Queryable,
  scope: string,
  key: string,
  response: StoredResponse,
): Promise<void> {
  await tx.query(
    'UPDATE idempotency_keys SET status_code = $3, response = $4::jsonb WHERE scope = $1 AND key = $2',
    [scope, key, response.status, JSON.stringify(response.body)],
  );
}
