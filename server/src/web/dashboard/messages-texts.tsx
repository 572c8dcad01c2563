import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { EditableKind } from '../../features/notifications/messages/custom-texts.js';
import type {
  MessagePreview as Preview,
  MessageTextList,
} from '../../features/notifications/schema.js';
import { LoadError, Loading } from '../components/notice.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { MessagePreview } from './message-preview.js';
import type { Language } from '../../features/events/languages.js';
import { FormArea, FormSelect, FormText, formValues, useSettingsForm } from './settings-form.js';
import { LANGUAGE_NAMES } from './settings-languages.js';

// Typed by the server's list, so a kind added there is a compile error here until it has a label.
const KIND_LABELS: Record<EditableKind, string> = {
  order_confirmed: 'Order confirmed (with the tickets)',
  order_pending_payment: 'Payment due',
  payment_received: 'Payment received (with the tickets)',
  order_cancelled: 'Order cancelled',
  refund_issued: 'Refund issued',
  waitlist_joined: 'Joined the waiting list',
  waitlist_offer: 'Waiting list offer',
  waitlist_offer_expired: 'Waiting list offer expired',
  ticket_transferred: 'Ticket passed to someone (to them)',
  ticket_transferred_away: 'Ticket passed to someone (to the former holder)',
  ticket_reissued: 'Ticket reissued',
  ticket_revoked: 'Ticket revoked',
  tickets_again: '“Send me my tickets again”',
  schedule_changed: 'Programme changed (to attendees)',
  schedule_speaker_changed: 'Programme changed (to speakers)',
  session_signup_promoted: 'Place in a session came free',
};

const LABELS = { lang: 'Language', kind: 'Mail', subject: 'Subject', intro: 'Opening paragraph' };

type Texts = z.output<typeof MessageTextList>;
type Item = Texts['items'][number];

/**
 * The event's own subject and opening paragraph of each kind of mail, with {placeholders}; an
 * empty field keeps the standard text. Previewed with the event's latest order.
 */
export function MessageTexts({ base, languages }: { base: string; languages: string[] }) {
  const [lang, setLang] = useState(languages[0] ?? 'en');
  const [texts, reload] = useLoad(
    () => api<Texts>(`${base}/message-texts?lang=${encodeURIComponent(lang)}`),
    [base, lang],
  );
  const [kind, setKind] = useState<EditableKind>('order_confirmed');
  if (texts.state === 'loading') return <Loading what="mail texts" />;
  if (texts.state === 'error') return <LoadError error={texts.error} what="mail texts" />;
  const item = texts.data.items.find((i) => i.kind === kind)!;
  return (
    <section className="panel" aria-labelledby="texts-heading">
      <h2 id="texts-heading">Texts of the mails</h2>
      <p>
        Write your own subject and opening paragraph for a mail of this event. Placeholders:{' '}
        {texts.data.placeholders.map((p) => `{${p}}`).join(' ')}. An empty field keeps the standard
        text, shown greyed. Mails queued from then on use it.
      </p>
      {/* A form per kind and language: switching starts from those saved texts. */}
      <KindTexts
        key={`${kind} ${lang}`}
        base={base}
        item={item}
        kind={kind}
        onKind={setKind}
        lang={lang}
        languages={languages}
        onLang={setLang}
        onSaved={reload}
      />
    </section>
  );
}

function KindTexts({
  base,
  item,
  kind,
  onKind,
  lang,
  languages,
  onLang,
  onSaved,
}: {
  base: string;
  item: Item;
  kind: EditableKind;
  onKind: (k: EditableKind) => void;
  lang: string;
  languages: string[];
  onLang: (lang: string) => void;
  onSaved: () => void;
}) {
  const form = useSettingsForm('texts', LABELS, { unknown_placeholder: 'intro' });
  const [preview, setPreview] = useState<z.output<typeof Preview> | null>(null);
  const path = `${base}/message-texts/${kind}`;
  const body = (element: HTMLFormElement) => {
    const v = formValues(element);
    return { lang, subject: v.text('subject') || null, intro: v.text('intro') || null };
  };
  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const b = body(e.currentTarget);
    void form.submit(async () => {
      await api(path, { method: 'PUT', body: b });
      onSaved();
    });
  };
  const showPreview = (element: HTMLFormElement | null) => {
    if (!element) return;
    const b = body(element);
    void form.submit(async () => {
      setPreview(await api<z.output<typeof Preview>>(`${path}/preview`, { body: b }));
      requestAnimationFrame(() => document.getElementById('texts-preview-heading')?.focus());
    }, false);
  };
  return (
    <>
      <form onSubmit={save} noValidate>
        {form.summary}
        {languages.length > 1 ? (
          <FormSelect
            form={form}
            name="lang"
            options={languages.map((l) => [l, LANGUAGE_NAMES[l as Language] ?? l])}
            value={lang}
            onChange={onLang}
          />
        ) : null}
        <FormSelect
          form={form}
          name="kind"
          options={Object.entries(KIND_LABELS)}
          value={kind}
          onChange={(k) => onKind(k as EditableKind)}
        />
        <FormText
          form={form}
          name="subject"
          maxLength={200}
          defaultValue={item.subject ?? ''}
          placeholder={item.defaults.subject}
        />
        <FormArea
          form={form}
          name="intro"
          defaultValue={item.intro ?? ''}
          placeholder={item.defaults.intro}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : 'Save texts'}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={form.busy}
            onClick={(e) => showPreview(e.currentTarget.form)}
          >
            Preview
          </button>
        </div>
      </form>
      {preview ? <MessagePreview id="texts-preview" mail={preview} /> : null}
    </>
  );
}
