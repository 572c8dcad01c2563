import { LoadError, Loading, Notice } from '../components/notice.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { ArchiveEvent, EventDetailsForm } from './settings-event-form.js';
import { BrandingSettings } from './settings-branding.js';
import { PromoCodeSettings } from './settings-promo-codes.js';
import { OrganizationSettings } from './settings-organization.js';
import { QuestionSettings } from './settings-questions.js';
import { QuotaSettings } from './settings-quotas.js';
import { TicketTypeSettingsList } from './settings-ticket-types.js';
import type { SectionProps } from './sections.js';
import type { TicketType } from './types.js';

/** The page's parts by their headings' ids, for the in-page links on a long page. */
const PARTS = [
  ['event-details', 'Event'],
  ['settings-branding', 'Branding'],
  ['settings-types', 'Ticket types'],
  ['settings-quotas', 'Quotas'],
  ['settings-questions', 'Questions'],
  ['settings-promo-codes', 'Promo codes'],
  ['settings-organization', 'Invoicing'],
  ['archive-event', 'Archive'],
];

/** The event's settings: its details, branding, ticket types, quotas, questions, promo codes, archiving. */
export function SettingsSection({ event: e, base, reloadEvent }: SectionProps) {
  const [types, reloadTypes] = useLoad(() => api<TicketType[]>(`${base}/ticket-types`), [base]);
  if (e.status === 'archived')
    return (
      <Notice>
        This event is archived: it stays readable and its tickets stay valid, but nothing can be
        sold or changed.
      </Notice>
    );
  return (
    <div className="settings">
      <nav aria-label="Settings" className="settings-nav">
        <ul>
          {PARTS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <EventDetailsForm event={e} base={base} onSaved={reloadEvent} />
      <BrandingSettings event={e} base={base} onSaved={reloadEvent} />
      {types.state === 'loading' ? <Loading what="ticket types" /> : null}
      {types.state === 'error' ? <LoadError error={types.error} what="ticket type list" /> : null}
      {types.state === 'ok' ? (
        <>
          <TicketTypeSettingsList
            base={base}
            timezone={e.timezone}
            types={types.data}
            onChanged={reloadTypes}
          />
          <QuotaSettings base={base} types={types.data} />
          <QuestionSettings base={base} types={types.data} />
          <PromoCodeSettings
            base={base}
            timezone={e.timezone}
            currency={types.data[0]?.currency ?? 'EUR'}
            types={types.data}
          />
        </>
      ) : null}
      <OrganizationSettings />
      <ArchiveEvent event={e} base={base} onArchived={reloadEvent} />
    </div>
  );
}
