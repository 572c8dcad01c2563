-- Orders in the organizer's daily work: payment references, invoices and credit notes.

-- An order's payment reference (LY-XXXX-XXXX) encodes its id's last 10 hex digits; a bank
-- statement line or a search looks the order up through this.
CREATE INDEX orders_reference ON orders (right(id::text, 10));

-- The organizer's legal details, printed on every invoice (null: not given yet).
ALTER TABLE organizations
  ADD COLUMN legal_name text,
  ADD COLUMN address text,
  ADD COLUMN vat_id text;

-- Tax rate of a ticket type in basis points (1900 = 19 %). Prices are gross: the tax is in them.
ALTER TABLE ticket_types
  ADD COLUMN tax_rate_bp integer NOT NULL DEFAULT 0 CHECK (tax_rate_bp BETWEEN 0 AND 10000);

-- Invoice and credit note numbers are gapless per organization: the counter row is taken (locked)
-- and moved in the transaction that records the payment or the cancellation, so a number is only
-- ever used by a document that committed with it.
CREATE TABLE invoice_counters (
  organization_id uuid PRIMARY KEY REFERENCES organizations (id),
  last_number bigint NOT NULL
);

-- What was billed, frozen when issued: seller, buyer, lines and tax summary (the PDF is rendered
-- from this, so a later change of a ticket type or of the legal details does not change it).
CREATE TABLE invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  order_id uuid NOT NULL REFERENCES orders (id),
  kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  number bigint NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  document jsonb NOT NULL,
  UNIQUE (organization_id, number),
  UNIQUE (order_id, kind)
);
