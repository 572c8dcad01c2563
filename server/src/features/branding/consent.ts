import { invalid } from '../../platform/errors.js';
import type { Branding } from './schema.js';

// The buyer's agreement to the event's terms and privacy notice. Pure: no I/O.

export interface ConsentDocument {
  document: 'terms' | 'privacy';
  url: string;
}

/** What the order keeps: the documents as they were linked, and when the buyer agreed. */
export interface ConsentRecord {
  documents: ConsentDocument[];
  at: string;
}

/** The documents registration asks the buyer to agree to (none: no checkbox). */
export function consentDocuments(b: Pick<Branding, 'termsUrl' | 'privacyUrl'>): ConsentDocument[] {
  return [
    ...(b.termsUrl ? [{ document: 'terms' as const, url: b.termsUrl }] : []),
    ...(b.privacyUrl ? [{ document: 'privacy' as const, url: b.privacyUrl }] : []),
  ];
}

/**
 * The order's consent record: null when the event asks none; a 400 naming `consent` when it asks
 * and the buyer did not agree.
 */
export function consentRecord(
  documents: ConsentDocument[],
  agreed: boolean | undefined,
  now: Date,
): ConsentRecord | null {
  if (documents.length === 0) return null;
  if (agreed !== true)
    throw invalid('consent_required', 'consent: agree to the terms and privacy notice first', [
      { field: 'consent', message: 'must be true: this event asks the buyer to agree' },
    ]);
  return { documents, at: now.toISOString() };
}
