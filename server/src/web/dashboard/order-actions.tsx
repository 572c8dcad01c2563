import { useRef, useState } from 'react';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/field.js';
import { Notice } from '../components/notice.js';
import { formatMoney } from '../lib/format.js';
import { api } from './api.js';
import { ActionButtons, useActionForm } from './attendee-action-form.js';
import type { Order } from './attendee-types.js';

type Open = 'mark-paid' | 'cancel' | 'refund' | undefined;

const PAID: Record<string, string> = {
  confirmed:
    'The order is paid; its tickets are valid and the attendee’s page shows their QR codes.',
  reinstated:
    'The order is paid. Its hold had run out, but seats were left: its tickets are valid again.',
  needs_refund:
    'The payment is recorded, but the order’s seats were sold meanwhile: the money is due back (refund it).',
  already_applied: 'This payment was recorded before; nothing changed.',
};

/**
 * What an organizer does to an order, one open form at a time; opening a form and confirming in
 * it are two steps, so a stray click changes nothing. The outcome is shown above the buttons.
 */
export function OrderActions({ order, onChanged }: { order: Order; onChanged: () => void }) {
  const [open, setOpen] = useState<Open>();
  const [done, setDone] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const path = `/api/v1/orders/${encodeURIComponent(order.id)}`;
  const finish = (message: string) => {
    setOpen(undefined);
    setDone(message);
    onChanged();
    heading.current?.focus();
  };
  const start = (which: Open) => {
    setDone(undefined);
    setOpen(which);
  };
  const payable =
    (order.status === 'pending_payment' || order.status === 'expired') && order.totalCents > 0;
  const cancellable = order.status === 'pending_payment' || order.status === 'confirmed';
  const refundable = order.paidCents - order.refundedCents;
  const money = (c: number) => formatMoney(c, order.currency);

  return (
    <section aria-labelledby="order-actions-heading" className="panel">
      <h2 id="order-actions-heading" tabIndex={-1} ref={heading}>
        Actions
      </h2>
      {done ? <Notice tone="success">{done}</Notice> : null}
      {open === undefined ? (
        <div className="actions">
          {payable ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => start('mark-paid')}
            >
              Mark paid…
            </button>
          ) : null}
          {refundable > 0 ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => start('refund')}
            >
              Refund…
            </button>
          ) : null}
          {cancellable ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => start('cancel')}
            >
              Cancel order…
            </button>
          ) : null}
          {!payable && refundable <= 0 && !cancellable ? (
            <p>This order is {order.status.replace('_', ' ')}; nothing more can be done to it.</p>
          ) : null}
        </div>
      ) : null}
      {open === 'mark-paid' ? (
        <ActionForm
          id="mark-paid"
          title="Mark this order paid"
          warning={`Record that ${money(order.totalCents - order.paidCents)} arrived for ${order.reference} (bank transfer, cash). Its tickets become valid.`}
          confirm="Mark paid"
          field={{
            name: 'reference',
            label: 'Reference',
            hint: 'Transfer id or receipt number (optional)',
          }}
          send={async (reference) => {
            const r = await api<{ outcome: string }>(`${path}/mark-paid`, {
              body: reference ? { reference } : {},
            });
            finish(PAID[r.outcome] ?? 'The order is marked paid.');
          }}
          onCancel={() => setOpen(undefined)}
        />
      ) : null}
      {open === 'cancel' ? (
        <ActionForm
          id="cancel"
          title="Cancel this order"
          warning={`Its ${order.quantity} ticket(s) are cancelled and their QR codes refused; the seats go back on sale.${refundable > 0 ? ` The ${money(refundable)} paid is not given back by cancelling: refund it.` : ''}`}
          confirm="Cancel order"
          danger
          field={{
            name: 'reason',
            label: 'Reason',
            hint: 'Kept in the order’s history (optional)',
          }}
          send={async (reason) => {
            await api(`${path}/cancel`, { body: reason ? { reason } : {} });
            finish(
              `The order is cancelled; its tickets are refused and the seats are back on sale.`,
            );
          }}
          onCancel={() => setOpen(undefined)}
        />
      ) : null}
      {open === 'refund' ? (
        <ActionForm
          id="refund"
          title={`Refund ${money(refundable)}`}
          warning={`Everything paid and not refunded yet, ${money(refundable)}, is refunded${order.paymentMethod === 'stripe' ? ' through Stripe' : '; pay it back yourself, Lanyard records it'}. The order is cancelled and its seats go back on sale.`}
          confirm="Refund and cancel"
          danger
          field={{ name: 'reason', label: 'Reason', hint: 'Kept with the refund (optional)' }}
          send={async (reason) => {
            const r = await api<{ pending: boolean }>(`${path}/refunds`, {
              body: { amountCents: refundable, cancelTickets: true, ...(reason ? { reason } : {}) },
            });
            finish(
              r.pending
                ? `${money(refundable)} refund recorded; the provider has not confirmed it yet and is asked again.`
                : `${money(refundable)} refunded; the order is cancelled.`,
            );
          }}
          onCancel={() => setOpen(undefined)}
        />
      ) : null}
    </section>
  );
}

/** An open action: what will happen, one optional text, the confirming button. */
function ActionForm(p: {
  id: string;
  title: string;
  warning: string;
  confirm: string;
  danger?: boolean;
  field: { name: string; label: string; hint: string };
  send: (text: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { errors, busy, heading, onSubmit } = useActionForm({ [p.field.name]: p.field.label });
  return (
    <form
      className="attendee-action-form"
      onSubmit={onSubmit((form) => p.send(String(form.get(p.field.name) ?? '').trim()))}
      noValidate
      aria-labelledby={`${p.id}-heading`}
    >
      <h3 id={`${p.id}-heading`} tabIndex={-1} ref={heading}>
        {p.title}
      </h3>
      <p>{p.warning}</p>
      <ErrorSummary items={errors.items} round={errors.round} />
      <TextField
        field={p.field.name}
        label={p.field.label}
        hint={p.field.hint}
        name={p.field.name}
        maxLength={200}
        error={errors.of(p.field.name)}
      />
      <ActionButtons
        busy={busy}
        label={p.confirm}
        danger={p.danger ?? false}
        onCancel={p.onCancel}
      />
    </form>
  );
}
