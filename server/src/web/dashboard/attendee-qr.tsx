import { ApiError } from '../api.js';
import { QrCode } from '../components/qr-code.js';
import { authorization } from './api.js';
import type { Ticket } from './attendee-types.js';

/** The QR image needs the organizer's token, which an <img src> cannot send. */
async function loadWithToken(path: string): Promise<Blob> {
  const auth = await authorization();
  const res = await fetch(path, { headers: auth ? { authorization: auth } : {} });
  if (!res.ok) throw new ApiError({ status: res.status, code: `http_${res.status}`, detail: '' });
  return res.blob();
}

/**
 * The ticket's current QR code, in a box of fixed size (nothing moves when it arrives); a ticket
 * that cannot get in shows why in the same box instead.
 */
export function AttendeeQr({ ticket }: { ticket: Ticket }) {
  if (ticket.status !== 'valid')
    return (
      <div className="qr-box qr-box-empty">
        <span>
          {ticket.status === 'pending'
            ? 'No QR code until the order is paid.'
            : 'This ticket can no longer be used.'}
        </span>
      </div>
    );
  return (
    <QrCode
      // A new revision (reissue, transfer) has a new token: fetch its code again.
      key={ticket.revision}
      ticketId={ticket.id}
      accessKey={null}
      label={`QR code of the ticket of ${ticket.attendee.name}`}
      load={loadWithToken}
    />
  );
}
