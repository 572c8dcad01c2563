import type { Db, Queryable } from '../../platform/db/db.js';
import { conflict, forbidden, notFound } from '../../platform/errors.js';
import { appendAudit, recorded } from '../audit/service.js';
import type { Principal } from '../identity/principal.js';
import { SCOPES } from '../identity/principal.js';
import type { Links } from '../notifications/links.js';
import type { NoticeData } from '../notifications/messages/kinds.js';
import { announceQueued } from '../notifications/queued.js';
import { insertMessages } from '../notifications/store.js';
import * as team from '../team/store.js';
import type { EventRole } from '../team/roles.js';
import { hashPassword } from './password.js';
import {
  hashLinkToken,
  linkExpiry,
  looksLikeLinkToken,
  newLinkToken,
  type PasswordLinkPurpose,
} from './password-links.js';
import * as links from './password-link-store.js';
import { DEFAULT_ORGANIZER_SCOPES } from './service.js';
import * as store from './store.js';
import type { OrganizerAccount } from './store.js';

// Team invites and password resets: an account gets a one-time link by mail that sets its
// password. The mail is queued in the message log in the use case's own transaction (no outbox
// hop): the link's token exists only in memory here and in that message, never in the outbox.

export interface Invite {
  email: string;
  name: string;
  scopes?: string[] | undefined;
  organizationAdmin?: boolean | undefined;
  eventRoles?: { eventId: string; role: EventRole }[] | undefined;
}

/** Creates the account without a password, gives it its event roles and mails it the link. */
export async function inviteAccount(
  db: Db,
  principal: Principal,
  mailLinks: Links,
  input: Invite,
): Promise<OrganizerAccount> {
  const admin = input.organizationAdmin ?? false;
  const scopes = input.scopes ?? (admin ? [...SCOPES] : DEFAULT_ORGANIZER_SCOPES);
  const beyond = scopes.find((s) => !principal.scopes.has(s));
  if (beyond !== undefined)
    throw forbidden('scope_not_held', `You cannot grant the scope ${beyond}: you do not hold it.`);
  const account = await db.transaction(async (tx) => {
    const made = await store.insertAccount(tx, {
      organizationId: principal.organizationId,
      email: input.email,
      name: input.name,
      passwordHash: null,
      scopes: [...new Set(scopes)],
      organizationAdmin: admin,
    });
    if (!made)
      throw conflict('email_taken', `An organizer account for ${input.email} already exists.`);
    for (const { eventId, role } of input.eventRoles ?? []) {
      if (!(await team.eventOfOrganization(tx, principal.organizationId, eventId)))
        throw notFound('event', eventId);
      await team.putRole(tx, { eventId, accountId: made.id, role, grantedBy: principal.subject });
    }
    await mailLink(tx, mailLinks, made, 'invite');
    return recorded(tx, principal, 'account.invited', null, null, {
      ...made,
      eventRoles: input.eventRoles ?? [],
    });
  });
  announceQueued();
  const { eventRoles: _roles, ...plain } = account;
  return plain;
}

/**
 * Mails the account a new link (an administrator's "reset password", or "send the invite again"
 * for an account still without a password); its older links stop working.
 */
export async function sendPasswordLink(
  db: Db,
  principal: Principal,
  mailLinks: Links,
  accountId: string,
): Promise<{ purpose: PasswordLinkPurpose; expiresAt: string }> {
  const sent = await db.transaction(async (tx) => {
    const account = await store.lockAccount(tx, principal.organizationId, accountId);
    if (!account) throw notFound('organizer account', accountId);
    if (account.disabledAt)
      throw conflict('account_disabled', 'This account is disabled; it cannot set a password.');
    const purpose = account.passwordSet ? 'reset' : 'invite';
    const expiresAt = await mailLink(tx, mailLinks, account, purpose);
    await appendAudit(tx, principal, {
      action: 'account.password_link_sent',
      objectType: 'account',
      objectId: accountId,
      after: { purpose, expiresAt },
    });
    return { purpose, expiresAt } as const;
  });
  announceQueued();
  return sent;
}

/**
 * "Forgot password" on the sign-in page: mails a reset link when the address has an enabled
 * account, and does nothing otherwise. The caller answers the same either way.
 */
export async function forgotPassword(db: Db, mailLinks: Links, email: string): Promise<void> {
  const queued = await db.transaction(async (tx) => {
    const found = await store.findAccountForLogin(tx, email);
    if (!found || found.account.disabledAt) return false;
    const { account } = found;
    const purpose = account.passwordSet ? 'reset' : 'invite';
    const expiresAt = await mailLink(tx, mailLinks, account, purpose);
    await appendAudit(tx, selfActor(account), {
      action: 'account.password_link_sent',
      objectType: 'account',
      objectId: account.id,
      after: { purpose, expiresAt, requestedBy: 'self' },
    });
    return true;
  });
  if (queued) announceQueued();
}

/** The person a link belongs to while it is usable; undefined for a used, expired or unknown one. */
export async function passwordLinkHolder(
  db: Queryable,
  token: string,
): Promise<links.LinkHolder | undefined> {
  return looksLikeLinkToken(token) ? links.findUsableLink(db, hashLinkToken(token)) : undefined;
}

/**
 * Sets the password with a link, using the link up: a second use, an expired link or a disabled
 * account changes nothing and answers undefined.
 */
export async function setPasswordWithLink(
  db: Db,
  token: string,
  password: string,
): Promise<links.LinkHolder | undefined> {
  if (!looksLikeLinkToken(token)) return undefined;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const holder = await links.useLink(tx, hashLinkToken(token));
    if (!holder) return undefined;
    await links.setPasswordHash(tx, holder.accountId, passwordHash);
    await appendAudit(tx, selfActor(holder), {
      action: 'account.password_set',
      objectType: 'account',
      objectId: holder.accountId,
      after: { purpose: holder.purpose },
    });
    return holder;
  });
}

/** The account acting for itself through a mailed link (audit entries name it). */
const selfActor = (a: { organizationId: string } & ({ id: string } | { accountId: string })) => ({
  subject: 'id' in a ? a.id : a.accountId,
  clientId: undefined,
  organizationId: a.organizationId,
});

/** Stores a new link of the account and queues its mail; returns until when it works. */
async function mailLink(
  tx: Queryable,
  mailLinks: Links,
  account: Pick<OrganizerAccount, 'id' | 'organizationId' | 'email' | 'name'>,
  purpose: PasswordLinkPurpose,
): Promise<string> {
  const { token, hash } = newLinkToken();
  const expiresAt = linkExpiry(purpose);
  await links.insertPasswordLink(tx, { accountId: account.id, hash, purpose, expiresAt });
  const data: NoticeData = {
    name: account.name,
    organization: await links.organizationName(tx, account.organizationId),
    expiresAt: expiresAt.toISOString(),
    link: mailLinks.setPassword(token),
  };
  await insertMessages(tx, [
    {
      kind: purpose === 'invite' ? 'account_invite' : 'password_reset',
      eventId: null,
      recipient: account.email,
      recipientName: account.name,
      data: data as unknown as Record<string, unknown>,
    },
  ]);
  return expiresAt.toISOString();
}
