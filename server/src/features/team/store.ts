import type { Queryable } from '../../platform/db/db.js';
import type { EventRole } from './roles.js';

/** What decides an account's reach, read on its requests. */
export interface AccountAccess {
  organizationAdmin: boolean;
  disabled: boolean;
  roles: Map<string, EventRole>;
}

export async function accountAccess(
  q: Queryable,
  accountId: string,
): Promise<AccountAccess | undefined> {
  const { rows } = await q.query<{
    organization_admin: boolean;
    disabled: boolean;
    events: string[] | null;
    roles: EventRole[] | null;
  }>(
    `SELECT a.organization_admin, a.disabled_at IS NOT NULL AS disabled,
            array_agg(r.event_id::text) FILTER (WHERE r.event_id IS NOT NULL) AS events,
            array_agg(r.role) FILTER (WHERE r.event_id IS NOT NULL) AS roles
     FROM organizer_accounts a LEFT JOIN event_roles r ON r.account_id = a.id
     WHERE a.id = $1
     GROUP BY a.id`,
    [accountId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const events = row.events ?? [];
  const roles = row.roles ?? [];
  return {
    organizationAdmin: row.organization_admin,
    disabled: row.disabled,
    roles: new Map(events.map((e, i) => [e, roles[i]!])),
  };
}

/** The event a kiosk client is bound to, or undefined for any other client. */
export async function deviceOfClient(
  q: Queryable,
  clientId: string,
): Promise<{ eventId: string; revoked: boolean } | undefined> {
  const { rows } = await q.query<{ event_id: string; revoked: boolean }>(
    'SELECT event_id, revoked_at IS NOT NULL AS revoked FROM devices WHERE client_id = $1',
    [clientId],
  );
  return rows[0] && { eventId: rows[0].event_id, revoked: rows[0].revoked };
}

/** Objects addressed without their event, and the table that says which event they belong to. */
export const OWNED_OBJECTS = {
  ticket: 'tickets',
  order: 'orders',
  webhook: 'webhook_endpoints',
  message: 'notification_messages',
  broadcast: 'notification_broadcasts',
  waitlist_entry: 'waitlist_entries',
} as const;
export type OwnedObject = keyof typeof OWNED_OBJECTS;

/** The object's event: undefined when there is no such object, null when it has no event. */
export async function eventOfObject(
  q: Queryable,
  kind: OwnedObject,
  id: string,
): Promise<string | null | undefined> {
  const { rows } = await q.query<{ event_id: string | null }>(
    `SELECT event_id FROM ${OWNED_OBJECTS[kind]} WHERE id = $1`,
    [id],
  );
  return rows[0] ? rows[0].event_id : undefined;
}

export interface TeamMember {
  accountId: string;
  email: string;
  name: string;
  role: EventRole;
  grantedBy: string;
  grantedAt: string;
}

type MemberRow = {
  account_id: string;
  email: string;
  name: string;
  role: EventRole;
  granted_by: string;
  granted_at: Date;
};

const toMember = (r: MemberRow): TeamMember => ({
  accountId: r.account_id,
  email: r.email,
  name: r.name,
  role: r.role,
  grantedBy: r.granted_by,
  grantedAt: r.granted_at.toISOString(),
});

const MEMBER = `SELECT r.account_id, a.email, a.name, r.role, r.granted_by, r.granted_at
  FROM event_roles r JOIN organizer_accounts a ON a.id = r.account_id`;

export async function listTeam(q: Queryable, eventId: string): Promise<TeamMember[]> {
  const { rows } = await q.query<MemberRow>(
    `${MEMBER} WHERE r.event_id = $1 ORDER BY r.granted_at, a.email`,
    [eventId],
  );
  return rows.map(toMember);
}

export async function findMember(
  q: Queryable,
  eventId: string,
  accountId: string,
): Promise<TeamMember | undefined> {
  const { rows } = await q.query<MemberRow>(
    `${MEMBER} WHERE r.event_id = $1 AND r.account_id = $2`,
    [eventId, accountId],
  );
  return rows[0] && toMember(rows[0]);
}

/** Sets the account's one role on the event; true when it had none before. */
export async function putRole(
  q: Queryable,
  g: { eventId: string; accountId: string; role: EventRole; grantedBy: string },
): Promise<boolean> {
  const { rows } = await q.query<{ created: boolean }>(
    `INSERT INTO event_roles (event_id, account_id, role, granted_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (event_id, account_id) DO UPDATE
       SET role = excluded.role, granted_by = excluded.granted_by, granted_at = now()
     RETURNING (xmax = 0) AS created`,
    [g.eventId, g.accountId, g.role, g.grantedBy],
  );
  return rows[0]!.created;
}

export async function deleteRole(
  q: Queryable,
  eventId: string,
  accountId: string,
): Promise<boolean> {
  const { rowCount } = await q.query(
    'DELETE FROM event_roles WHERE event_id = $1 AND account_id = $2',
    [eventId, accountId],
  );
  return rowCount > 0;
}

/** The account, when it belongs to the organization. */
export async function accountOfOrganization(
  q: Queryable,
  organizationId: string,
  accountId: string,
): Promise<{ disabled: boolean } | undefined> {
  const { rows } = await q.query<{ disabled: boolean }>(
    `SELECT disabled_at IS NOT NULL AS disabled FROM organizer_accounts
     WHERE id = $1 AND organization_id = $2`,
    [accountId, organizationId],
  );
  return rows[0];
}

export async function eventOfOrganization(
  q: Queryable,
  organizationId: string,
  eventId: string,
): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM events WHERE id = $1 AND organization_id = $2', [
    eventId,
    organizationId,
  ]);
  return rows.length > 0;
}
