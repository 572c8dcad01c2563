import type { Queryable } from '../../platform/db/db.js';
import type { PasswordLinkPurpose } from './password-links.js';

// All SQL of the one-time password links (account_tokens).

/** Stores a new link of the account; its older unused links stop working. */
export async function insertPasswordLink(
  q: Queryable,
  l: { accountId: string; hash: string; purpose: PasswordLinkPurpose; expiresAt: Date },
): Promise<void> {
  await q.query(
    `UPDATE account_tokens SET used_at = now() WHERE account_id = $1 AND used_at IS NULL`,
    [l.accountId],
  );
  await q.query(
    `INSERT INTO account_tokens (token_hash, account_id, purpose, expires_at)
     VALUES ($1, $2, $3, $4)`,
    [l.hash, l.accountId, l.purpose, l.expiresAt],
  );
}

export type LinkHolder = {
  accountId: string;
  organizationId: string;
  email: string;
  name: string;
  purpose: PasswordLinkPurpose;
};

const HOLDER = `SELECT a.id AS "accountId", a.organization_id AS "organizationId", a.email, a.name,
    t.purpose
  FROM account_tokens t JOIN organizer_accounts a ON a.id = t.account_id
  WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
    AND a.disabled_at IS NULL`;

/** The enabled account a usable (unused, unexpired) link belongs to; undefined otherwise. */
export async function findUsableLink(q: Queryable, hash: string): Promise<LinkHolder | undefined> {
  const { rows } = await q.query<LinkHolder>(HOLDER, [hash]);
  return rows[0];
}

/**
 * Uses the link: marks it used if it is usable, in one conditional write, so two forms sent at
 * once with the same link cannot both set a password. Undefined when it was not usable.
 */
export async function useLink(q: Queryable, hash: string): Promise<LinkHolder | undefined> {
  const { rows } = await q.query<LinkHolder>(
    `WITH used AS (
       UPDATE account_tokens t SET used_at = now()
         FROM organizer_accounts a
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
          AND a.id = t.account_id AND a.disabled_at IS NULL
       RETURNING a.id AS "accountId", a.organization_id AS "organizationId", a.email, a.name,
                 t.purpose)
     SELECT * FROM used`,
    [hash],
  );
  return rows[0];
}

export async function setPasswordHash(
  q: Queryable,
  accountId: string,
  passwordHash: string,
): Promise<void> {
  await q.query('UPDATE organizer_accounts SET password_hash = $2 WHERE id = $1', [
    accountId,
    passwordHash,
  ]);
  // The person's other links (an older reset, say) stop working too.
  await q.query(
    'UPDATE account_tokens SET used_at = now() WHERE account_id = $1 AND used_at IS NULL',
    [accountId],
  );
}

export async function organizationName(q: Queryable, organizationId: string): Promise<string> {
  const { rows } = await q.query<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [
    organizationId,
  ]);
  return rows[0]?.name ?? 'Lanyard';
}
