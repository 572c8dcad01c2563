import type { LanyardClient } from '../client/lanyard-client.js';
import { inputError } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An account id as given, or the id of the account with this email (needs an organization admin). */
export async function accountId(client: LanyardClient, ref: string): Promise<string> {
  if (UUID.test(ref)) return ref;
  const { items } = await client.http.json<{ items: { id: string; email: string }[] }>(
    'GET',
    '/api/v1/accounts',
  );
  const found = items.find((a) => a.email.toLowerCase() === ref.toLowerCase());
  if (!found) throw inputError('account_unknown', `No organizer account has the email ${ref}.`);
  return found.id;
}

export interface TeamMember {
  accountId: string;
  email: string;
  name: string;
  role: string;
  grantedBy: string;
  grantedAt: string;
}

export const ROLES = ['owner', 'organizer', 'staff', 'viewer', 'kiosk'] as const;

export const teamPath = (eventId: string, account?: string) =>
  `/api/v1/events/${encodeURIComponent(eventId)}/team${account ? `/${encodeURIComponent(account)}` : ''}`;
