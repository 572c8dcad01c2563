import type { Queryable } from '../../../platform/db/db.js';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type ReportDocuments,
  type ReportIndex,
} from '../report-documents.js';
import type { ReportSource } from '../report-source.js';
import * as store from '../store.js';

/**
 * Report documents held in memory and aggregated in JavaScript into the figures the Elasticsearch
 * adapter asks its cluster for, then shaped by the same statements (store.ts `...From`). Without
 * a cluster, this runs the report contract over the documents the indexer and the reindex
 * produce, and over the statements the Elasticsearch figures go through; only the aggregation
 * queries themselves need a cluster. Local buckets come from PostgreSQL's date_trunc, standing
 * in for date_histogram's time_zone.
 */
export class MemoryReports implements ReportSource, ReportIndex {
  readonly docs: { [k in DocumentKind]: Map<string, ReportDocuments[k][number]> } = {
    orders: new Map(),
    refunds: new Map(),
    tickets: new Map(),
    waitlist: new Map(),
  };

  constructor(private readonly db: Queryable) {}

  async index(documents: Partial<ReportDocuments>): Promise<void> {
    for (const kind of DOCUMENT_KINDS)
      for (const d of documents[kind] ?? [])
        // Each document's first field is its key (orderId, refundId, ticketId, entryId).
        (this.docs[kind] as Map<string, unknown>).set(Object.values(d)[0] as string, d);
  }

  private of<K extends DocumentKind>(kind: K, eventId: string): ReportDocuments[K] {
    return [...this.docs[kind].values()].filter((d) => d.eventId === eventId) as ReportDocuments[K];
  }

  /** Each instant's local bucket start, as date_histogram with time_zone would key it. */
  private async starts(instants: string[], bucket: string, tz: string) {
    const { rows } = await this.db.query<{ at: string; start: Date }>(
      `SELECT t AS at, date_trunc($2, t::timestamptz AT TIME ZONE $3) AT TIME ZONE $3 AS start
       FROM unnest($1::text[]) t`,
      [instants, bucket, tz],
    );
    return new Map(rows.map((r) => [r.at, r.start.toISOString()]));
  }

  async sales(eventId: string, bucket: 'hour' | 'day' | 'week', tz: string, w: store.Window) {
    const orders = this.of('orders', eventId).filter(
      (o) => o.status === 'confirmed' && inWindow(o.createdAt, w),
    );
    const starts = await this.starts(
      orders.map((o) => o.createdAt),
      bucket,
      tz,
    );
    const groups = new Map<string, store.SalesFigure>();
    for (const o of orders) {
      const slot = starts.get(o.createdAt)!;
      const key = `${slot}|${o.ticketTypeId}|${o.channel}`;
      const g = groups.get(key) ?? {
        slot,
        ticket_type_id: o.ticketTypeId,
        channel: o.channel,
        orders: 0,
        tickets: 0,
        revenue: 0,
      };
      g.orders += 1;
      g.tickets += o.quantity;
      g.revenue += o.totalCents - o.refundedCents;
      groups.set(key, g);
    }
    return store.salesRowsFrom(this.db, [...groups.values()], bucket, tz);
  }

  async ordersByStatus(eventId: string) {
    const groups = new Map<string, store.StatusFigure>();
    for (const o of this.of('orders', eventId)) {
      const g = groups.get(o.status) ?? {
        status: o.status,
        orders: 0,
        tickets: 0,
        total_cents: 0,
        refunded_cents: 0,
      };
      g.orders += 1;
      g.tickets += o.quantity;
      g.total_cents += o.totalCents;
      g.refunded_cents += o.refundedCents;
      groups.set(o.status, g);
    }
    return store.ordersByStatusRowsFrom(this.db, [...groups.values()]);
  }

  async refunds(eventId: string, bucket: 'hour' | 'day' | 'week', tz: string, w: store.Window) {
    const refunds = this.of('refunds', eventId).filter((r) => inWindow(r.createdAt, w));
    const starts = await this.starts(
      refunds.map((r) => r.createdAt),
      bucket,
      tz,
    );
    const groups = new Map<string, store.RefundFigure>();
    for (const r of refunds) {
      const slot = starts.get(r.createdAt)!;
      const g = groups.get(slot) ?? { slot, refunds: 0, amount_cents: 0 };
      g.refunds += 1;
      g.amount_cents += r.amountCents;
      groups.set(slot, g);
    }
    return store.refundRowsFrom(this.db, [...groups.values()], bucket, tz);
  }

  async promoCodes(eventId: string) {
    const groups = new Map<string, store.CodeFigure>();
    for (const o of this.of('orders', eventId)) {
      if (!o.promoCodeId) continue;
      const g = groups.get(o.promoCodeId) ?? {
        promo_code_id: o.promoCodeId,
        orders: 0,
        tickets: 0,
        discount_cents: 0,
        revenue_cents: 0,
      };
      if (o.status === 'confirmed') {
        g.orders += 1;
        g.tickets += o.quantity;
        g.discount_cents += o.discountCents;
        g.revenue_cents += o.totalCents - o.refundedCents;
      }
      groups.set(o.promoCodeId, g);
    }
    return store.promoCodeRowsFrom(this.db, eventId, [...groups.values()]);
  }

  async answers(eventId: string) {
    const counts = new Map<string, number>();
    for (const o of this.of('orders', eventId))
      if (o.status === 'confirmed')
        for (const pair of o.answers) counts.set(pair, (counts.get(pair) ?? 0) + 1);
    const figures = [...counts].map(([pair, orders]) => {
      const at = pair.indexOf(':');
      return { question_id: pair.slice(0, at), answer: pair.slice(at + 1), orders };
    });
    return store.answerRowsFrom(this.db, eventId, figures);
  }

  async waitlist(eventId: string) {
    const counts = new Map<string, store.WaitlistFigure>();
    for (const e of this.of('waitlist', eventId)) {
      const key = `${e.ticketTypeId}|${e.status}`;
      const g = counts.get(key) ?? { ticket_type_id: e.ticketTypeId, status: e.status, entries: 0 };
      g.entries += 1;
      counts.set(key, g);
    }
    return store.waitlistRowsFrom(this.db, [...counts.values()]);
  }

  async attendance(eventId: string) {
    const counts = new Map<string, store.AttendanceFigure>();
    for (const t of this.of('tickets', eventId)) {
      if (t.status !== 'valid') continue;
      const g = counts.get(t.ticketTypeId) ?? {
        ticket_type_id: t.ticketTypeId,
        valid_tickets: 0,
        admitted_tickets: 0,
      };
      g.valid_tickets += 1;
      if (t.admitted) g.admitted_tickets += 1;
      counts.set(t.ticketTypeId, g);
    }
    return store.attendanceRowsFrom(this.db, eventId, [...counts.values()]);
  }
}

const slot15 = (d: Date) => Math.floor(d.getTime() / 900_000) * 900_000;
const inWindow = (at: string, w: store.Window) =>
  (!w.from || Date.parse(at) >= slot15(w.from)) && (!w.to || Date.parse(at) < slot15(w.to));
