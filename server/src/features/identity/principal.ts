import { unauthenticated } from '../../platform/errors.js';
import type { Reach } from '../team/roles.js';

/** Who is calling, as established by a verified bearer token. */
export interface Principal {
  /** `sub` of the token: the client id for client_credentials, the user for interactive logins. */
  subject: string;
  clientId: string | undefined;
  organizationId: string;
  scopes: ReadonlySet<string>;
  /** Which events the caller reaches: set per request, after the token is verified. */
  reach?: Reach;
}

/** API scopes. The bootstrap client holds all of them. */
export const SCOPES = [
  'events:read',
  'events:write',
  'tickets:read',
  'tickets:write',
  'checkin',
  'devices:write',
  'webhooks:read',
  'webhooks:write',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

/** The principal of an authenticated route; its absence there is a wiring bug, reported as 401. */
export function actor(principal: Principal | undefined): Principal {
  if (!principal) throw unauthenticated('missing_token', 'This endpoint needs a bearer token.');
  return principal;
}
