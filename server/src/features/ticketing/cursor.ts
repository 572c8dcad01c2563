import { invalid } from '../../platform/errors.js';
import type { TicketCursor } from './store.js';

// Opaque page cursors: the position of the last ticket of a page, base64url-encoded.

export function encodeCursor(c: TicketCursor): string {
  return Buffer.from(`${c.createdUs}.${c.id}`).toString('base64url');
}

/**
 * Throws `invalid_cursor` (400) for anything this server did not hand out. Sixteen digits of
 * microseconds reach the year 2286; more would overflow the timestamp arithmetic in SQL.
 */
export function decodeCursor(cursor: string): TicketCursor {
  const match = /^(\d{1,16})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(
    Buffer.from(cursor, 'base64url').toString(),
  );
  if (!match) {
    throw invalid('invalid_cursor', 'cursor is not one this server handed out.', [
      { field: 'query.cursor', message: 'is not valid' },
    ]);
  }
  return { createdUs: match[1]!, id: match[2]! };
}
