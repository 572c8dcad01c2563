// An invoice or credit note as issued: everything printed on it, frozen when its number was
// taken. Prices are gross (tax included); the tax in them is split out per rate. Pure.

export type InvoiceKind = 'invoice' | 'credit_note';

export interface Seller {
  name: string;
  legalName: string | null;
  address: string | null;
  vatId: string | null;
}

export interface InvoiceLine {
  description: string;
  quantity: number;
  unitGrossCents: number;
  grossCents: number;
  taxRateBp: number;
}

export interface TaxLine {
  rateBp: number;
  netCents: number;
  taxCents: number;
  grossCents: number;
}

export interface InvoiceDocument {
  kind: InvoiceKind;
  number: string;
  issuedAt: string;
  /** A credit note names the invoice it cancels. */
  cancels: string | null;
  seller: Seller;
  buyer: { name: string; email: string };
  eventName: string;
  orderId: string;
  orderReference: string;
  currency: string;
  lines: InvoiceLine[];
  taxes: TaxLine[];
  totals: { netCents: number; taxCents: number; grossCents: number };
}

/** What an order bought, as the invoice needs it. */
export interface BilledOrder {
  id: string;
  reference: string;
  eventName: string;
  ticketTypeName: string;
  taxRateBp: number;
  quantity: number;
  subtotalCents: number;
  discountCents: number;
  currency: string;
  buyer: { name: string; email: string };
}

/** Numbers are shown with at least six digits: 000042. */
export const invoiceNumber = (n: number | string) => String(n).padStart(6, '0');

/** The tax contained in a gross amount at a rate: net rounded to the cent, tax the rest. */
export function splitGross(grossCents: number, rateBp: number): TaxLine {
  const netCents = Math.round((grossCents * 10_000) / (10_000 + rateBp));
  return { rateBp, netCents, taxCents: grossCents - netCents, grossCents };
}

/** The lines and tax summary of an order's invoice; a credit note has every amount negated. */
export function billOrder(
  o: BilledOrder,
  kind: InvoiceKind,
): Pick<InvoiceDocument, 'lines' | 'taxes' | 'totals'> {
  const sign = kind === 'credit_note' ? -1 : 1;
  const unit = Math.round(o.subtotalCents / o.quantity);
  const lines: InvoiceLine[] = [
    {
      description: `${o.ticketTypeName} — ${o.eventName}`,
      quantity: o.quantity,
      unitGrossCents: sign * unit,
      grossCents: sign * o.subtotalCents,
      taxRateBp: o.taxRateBp,
    },
  ];
  if (o.discountCents > 0) {
    lines.push({
      description: 'Discount',
      quantity: 1,
      unitGrossCents: -sign * o.discountCents,
      grossCents: -sign * o.discountCents,
      taxRateBp: o.taxRateBp,
    });
  }
  // One rate per order today (one ticket type); summed per rate so more types stay correct.
  const byRate = new Map<number, number>();
  for (const l of lines) byRate.set(l.taxRateBp, (byRate.get(l.taxRateBp) ?? 0) + l.grossCents);
  const taxes = [...byRate].map(([rate, gross]) => splitGross(gross, rate));
  const sum = (k: 'netCents' | 'taxCents' | 'grossCents') => taxes.reduce((s, t) => s + t[k], 0);
  return {
    lines,
    taxes,
    totals: { netCents: sum('netCents'), taxCents: sum('taxCents'), grossCents: sum('grossCents') },
  };
}
