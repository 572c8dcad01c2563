import type { FormEvent } from 'react';
import { api } from './api.js';
import { ArchiveButton } from './settings-archive.js';
import {
  FormArea,
  FormSelect,
  FormText,
  SaveButton,
  formValues,
  useSettingsForm,
} from './settings-form.js';
import { LanguageChoices, languagesOf } from './settings-languages.js';
import { SmsKindChoices } from './settings-sms.js';
import { orNull, wholeNumber, zonedInstant, zonedLocal } from './settings-values.js';
import type { OrganizerEvent } from './types.js';

const LABELS = {
  name: 'Name',
  startsAt: 'Starts',
  endsAt: 'Ends',
  timezone: 'Time zone',
  venue: 'Venue',
  description: 'Description',
  paymentProvider: 'Payment',
  holdMinutes: 'Hold unpaid orders (minutes)',
  waitlistOfferMinutes: 'Waitlist offers last (minutes)',
  maxTicketsPerEmail: 'Tickets per email address',
  maxHoldsPerEmail: 'Unpaid orders per email',
  maxHoldsPerIp: 'Unpaid orders per network address',
  maxWaitlistPerIp: 'Waitlist places per network address',
  proofOfWork: 'Browser check before registering',
  attendeePhone: "Ask for the buyer's phone",
  phoneRegion: 'Country of national phone numbers',
  smsKinds: 'Messages also sent by SMS',
  languages: 'Languages',
  defaultLanguage: 'Default language',
};

const cap = (n: number | null) => (n === null ? '' : String(n));

