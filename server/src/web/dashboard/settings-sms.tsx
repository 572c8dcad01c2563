import type { SmsKind } from '@lanyard/core';
import { errorId, FieldError, fieldDomId } from '../components/field.js';
import type { SettingsForm } from './settings-form.js';

// Typed by the server's list, so a kind added there is a compile error here until it has a label.
const KIND_LABELS: Record<SmsKind, string> = {
  order_confirmed: 'Order confirmed (with the portal link)',
  payment_received: 'Payment received',
  order_pending_payment: 'Payment due',
  order_cancelled: 'Order cancelled',
  refund_issued: 'Refund issued',
  waitlist_joined: 'Joined the waiting list',
  waitlist_offer: 'Waiting list offer (with the claim link)',
  waitlist_offer_expired: 'Waiting list offer expired',
  schedule_changed: 'Programme changed (the sessions they follow, with their programme link)',
  session_signup_promoted: 'A session place came free for them',
};
const KINDS = Object.keys(KIND_LABELS) as SmsKind[];

/**
 * Checkboxes of the messages also sent by SMS (docs/notifications.md, SMS); the first carries the
 * id the error summary links to.
 */
export function SmsKindChoices(p: { form: SettingsForm; chosen: readonly string[] }) {
  const id = fieldDomId(p.form.id('smsKinds'));
  const error = p.form.of('smsKinds');
  return (
    <fieldset
      className={`field type-choices${error ? ' field-invalid' : ''}`}
      aria-describedby={[`${id}-hint`, error ? errorId(id) : ''].filter(Boolean).join(' ')}
    >
      <legend>{p.form.labels.smsKinds}</legend>
      <p className="hint" id={`${id}-hint`}>
        Sent as well as the mail, to buyers who gave a phone and agreed to SMS; programme messages
        only about a ticket the buyer holds.
      </p>
      {KINDS.map((kind, i) => (
        <div className="field-check" key={kind}>
          <input
            id={i === 0 ? id : `${id}-${kind}`}
            type="checkbox"
            name="smsKinds"
            value={kind}
            defaultChecked={p.chosen.includes(kind)}
          />
          <label htmlFor={i === 0 ? id : `${id}-${kind}`}>{KIND_LABELS[kind]}</label>
        </div>
      ))}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
