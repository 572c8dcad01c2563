// Roles per event and what each may do. Pure: no I/O.

export const EVENT_ROLES = ['owner', 'organizer', 'staff', 'viewer', 'kiosk'] as const;
export type EventRole = (typeof EVENT_ROLES)[number];

/**
 * What a route asks of the caller on one event:
 * - `read`: the event's setup and figures (ticket types, lists, stats, reports);
 * - `personal`: attendees' personal data (emails, answers, orders, exports, messages);
 * - `find`: find a person by name and reprint their badge;
 * - `checkin`: admit people (online scans, scan upload, the sync feed);
 * - `manage`: change the event, its sales and its attendees' data;
 * - `team`: grant and revoke roles on the event.
 */
export const CAPABILITIES = ['read', 'personal', 'find', 'checkin', 'manage', 'team'] as const;
export type Capability = (typeof CAPABILITIES)[number];

const ROLE_CAPABILITIES: Record<EventRole, ReadonlySet<Capability>> = {
  owner: new Set(CAPABILITIES),
  organizer: new Set(['read', 'personal', 'find', 'checkin', 'manage']),
  viewer: new Set(['read', 'personal', 'find']),
  staff: new Set(['read', 'find', 'checkin']),
  kiosk: new Set(['checkin']),
};

/**
 * Which events a caller reaches. Scopes stay the ceiling of what a token may do; the reach
 * decides where. Integrations (client credentials) and organization admins reach every event
 * of their organization; a kiosk its own event; any other account the events it has a role on.
 */
export type Reach =
  | { kind: 'organization' }
  | { kind: 'device'; eventId: string }
  | { kind: 'account'; accountId: string; roles: ReadonlyMap<string, EventRole> };

export function roleOn(reach: Reach, eventId: string): EventRole | 'organization' | undefined {
  switch (reach.kind) {
    case 'organization':
      return 'organization';
    case 'device':
      return reach.eventId === eventId ? 'kiosk' : undefined;
    case 'account':
      return reach.roles.get(eventId);
  }
}

/** True when the caller may do `what` on the event. */
export function may(reach: Reach, eventId: string, what: Capability): boolean {
  const role = roleOn(reach, eventId);
  if (role === undefined) return false;
  return role === 'organization' || ROLE_CAPABILITIES[role].has(what);
}

/** True when the caller holds some role on the event (so the event is not hidden from it). */
export const reaches = (reach: Reach, eventId: string): boolean =>
  roleOn(reach, eventId) !== undefined;

export const capabilitiesOf = (role: EventRole): Capability[] =>
  CAPABILITIES.filter((c) => ROLE_CAPABILITIES[role].has(c));