/** The event's own fields; dates are wall times in the time zone given on the form. */
export function EventDetailsForm(p: { event: OrganizerEvent; base: string; onSaved: () => void }) {
  const form = useSettingsForm('event', LABELS);
  const e = p.event;
  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const v = formValues(ev.currentTarget);
    const zone = v.text('timezone');
    void form.submit(async () => {
      await api(p.base, {
        method: 'PATCH',
        body: {
          name: v.text('name'),
          startsAt: zonedInstant(v.text('startsAt'), zone),
          endsAt: zonedInstant(v.text('endsAt'), zone),
          timezone: zone,
          venue: orNull(v.text('venue'), String),
          description: orNull(v.text('description'), String),
          paymentProvider: v.text('paymentProvider'),
          holdMinutes: wholeNumber(v.text('holdMinutes')),
          waitlistOfferMinutes: wholeNumber(v.text('waitlistOfferMinutes')),
          maxTicketsPerEmail: orNull(v.text('maxTicketsPerEmail'), wholeNumber),
          maxHoldsPerEmail: orNull(v.text('maxHoldsPerEmail'), wholeNumber),
          maxHoldsPerIp: orNull(v.text('maxHoldsPerIp'), wholeNumber),
          maxWaitlistPerIp: orNull(v.text('maxWaitlistPerIp'), wholeNumber),
          proofOfWork: v.text('proofOfWork') === 'on',
          attendeePhone: v.text('attendeePhone'),
          phoneRegion: orNull(v.text('phoneRegion').toUpperCase(), String),
          smsKinds: v.all('smsKinds'),
          languages: languagesOf(v),
        },
      });
      p.onSaved();
    });
  };
  return (
    <section aria-labelledby="event-details" className="panel">
      <h2 id="event-details">Event details</h2>
      {form.summary}
      {/* Keyed by the saved version, so the fields show what the server kept. */}
      <form key={e.updatedAt} onSubmit={submit} noValidate>
        <FormText form={form} name="name" required defaultValue={e.name} />
        <div className="field-pair">
          <FormText
            form={form}
            name="startsAt"
            type="datetime-local"
            required
            defaultValue={zonedLocal(e.startsAt, e.timezone)}
          />
          <FormText
            form={form}
            name="endsAt"
            type="datetime-local"
            required
            defaultValue={zonedLocal(e.endsAt, e.timezone)}
          />
        </div>
        <FormText
          form={form}
          name="timezone"
          required
          hint="An IANA name such as Europe/Berlin; the times above are in this zone."
          defaultValue={e.timezone}
        />
        <FormText form={form} name="venue" defaultValue={e.venue ?? ''} />
        <FormArea
          form={form}
          name="description"
          hint="Markdown: **bold**, *italic*, lists, [links](https://…). Shown on the public page."
          defaultValue={e.description ?? ''}
        />
        <FormSelect
          form={form}
          name="paymentProvider"
          options={[
            ['manual', 'Manual (bank transfer, cash)'],
            ['stripe', 'Stripe (card)'],
          ]}
          defaultValue={e.paymentProvider}
        />
        <div className="field-pair">
          <FormText
            form={form}
            name="holdMinutes"
            inputMode="numeric"
            required
            defaultValue={String(e.holdMinutes)}
          />
          <FormText
            form={form}
            name="waitlistOfferMinutes"
            inputMode="numeric"
            required
            defaultValue={String(e.waitlistOfferMinutes)}
          />
        </div>
        <FormText
          form={form}
          name="maxTicketsPerEmail"
          inputMode="numeric"
          hint="Empty for no limit."
          defaultValue={e.maxTicketsPerEmail === null ? '' : String(e.maxTicketsPerEmail)}
        />
        {/* Sale rushes: what one buyer or one network may hold at once (docs/security.md). */}
        <div className="field-pair">
          <FormText
            form={form}
            name="maxHoldsPerEmail"
            inputMode="numeric"
            hint="Empty for no limit."
            defaultValue={cap(e.maxHoldsPerEmail)}
          />
          <FormText
            form={form}
            name="maxHoldsPerIp"
            inputMode="numeric"
            hint="Empty for no limit."
            defaultValue={cap(e.maxHoldsPerIp)}
          />
        </div>
        <FormText
          form={form}
          name="maxWaitlistPerIp"
          inputMode="numeric"
          hint="Empty for no limit."
          defaultValue={cap(e.maxWaitlistPerIp)}
        />
        <FormSelect
          form={form}
          name="proofOfWork"
          hint="A proof-of-work puzzle the buyer's browser solves in the background: bots pay for every order."
          options={[
            ['off', 'Off'],
            ['on', 'On'],
          ]}
          defaultValue={e.proofOfWork ? 'on' : 'off'}
        />
        {/* Phone and SMS (docs/notifications.md, SMS). */}
        <div className="field-pair">
          <FormSelect
            form={form}
            name="attendeePhone"
            options={[
              ['off', 'No'],
              ['optional', 'Optional'],
              ['required', 'Required'],
            ]}
            defaultValue={e.attendeePhone}
          />
          <FormText
            form={form}
            name="phoneRegion"
            hint="Two letters, e.g. DE; empty: numbers must start with + and the country code."
            defaultValue={e.phoneRegion ?? ''}
          />
        </div>
        <SmsKindChoices form={form} chosen={e.smsKinds} />
        <LanguageChoices form={form} chosen={e.languages} />
        <SaveButton form={form} label="Save event details" />
      </form>
    </section>
  );
}

/** Archiving the event, after a confirmation: it stays readable, nothing new is sold. */
export function ArchiveEvent(p: { event: OrganizerEvent; base: string; onArchived: () => void }) {
  return (
    <section aria-labelledby="archive-event" className="panel">
      <h2 id="archive-event">Archive the event</h2>
      <p>
        Sold tickets stay valid and the event stays readable, but nothing can be sold or changed.
      </p>
      <ArchiveButton
        what={p.event.name}
        consequence="Sales stop and its settings can no longer be changed. This cannot be undone here."
        archive={() => api(`${p.base}/archive`, { method: 'POST' })}
        onArchived={p.onArchived}
      />
    </section>
  );
}
