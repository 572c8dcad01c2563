import type { Queryable } from '../../platform/db/db.js';

// All SQL of webhook endpoints.

export interface EndpointRecord {
  id: string;
  organizationId: string;
  eventId: string | null;
  url: string;
  eventTypes: string[];
  description: string;
  enabled: boolean;
  disabledReason: string | null;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

interface EndpointRow {
  id: string;
  organization_id: string;
  event_id: string | null;
  url: string;
  event_types: string[];
  description: string;
  enabled: boolean;
  disabled_reason: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  failing_since: Date | null;
  created_at: Date;
  updated_at: Date;
  [k: string]: unknown;
}

export const toEndpoint = (r: EndpointRow): EndpointRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  eventId: r.event_id,
  url: r.url,
  eventTypes: r.event_types,
  description: r.description,
  enabled: r.enabled,
  disabledReason: r.disabled_reason,
  secret: r.secret,
  previousSecret: r.previous_secret,
  previousSecretExpiresAt: r.previous_secret_expires_at,
  failingSince: r.failing_since,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function insertEndpoint(
  q: Queryable,
  e: {
    organizationId: string;
    eventId: string | null;
    url: string;
    eventTypes: readonly string[];
    description: string;
    secret: string;
  },
): Promise<EndpointRecord> {
  const { rows } = await q.query<EndpointRow>(
    `INSERT INTO webhook_endpoints (organization_id, event_id, url, event_types, description, secret)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [e.organizationId, e.eventId, e.url, e.eventTypes, e.description, e.secret],
  );
  return toEndpoint(rows[0]!);
}

export async function findEndpoint(
  q: Queryable,
  organizationId: string,
  id: string,
): Promise<EndpointRecord | undefined> {
  const { rows } = await q.query<EndpointRow>(
    'SELECT * FROM webhook_endpoints WHERE id = $1 AND organization_id = $2',
    [id, organizationId],
  );
  return rows[0] && toEndpoint(rows[0]);
}

export async function listEndpoints(
  q: Queryable,
  organizationId: string,
): Promise<EndpointRecord[]> {
  const { rows } = await q.query<EndpointRow>(
    'SELECT * FROM webhook_endpoints WHERE organization_id = $1 ORDER BY created_at, id',
    [organizationId],
  );
  return rows.map(toEndpoint);
}

export async function updateEndpoint(
  q: Queryable,
  organizationId: string,
  id: string,
  change: {
    url?: string | undefined;
    eventTypes?: readonly string[] | undefined;
    description?: string | undefined;
    enabled?: boolean | undefined;
  },
): Promise<EndpointRecord | undefined> {
  // Enabling again clears the reason and the failure streak; disabling by hand says so.
  const { rows } = await q.query<EndpointRow>(
    `UPDATE webhook_endpoints SET
       url = coalesce($3::text, url),
       event_types = coalesce($4::text[], event_types),
       description = coalesce($5::text, description),
       enabled = coalesce($6::boolean, enabled),
       disabled_reason = CASE WHEN $6::boolean IS NULL THEN disabled_reason
                              WHEN $6::boolean THEN NULL ELSE 'manual' END,
       failing_since = CASE WHEN $6::boolean THEN NULL ELSE failing_since END,
       updated_at = now()
     WHERE id = $1 AND organization_id = $2 RETURNING *`,
    [
      id,
      organizationId,
      change.url ?? null,
      change.eventTypes ?? null,
      change.description ?? null,
      change.enabled ?? null,
    ],
  );
  return rows[0] && toEndpoint(rows[0]);
}

/** New secret; the current one stays valid until `overlapUntil`. */
export async function rotateSecret(
  q: Queryable,
  organizationId: string,
  id: string,
  secret: string,
  overlapUntil: Date,
): Promise<EndpointRecord | undefined> {
  const { rows } = await q.query<EndpointRow>(
    `UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_expires_at = $4,
       secret = $3, updated_at = now()
     WHERE id = $1 AND organization_id = $2 RETURNING *`,
    [id, organizationId, secret, overlapUntil],
  );
  return rows[0] && toEndpoint(rows[0]);
}

export async function deleteEndpoint(
  q: Queryable,
  organizationId: string,
  id: string,
): Promise<boolean> {
  const { rowCount } = await q.query(
    'DELETE FROM webhook_endpoints WHERE id = $1 AND organization_id = $2',
    [id, organizationId],
  );
  return rowCount > 0;
}

/** Whether the event belongs to the organization. */
export async function eventInOrganization(
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
