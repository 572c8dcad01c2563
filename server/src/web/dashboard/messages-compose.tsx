import { useState, type FormEvent } from 'react';
import type { Broadcast, BroadcastPreview } from '../../features/notifications/schema.js';
import type { z } from 'zod';
import { Notice } from '../components/notice.js';
import { api } from './api.js';
import { ConfirmAction } from './checkin-confirm.js';
import { MessagePreview } from './message-preview.js';
import {
  FormArea,
  FormSelect,
  FormText,
  formValues,
  TicketTypeChoices,
  useSettingsForm,
  type FormValues,
} from './settings-form.js';
import type { TicketType } from './types.js';

const LABELS = {
  subject: 'Subject',
  body: 'Message',
  ticketTypeIds: 'Ticket types',
  checkedIn: 'Who',
  sendAt: 'Send at',
};

const WHO: [value: string, label: string][] = [
  ['all', 'Everyone with a valid ticket'],
  ['in', 'Only those checked in'],
  ['out', 'Only those not checked in yet'],
];

function broadcastBody(v: FormValues, timeZone: string) {
  const types = v.all('ticketTypeIds');
  const who = v.text('checkedIn');
  const sendAt = v.instant('sendAt', timeZone);
  return {
    subject: v.text('subject'),
    body: v.text('body'),
    ...(types.length ? { ticketTypeIds: types } : {}),
    ...(who === 'all' ? {} : { checkedIn: who === 'in' }),
    ...(sendAt ? { sendAt } : {}),
  };
}

type Preview = z.output<typeof BroadcastPreview>;

/**
 * Writes an organizer message: to whom (ticket types, checked in or not), what, and when; shows
 * it as the first recipient gets it, and asks before it goes out.
 */
export function BroadcastComposer({
  base,
  types,
  timeZone,
  onSent,
}: {
  base: string;
  types: TicketType[];
  timeZone: string;
  onSent: (b: Broadcast) => void;
}) {
  const form = useSettingsForm('broadcast', LABELS);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [pending, setPending] = useState<ReturnType<typeof broadcastBody> | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const onPreview = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body = broadcastBody(formValues(e.currentTarget), timeZone);
    setSent(null);
    void form.submit(async () => {
      const p = await api<Preview>(`${base}/broadcasts/preview`, { body });
      setPreview(p);
      setPending(p.recipients > 0 ? body : null);
      requestAnimationFrame(() => document.getElementById('broadcast-preview-heading')?.focus());
    }, false);
  };
  const send = async () => {
    const b = await api<Broadcast>(`${base}/broadcasts`, { body: pending });
    setPending(null);
    setPreview(null);
    setSent(
      pending?.sendAt
        ? `Scheduled: “${b.subject}” goes out at the time you chose.`
        : `Sending “${b.subject}” to ${preview?.recipients ?? 0} addresses.`,
    );
    onSent(b);
  };
  return (
    <section className="panel" aria-labelledby="compose-heading">
      <h2 id="compose-heading">Write to attendees</h2>
      <form onSubmit={onPreview} noValidate onChange={() => setPending(null)}>
        {form.summary}
        <FormText form={form} name="subject" required maxLength={200} />
        <FormArea form={form} name="body" hint="Plain text; line breaks are kept." rows={6} />
        <FormSelect form={form} name="checkedIn" options={WHO} defaultValue="all" />
        <TicketTypeChoices
          form={form}
          types={types}
          chosen={null}
          hint="None ticked: every ticket type."
        />
        <FormText
          form={form}
          name="sendAt"
          type="datetime-local"
          hint={`${timeZone} time; empty: now. Messages go out at a steady pace, after the attendees' own mails.`}
        />
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={form.busy}>
            {form.busy ? 'Preparing the preview…' : 'Preview'}
          </button>
        </div>
      </form>
      {sent ? <Notice tone="success">{sent}</Notice> : null}
      {preview && !preview.sample ? (
        <Notice tone="error">No one matches: the message would reach no address.</Notice>
      ) : null}
      {preview?.sample ? (
        <>
          <MessagePreview
            id="broadcast-preview"
            mail={preview.sample}
            recipients={preview.recipients}
          />
          {pending ? (
            <ConfirmAction
              id="broadcast-confirm"
              question={`${pending.sendAt ? 'Schedule' : 'Send'} this message to ${preview.recipients} ${
                preview.recipients === 1 ? 'address' : 'addresses'
              }?`}
              yes={pending.sendAt ? 'Schedule it' : 'Send it'}
              busyText="Sending…"
              no="Not yet"
              onYes={send}
              onNo={() => setPending(null)}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
