import { useTranslation } from 'react-i18next';
import type { PublicBranding } from '../../features/portal/schema.js';

/** Who runs the event and how to reach them, the legal notice and the documents; none: nothing. */
export function EventOrganizer({ branding: b }: { branding: PublicBranding }) {
  const { t } = useTranslation();
  const contact = b.contactEmail || b.contactPhone || b.contactAddress;
  if (!b.organizerName && !contact && !b.imprint && !b.termsUrl && !b.privacyUrl) return null;
  return (
    <section className="event-organizer" aria-labelledby="event-organizer-heading">
      <h2 id="event-organizer-heading">{t('organizer.heading')}</h2>
      {b.organizerName ? <p className="event-organizer-name">{b.organizerName}</p> : null}
      {contact ? (
        <dl className="when-where">
          {b.contactEmail ? (
            <div>
              <dt>{t('organizer.email')}</dt>
              <dd>
                <a href={`mailto:${b.contactEmail}`}>{b.contactEmail}</a>
              </dd>
            </div>
          ) : null}
          {b.contactPhone ? (
            <div>
              <dt>{t('organizer.phone')}</dt>
              <dd>
                <a href={`tel:${b.contactPhone.replace(/[^\d+]/g, '')}`}>{b.contactPhone}</a>
              </dd>
            </div>
          ) : null}
          {b.contactAddress ? (
            <div>
              <dt>{t('organizer.address')}</dt>
              <dd className="pre-line">{b.contactAddress}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {b.imprint ? (
        <>
          <h3>{t('organizer.imprint')}</h3>
          <p className="pre-line">{b.imprint}</p>
        </>
      ) : null}
      {b.termsUrl || b.privacyUrl ? (
        <ul className="event-documents">
          {b.termsUrl ? (
            <li>
              <a href={b.termsUrl} rel="noopener noreferrer">
                {t('organizer.terms')}
              </a>
            </li>
          ) : null}
          {b.privacyUrl ? (
            <li>
              <a href={b.privacyUrl} rel="noopener noreferrer">
                {t('organizer.privacy')}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
