-- People who sign in interactively (the CLI's device login, the dashboard): an email and a
-- password hash, the API scopes they may hold, and the organization they act for.
CREATE TABLE organizer_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  scopes text[] NOT NULL,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One account per address, however it is capitalised.
CREATE UNIQUE INDEX organizer_accounts_email ON organizer_accounts (lower(email));
