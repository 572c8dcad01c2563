import type { Queryable } from '../../platform/db/db.js';

/** An organizer who signs in with email and password. */
export interface OrganizerAccount {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  scopes: string[];
  /** Reaches every event of the organization; otherwise only the events it has a role on. */
  organizationAdmin: boolean;
  disabledAt: string | null;
  /** False for an invited account whose person has not set a password yet. */
  passwordSet: boolean;
  createdAt: string;
}

type Row = {
  id: string;
  organization_id: string;
  email: string;
  name: string;
  scopes: string[];
  organization_admin: boolean;
  disabled_at: Date | null;
  created_at: Date;
  password_hash: string | null;
};

const COLUMNS =
  'id, organization_id, email, name, scopes, organization_admin, disabled_at, created_at, password_hash';

const toAccount = (r: Row): OrganizerAccount => ({
  id: r.id,
  organizationId: r.organization_id,
  email: r.email,
  name: r.name,
  scopes: r.scopes,
  organizationAdmin: r.organization_admin,
  disabledAt: r.disabled_at?.toISOString() ?? null,
  passwordSet: r.password_hash !== null,
  createdAt: r.created_at.toISOString(),
});

/** Inserts an account; undefined when the email is taken (any capitalisation). */
export async function insertAccount(
  q: Queryable,
  a: {
    organizationId: string;
    email: string;
    name: string;
    /** null: invited; the person sets it through the mailed link. */
    passwordHash: string | null;
    scopes: string[];
    organizationAdmin: boolean;
  },
): Promise<OrganizerAccount | undefined> {
  const { rows } = await q.query<Row>(
    `INSERT INTO organizer_accounts
       (organization_id, email, name, password_hash, scopes, organization_admin)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ((lower(email))) DO NOTHING
     RETURNING ${COLUMNS}`,
    [a.organizationId, a.email, a.name, a.passwordHash, a.scopes, a.organizationAdmin],
  );
  return rows[0] && toAccount(rows[0]);
}

export async function listAccounts(
  q: Queryable,
  organizationId: string,
): Promise<OrganizerAccount[]> {
  const { rows } = await q.query<Row>(
    `SELECT ${COLUMNS} FROM organizer_accounts WHERE organization_id = $1 ORDER BY created_at, id`,
    [organizationId],
  );
  return rows.map(toAccount);
}

export async function findAccountById(
  q: Queryable,
  id: string,
): Promise<OrganizerAccount | undefined> {
  const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM organizer_accounts WHERE id = $1`, [
    id,
  ]);
  return rows[0] && toAccount(rows[0]);
}

/** The account and its password hash, for signing in. */
export async function findAccountForLogin(
  q: Queryable,
  email: string,
): Promise<{ account: OrganizerAccount; passwordHash: string | null } | undefined> {
  const { rows } = await q.query<Row>(
    `SELECT ${COLUMNS} FROM organizer_accounts WHERE lower(email) = lower($1)`,
    [email],
  );
  const row = rows[0];
  return row && { account: toAccount(row), passwordHash: row.password_hash };
}

/** Disables an account of the organization; false when there is none. */
export async function disableAccount(
  q: Queryable,
  organizationId: string,
  id: string,
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE organizer_accounts SET disabled_at = coalesce(disabled_at, now())
     WHERE id = $1 AND organization_id = $2`,
    [id, organizationId],
  );
  return rowCount > 0;
}

/** The account of the organization, locked until the transaction ends; undefined when none. */
export async function lockAccount(
  q: Queryable,
  organizationId: string,
  id: string,
): Promise<OrganizerAccount | undefined> {
  const { rows } = await q.query<Row>(
    `SELECT ${COLUMNS} FROM organizer_accounts WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
    [id, organizationId],
  );
  return rows[0] && toAccount(rows[0]);
}

/**
 * The organization's enabled accounts that administer it (organization admins holding `admin`),
 * locked: two admins demoting each other at once queue here, so one of them stays.
 */
export async function lockAdministrators(q: Queryable, organizationId: string): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM organizer_accounts
      WHERE organization_id = $1 AND organization_admin AND 'admin' = ANY (scopes)
        AND disabled_at IS NULL
      ORDER BY id FOR UPDATE`,
    [organizationId],
  );
  return rows.map((r) => r.id);
}

export async function updateAccount(
  q: Queryable,
  id: string,
  a: { name: string; scopes: string[]; organizationAdmin: boolean },
): Promise<OrganizerAccount> {
  const { rows } = await q.query<Row>(
    `UPDATE organizer_accounts SET name = $2, scopes = $3, organization_admin = $4
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, a.name, a.scopes, a.organizationAdmin],
  );
  return toAccount(rows[0]!);
}
