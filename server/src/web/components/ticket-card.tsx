import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from './qr-code.js';

export interface TicketView {
  id: string;
  status: 'pending' | 'valid' | 'revoked' | 'cancelled';
  holder: string | undefined;
  typeName: string;
}

/**
 * One ticket: the QR for a valid ticket, and in the same reserved box a plain message for the
 * others (a pending ticket's code would only be refused at the door).
 */
export function TicketCard({
  ticket,
  accessKey,
  footer,
}: {
  ticket: TicketView;
  accessKey: string | null;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <article
      className={`ticket-card ticket-${ticket.status}`}
      aria-label={t('ticket.card', { type: ticket.typeName })}
    >
      {ticket.status === 'valid' ? (
        <QrCode
          ticketId={ticket.id}
          accessKey={accessKey}
          label={ticket.holder ? t('ticket.qrFor', { name: ticket.holder }) : t('ticket.qr')}
        />
      ) : (
        <div className="qr-box qr-box-empty">
          <span>{ticket.status === 'pending' ? t('ticket.qrPending') : t('ticket.qrGone')}</span>
        </div>
      )}
      <dl className="ticket-facts">
        {ticket.holder ? (
          <div>
            <dt>{t('ticket.name')}</dt>
            <dd className="holder">{ticket.holder}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('ticket.type')}</dt>
          <dd>{ticket.typeName}</dd>
        </div>
        <div>
          <dt>{t('ticket.status')}</dt>
          <dd>
            <span className={`badge badge-ticket-${ticket.status}`}>
              {t(`ticket.${ticket.status}`)}
            </span>
          </dd>
        </div>
      </dl>
      {footer}
    </article>
  );
}
