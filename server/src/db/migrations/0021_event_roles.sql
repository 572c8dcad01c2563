-- Roles per event. An organization admin reaches every event of the organization; any other
-- account reaches only the events it holds a role on, one role per event.
ALTER TABLE organizer_accounts ADD COLUMN organization_admin boolean NOT NULL DEFAULT false;

-- Accounts made before roles existed reached every event of their organization: they keep that.
UPDATE organizer_accounts SET organization_admin = true;

CREATE TABLE event_roles (
  event_id uuid NOT NULL REFERENCES events (id),
  account_id uuid NOT NULL REFERENCES organizer_accounts (id),
  role text NOT NULL CHECK (role IN ('owner', 'organizer', 'staff', 'viewer', 'kiosk')),
  granted_by text NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, account_id)
);

-- An account's roles are read on its requests (cached briefly): by account.
CREATE INDEX event_roles_account ON event_roles (account_id);
