import type { Queryable } from '../../platform/db/db.js';
import type { InvoiceDocument, InvoiceKind, Seller } from './document.js';

// All SQL of invoices: the gapless counter, the issued documents, the seller's legal details.

/**
 * The organization's next invoice number. The counter row stays locked until the caller's
 * transaction ends, so numbers are handed out one transaction at a time and a rolled-back
 * transaction gives its number back: the sequence has no gaps.
 */
export async function takeNumber(tx: Queryable, organizationId: string): Promise<number> {
  const { rows } = await tx.query<{ n: string }>(
    `INSERT INTO invoice_counters (organization_id, last_number) VALUES ($1, 1)
     ON CONFLICT (organization_id) DO UPDATE SET last_number = invoice_counters.last_number + 1
     RETURNING last_number AS n`,
    [organizationId],
  );
  return Number(rows[0]!.n);
}

export async function insertInvoice(
  tx: Queryable,
  organizationId: string,
  orderId: string,
  number: number,
  doc: InvoiceDocument,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO invoices (organization_id, order_id, kind, number, issued_at, document)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [organizationId, orderId, doc.kind, number, doc.issuedAt, JSON.stringify(doc)],
  );
  return rows[0]!.id;
}

export interface IssuedInvoice {
  id: string;
  kind: InvoiceKind;
  number: string;
  issuedAt: string;
  totalCents: number;
}

export async function listOrderInvoices(db: Queryable, orderId: string): Promise<IssuedInvoice[]> {
  const { rows } = await db.query<{ id: string; document: InvoiceDocument | string }>(
    `SELECT id, document FROM invoices WHERE order_id = $1 ORDER BY number`,
    [orderId],
  );
  return rows.map((r) => {
    const d = parsed(r.document);
    return {
      id: r.id,
      kind: d.kind,
      number: d.number,
      issuedAt: d.issuedAt,
      totalCents: d.totals.grossCents,
    };
  });
}

export async function findInvoice(
  db: Queryable,
  orderId: string,
  kind: InvoiceKind,
): Promise<InvoiceDocument | undefined> {
  const { rows } = await db.query<{ document: InvoiceDocument | string }>(
    `SELECT document FROM invoices WHERE order_id = $1 AND kind = $2`,
    [orderId, kind],
  );
  return rows[0] && parsed(rows[0].document);
}

// PGlite and pg both parse jsonb; a string is kept for drivers that do not.
const parsed = (d: InvoiceDocument | string): InvoiceDocument =>
  typeof d === 'string' ? (JSON.parse(d) as InvoiceDocument) : d;

export async function findSeller(db: Queryable, organizationId: string): Promise<Seller> {
  const { rows } = await db.query<{
    name: string;
    legal_name: string | null;
    address: string | null;
    vat_id: string | null;
  }>(`SELECT name, legal_name, address, vat_id FROM organizations WHERE id = $1`, [organizationId]);
  const r = rows[0]!;
  return { name: r.name, legalName: r.legal_name, address: r.address, vatId: r.vat_id };
}

export async function updateSeller(
  db: Queryable,
  organizationId: string,
  s: Seller,
): Promise<Seller> {
  await db.query(
    `UPDATE organizations SET name = $2, legal_name = $3, address = $4, vat_id = $5 WHERE id = $1`,
    [organizationId, s.name, s.legalName, s.address, s.vatId],
  );
  return findSeller(db, organizationId);
}

export async function taxRateOf(db: Queryable, ticketTypeId: string): Promise<number> {
  const { rows } = await db.query<{ bp: number }>(
    `SELECT tax_rate_bp AS bp FROM ticket_types WHERE id = $1`,
    [ticketTypeId],
  );
  return rows[0]?.bp ?? 0;
}
