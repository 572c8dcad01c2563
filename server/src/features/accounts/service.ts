import type { Db, Queryable } from '../../platform/db/db.js';
import { appendAudit, recorded } from '../audit/service.js';
import { conflict, forbidden, notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { SCOPES } from '../identity/principal.js';
import { hashPassword, newPassword, verifyPassword } from './password.js';
import * as store from './store.js';
import type { OrganizerAccount } from './store.js';

/** Everything but `admin`: an organizer runs events; managing accounts is asked for explicitly. */
export const DEFAULT_ORGANIZER_SCOPES = SCOPES.filter((s) => s !== 'admin');

export interface NewAccount {
  email: string;
  name: string;
  password?: string | undefined;
  scopes?: string[] | undefined;
  organizationAdmin?: boolean | undefined;
}

/**
 * Creates an organizer of the caller's organization. Without a password one is generated and
 * returned this once. Nobody hands out a scope they do not hold themselves.
 */
export async function createAccount(
  db: Db,
  principal: Principal,
  input: NewAccount,
): Promise<OrganizerAccount & { password?: string }> {
  const scopes = input.scopes ?? DEFAULT_ORGANIZER_SCOPES;
  const beyond = scopes.find((s) => !principal.scopes.has(s));
  if (beyond !== undefined)
    throw forbidden('scope_not_held', `You cannot grant the scope ${beyond}: you do not hold it.`);
  const password = input.password ?? newPassword();
  const passwordHash = await hashPassword(password);
  const account = await db.transaction(async (tx) => {
    const made = await store.insertAccount(tx, {
      organizationId: principal.organizationId,
      email: input.email,
      name: input.name,
      passwordHash,
      scopes: [...new Set(scopes)],
      organizationAdmin: input.organizationAdmin ?? false,
    });
    if (!made)
      throw conflict('email_taken', `An organizer account for ${input.email} already exists.`);
    return recorded(tx, principal, 'account.created', null, null, made);
  });
  return input.password === undefined ? { ...account, password } : account;
}

export interface AccountChange {
  name?: string | undefined;
  scopes?: string[] | undefined;
  organizationAdmin?: boolean | undefined;
}

/** Whether an account administers its organization: it manages accounts and reaches every event. */
const administers = (a: Pick<OrganizerAccount, 'scopes' | 'organizationAdmin' | 'disabledAt'>) =>
  a.organizationAdmin && a.scopes.includes('admin') && a.disabledAt === null;

/**
 * Changes an account's name, scopes or organization-wide reach (making an existing organizer an
 * organization admin, or no longer one). Nobody hands out a scope they do not hold, and the last
 * account administering the organization cannot be demoted, so it is never left without one.
 */
export async function updateAccount(
  db: Db,
  principal: Principal,
  id: string,
  change: AccountChange,
): Promise<OrganizerAccount> {
  const beyond = change.scopes?.find((s) => !principal.scopes.has(s));
  if (beyond !== undefined)
    throw forbidden('scope_not_held', `You cannot grant the scope ${beyond}: you do not hold it.`);
  return db.transaction(async (tx) => {
    const admins = await store.lockAdministrators(tx, principal.organizationId);
    const before = await store.lockAccount(tx, principal.organizationId, id);
    if (!before) throw notFound('organizer account', id);
    const next = {
      name: change.name ?? before.name,
      scopes: change.scopes ? [...new Set(change.scopes)] : before.scopes,
      organizationAdmin: change.organizationAdmin ?? before.organizationAdmin,
    };
    if (administers(before) && !administers({ ...before, ...next }) && admins.length === 1)
      throw conflict(
        'last_administrator',
        `${before.email} is the organization's last administrator; make another account one first.`,
      );
    const after = await store.updateAccount(tx, id, next);
    return recorded(tx, principal, 'account.updated', null, before, after);
  });
}

export async function disableAccount(db: Db, principal: Principal, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await store.disableAccount(tx, principal.organizationId, id)))
      throw notFound('organizer account', id);
    await appendAudit(tx, principal, {
      action: 'account.disabled',
      objectType: 'account',
      objectId: id,
      after: { disabled: true },
    });
  });
}

// Verifying against this when the email is unknown keeps both answers equally slow, so response
// times do not tell which addresses have accounts.
const decoy = hashPassword(newPassword());

/** The active account these credentials belong to, or undefined. */
export async function signIn(
  q: Queryable,
  email: string,
  password: string,
): Promise<OrganizerAccount | undefined> {
  const found = await store.findAccountForLogin(q, email);
  const ok = await verifyPassword(password, found?.passwordHash ?? (await decoy));
  return ok && found && !found.account.disabledAt ? found.account : undefined;
}
