import type { Db } from '../../platform/db/db.js';
import { DomainError } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { openOrder } from '../orders/service.js';
import type { Accessor } from '../ticketing/access.js';
import type { InvoiceKind, Seller } from './document.js';
import type { UpdateOrganizationInput } from './schema.js';
import * as store from './store.js';

/** An order's invoice or credit note as PDF, for staff or for the buyer (access key). */
export async function invoicePdf(
  db: Db,
  accessor: Accessor,
  orderId: string,
  kind: InvoiceKind,
): Promise<{ number: string; pdf: Buffer }> {
  await openOrder(db, accessor, orderId);
  const doc = await store.findInvoice(db, orderId, kind);
  if (!doc) {
    throw new DomainError(
      'not_found',
      `${kind}_not_found`,
      kind === 'invoice'
        ? 'This order has no invoice: one is issued when it is paid.'
        : 'This order has no credit note: one is issued when a paid order is cancelled.',
    );
  }
  // Loaded on first use: PDFKit costs start-up time in every server that never renders an invoice.
  const { renderInvoicePdf } = await import('./invoice-pdf.js');
  return { number: doc.number, pdf: await renderInvoicePdf(doc) };
}

export const getOrganization = (db: Db, actor: Principal): Promise<Seller> =>
  store.findSeller(db, actor.organizationId);

/** Changes the organizer's details; invoices issued before keep the details they were issued with. */
export async function updateOrganization(
  db: Db,
  actor: Principal,
  patch: UpdateOrganizationInput,
): Promise<Seller> {
  return db.transaction(async (tx) => {
    const current = await store.findSeller(tx, actor.organizationId);
    const blankIsNull = (v: string | null | undefined, was: string | null) =>
      v === undefined ? was : v === null || v === '' ? null : v;
    return store.updateSeller(tx, actor.organizationId, {
      name: patch.name ?? current.name,
      legalName: blankIsNull(patch.legalName, current.legalName),
      address: blankIsNull(patch.address, current.address),
      vatId: blankIsNull(patch.vatId, current.vatId),
    });
  });
}
