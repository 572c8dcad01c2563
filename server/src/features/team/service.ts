import type { Db } from '../../platform/db/db.js';
import { conflict, notFound } from '../../platform/errors.js';
import { appendAudit } from '../audit/service.js';
import type { Principal } from '../identity/principal.js';
import { authorizerFor } from './authorizer.js';
import type { EventRole } from './roles.js';
import * as store from './store.js';
import type { TeamMember } from './store.js';

// Use cases of an event's team: one exported function each, one transaction each. Who may call
// them is decided before (route-access.ts: owners and organization admins change the team).

export async function listTeam(db: Db, actor: Principal, eventId: string): Promise<TeamMember[]> {
  await requireEvent(db, actor, eventId);
  return store.listTeam(db, eventId);
}

/** Gives the account this role on the event (its only one there); created says it had none. */
export async function putMember(
  db: Db,
  actor: Principal,
  eventId: string,
  accountId: string,
  role: EventRole,
): Promise<{ member: TeamMember; created: boolean }> {
  return db.transaction(async (tx) => {
    await requireEvent(tx, actor, eventId);
    const account = await store.accountOfOrganization(tx, actor.organizationId, accountId);
    if (!account) throw notFound('organizer account', accountId);
    if (account.disabled)
      throw conflict('account_disabled', 'This account is disabled; it cannot be given a role.');
    const created = await store.putRole(tx, {
      eventId,
      accountId,
      role,
      grantedBy:
        actor.clientId && actor.subject === actor.clientId ? actor.clientId : actor.subject,
    });
    const member = (await store.findMember(tx, eventId, accountId))!;
    await appendAudit(tx, actor, {
      action: 'team.role_granted',
      objectType: 'account',
      objectId: accountId,
      eventId,
      after: { role },
    });
    return { member, created };
  });
}

export async function removeMember(
  db: Db,
  actor: Principal,
  eventId: string,
  accountId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await requireEvent(tx, actor, eventId);
    if (!(await store.deleteRole(tx, eventId, accountId))) throw notFound('team member', accountId);
    await appendAudit(tx, actor, {
      action: 'team.role_revoked',
      objectType: 'account',
      objectId: accountId,
      eventId,
    });
  });
}

/**
 * The creator of an event owns it (an organization admin reaches it anyway); call inside the
 * creating transaction, then `ownerMade` after it commits.
 */
export async function makeOwner(
  q: Parameters<typeof store.putRole>[0],
  actor: Principal,
  eventId: string,
): Promise<void> {
  if (actor.reach?.kind !== 'account') return;
  await store.putRole(q, {
    eventId,
    accountId: actor.reach.accountId,
    role: 'owner',
    grantedBy: actor.subject,
  });
}

/** The creator's next request sees its new event. */
export function ownerMade(db: Db, actor: Principal): void {
  if (actor.reach?.kind === 'account') authorizerFor(db).forgetAccount(actor.reach.accountId);
}

async function requireEvent(
  q: Parameters<typeof store.eventOfOrganization>[0],
  actor: Principal,
  eventId: string,
): Promise<void> {
  if (!(await store.eventOfOrganization(q, actor.organizationId, eventId)))
    throw notFound('event', eventId);
}
