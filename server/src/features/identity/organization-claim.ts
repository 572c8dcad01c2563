import type { JWTPayload } from 'jose';
import type { Queryable } from '../../platform/db/db.js';
import { unauthenticated } from '../../platform/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Organizations are never deleted, so a positive answer can be remembered; bounded all the same.
const MAX_REMEMBERED = 10_000;

/**
 * The organization a token acts for: its `org` claim, which must name an organization of this
 * server, or else the default organization (external issuers that know nothing of ours).
 */
export function organizationResolver(
  db: Queryable,
  defaultOrganizationId: string,
): (claims: JWTPayload) => Promise<string> {
  const known = new Set<string>([defaultOrganizationId]);
  return async (claims) => {
    const org = claims.org;
    if (org === undefined) return defaultOrganizationId;
    if (typeof org !== 'string' || !UUID.test(org)) {
      throw unauthenticated(
        'unknown_organization',
        'The bearer token names no organization of this server.',
      );
    }
    const id = org.toLowerCase();
    if (known.has(id)) return id;
    const { rows } = await db.query('SELECT 1 FROM organizations WHERE id = $1', [id]);
    if (rows.length === 0) {
      throw unauthenticated(
        'unknown_organization',
        'The bearer token names no organization of this server.',
      );
    }
    if (known.size < MAX_REMEMBERED) known.add(id);
    return id;
  };
}
