import type { ReactNode } from 'react';
import { QrCode } from './qr-code.js';

export interface TicketView {
  id: string;
  status: 'pending' | 'valid' | 'revoked' | 'cancelled';
  holder: string | undefined;
  typeName: string;
}

const STATUS: Record<TicketView['status'], string> = {
  valid: 'Valid',
  pending: 'Awaiting payment',
  revoked: 'Revoked',
  cancelled: 'Cancelled',
};

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
  return (
    <article
      className={`ticket-card ticket-${ticket.status}`}
      aria-label={`Ticket ${ticket.typeName}`}
    >
      {ticket.status === 'valid' ? (
        <QrCode
          ticketId={ticket.id}
          accessKey={accessKey}
          label={`QR code of the ticket${ticket.holder ? ` for ${ticket.holder}` : ''}`}
        />
      ) : (
        <div className="qr-box qr-box-empty">
          <span>
            {ticket.status === 'pending'
              ? 'Your QR code appears here once the ticket is paid.'
              : 'This ticket can no longer be used.'}
          </span>
        </div>
      )}
      <dl className="ticket-facts">
        {ticket.holder ? (
          <div>
            <dt>Name</dt>
            <dd className="holder">{ticket.holder}</dd>
          </div>
        ) : null}
        <div>
          <dt>Ticket</dt>
          <dd>{ticket.typeName}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge badge-ticket-${ticket.status}`}>{STATUS[ticket.status]}</span>
          </dd>
        </div>
      </dl>
      {footer}
    </article>
  );
}
