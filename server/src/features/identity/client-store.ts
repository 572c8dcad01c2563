import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../platform/db/db.js';
import type { Scope } from './principal.js';
import { PayloadStore } from './payload-store.js';

/** An OAuth2 client of the embedded issuer: a script, a kiosk device, the CLI. */
export interface ApiClient {
  clientId: string;
  clientSecret: string;
  name: string;
  organizationId: string;
  /** The most a token of this client can carry; no `scope` in a token request means all of them. */
  scopes: readonly Scope[];
}

/** The client metadata oidc-provider reads back through its adapter (RFC 7591 names). */
export function toClientMetadata(client: ApiClient): Record<string, unknown> {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    client_name: client.name,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    // Either method works at the token endpoint: oidc-provider treats basic and post alike.
    token_endpoint_auth_method: 'client_secret_basic',
    scope: client.scopes.join(' '),
    organization_id: client.organizationId,
  };
}

function fromClientMetadata(m: Record<string, unknown>): ApiClient {
  return {
    clientId: String(m.client_id),
    clientSecret: String(m.client_secret),
    name: String(m.client_name ?? ''),
    organizationId: String(m.organization_id),
    scopes: String(m.scope ?? '')
      .split(' ')
      .filter(Boolean) as Scope[],
  };
}

/** A client secret with 256 bits of entropy. */
export const newClientSecret = () => randomBytes(32).toString('base64url');

/** Stores (or replaces) a client; the issuer sees it on its next token request, on every replica. */
export async function saveClient(q: Queryable, client: ApiClient): Promise<void> {
  await new PayloadStore(q, 'Client').upsert(client.clientId, toClientMetadata(client), undefined);
}

export async function findClient(q: Queryable, clientId: string): Promise<ApiClient | undefined> {
  const metadata = await new PayloadStore(q, 'Client').find(clientId);
  return metadata ? fromClientMetadata(metadata) : undefined;
}

/** Removes a client: its secret stops working at once; tokens already issued run out their lifetime. */
export async function deleteClient(q: Queryable, clientId: string): Promise<void> {
  await new PayloadStore(q, 'Client').destroy(clientId);
}
