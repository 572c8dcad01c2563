-- Everything the embedded OAuth2 issuer (oidc-provider) persists: clients, grants, sessions,
-- codes. One row per model instance, so replicas share them through the database.
CREATE TABLE oidc_payloads (
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX oidc_payloads_grant ON oidc_payloads (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX oidc_payloads_user_code ON oidc_payloads (model, user_code) WHERE user_code IS NOT NULL;
CREATE INDEX oidc_payloads_uid ON oidc_payloads (model, uid) WHERE uid IS NOT NULL;
CREATE INDEX oidc_payloads_expires ON oidc_payloads (expires_at) WHERE expires_at IS NOT NULL;

-- Token signing keys (private JWKs) and cookie secrets, generated on first start so that
-- restarts and replicas sign and verify with the same keys. The newest key of a purpose is used.
CREATE TABLE identity_keys (
  id text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('signing', 'cookie')),
  material jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);
CREATE INDEX identity_keys_purpose ON identity_keys (purpose, created_at DESC);
