import { accessKeyMatches } from '../../platform/access-key.js';
import type { Principal } from '../identity/principal.js';
import type { HistoryEntry } from './schema.js';

/**
 * Who is asking about a ticket: staff with a bearer token (scope already checked), or the holder
 * with the access key of the ticket's order — or, once transferred, of the ticket itself.
 */
export type Accessor =
  { kind: 'staff'; principal: Principal } | { kind: 'holder'; accessKey: string };

/** What a ticket needs to be checked against an accessor. */
export interface Guarded {
  organizationId: string;
  accessKeyHash: string;
}

/** Whether the accessor may see and act on the ticket. A refusal answers "not found", never 403. */
export function opens(accessor: Accessor, ticket: Guarded): boolean {
  return accessor.kind === 'staff'
    ? accessor.principal.organizationId === ticket.organizationId
    : accessKeyMatches(accessor.accessKey, ticket.accessKeyHash);
}

/** The name history entries give the accessor. */
export function actorName(accessor: Accessor): string {
  return accessor.kind === 'staff'
    ? (accessor.principal.clientId ?? accessor.principal.subject)
    : 'attendee';
}

/**
 * History as the accessor may see it: staff see everything; a holder does not see who held the
 * ticket before them (a transfer's `from`), only that it was transferred.
 */
export function historyFor(accessor: Accessor, entries: HistoryEntry[]): HistoryEntry[] {
  if (accessor.kind === 'staff') return entries;
  return entries.map((e) => {
    if (!('from' in e.details)) return e;
    const { from: _from, ...details } = e.details;
    return { ...e, details };
  });
}
