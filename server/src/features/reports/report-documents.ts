/**
 * The documents an index outside PostgreSQL holds for reports, one per row of its table, keyed
 * by that row's id. Reports are aggregations over them (elasticsearch-source.ts).
 */
export interface OrderDocument {
  orderId: string;
  eventId: string;
  ticketTypeId: string;
  /** portal, import or access_code (migration 0022). */
  channel: string;
  status: string;
  promoCodeId: string | null;
  createdAt: string;
  quantity: number;
  totalCents: number;
  discountCents: number;
  refundedCents: number;
  /** `questionId:answer` for each answer to a choice or checkbox question. */
  answers: string[];
}

export interface RefundDocument {
  refundId: string;
  orderId: string;
  eventId: string;
  createdAt: string;
  amountCents: number;
}

export interface TicketDocument {
  ticketId: string;
  eventId: string;
  ticketTypeId: string;
  status: string;
  /** Ever admitted through an entry (a first admission, as report_admitted_tickets holds). */
  admitted: boolean;
}

export interface WaitlistDocument {
  entryId: string;
  eventId: string;
  ticketTypeId: string;
  status: string;
}

export interface ReportDocuments {
  orders: OrderDocument[];
  refunds: RefundDocument[];
  tickets: TicketDocument[];
  waitlist: WaitlistDocument[];
}

export type DocumentKind = keyof ReportDocuments;
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['tickets', 'orders', 'refunds', 'waitlist'];

/** Where report documents go: added, or replacing those with the same key. */
export interface ReportIndex {
  index(documents: Partial<ReportDocuments>): Promise<void>;
}
