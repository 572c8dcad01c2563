import { conflict } from '../../platform/errors.js';

/** A scan id is unique across events: one already used by another event is refused, unanswered. */
export const scanIdTaken = (scanId: string) =>
  conflict('scan_id_taken', `scanId ${scanId} is already used; send a new one.`, { scanId });
