import { useRef, useState } from 'react';
import { Notice } from '../components/notice.js';
import { keyedPath } from '../router.js';
import { TokenActionForm } from './attendee-token-action.js';
import { TransferForm } from './attendee-transfer.js';
import type { Ticket } from './attendee-types.js';

type Open = 'revoke' | 'reissue' | 'transfer' | undefined;

interface Done {
  message: string;
  /** After a transfer: the new holder's link, shown once. */
  link?: string;
}

/**
 * What an organizer can do to a ticket, one open form at a time. Resending the ticket email is
 * not offered: Lanyard does not send email yet (see docs/dashboard.md).
 */
export function AttendeeActions({
  ticket,
  ticketPath,
  onChanged,
}: {
  ticket: Ticket;
  ticketPath: string;
  onChanged: () => void;
}) {
  const [open, setOpen] = useState<Open>();
  const [done, setDone] = useState<Done>();
  const openers = useRef<Partial<Record<NonNullable<Open>, HTMLButtonElement | null>>>({});
  const start = (which: Open) => {
    setDone(undefined);
    setOpen(which);
  };
  const cancel = () => {
    const was = open;
    setOpen(undefined);
    // Back to the button that opened the form, once it is shown again.
    if (was) setTimeout(() => openers.current[was]?.focus());
  };
  const heading = useRef<HTMLHeadingElement>(null);
  const finish = (d: Done) => {
    setOpen(undefined);
    setDone(d);
    onChanged();
    // The form that had the focus is gone; the outcome below the heading is announced.
    heading.current?.focus();
  };
  const usable = ticket.status === 'valid' || ticket.status === 'pending';
  const opener = (which: NonNullable<Open>, label: string, allowed: boolean) =>
    allowed ? (
      <button
        type="button"
        className="button button-secondary"
        ref={(b) => {
          openers.current[which] = b;
        }}
        onClick={() => start(which)}
      >
        {label}
      </button>
    ) : null;

  return (
    <section aria-labelledby="actions-heading" className="panel">
      <h2 id="actions-heading" tabIndex={-1} ref={heading}>
        Actions
      </h2>
      {done ? (
        <Notice tone="success">
          {done.message}
          {done.link ? (
            <p className="field attendee-new-link">
              <label htmlFor="new-holder-link">Link for the new holder (shown only now)</label>
              <input id="new-holder-link" readOnly value={done.link} />
            </p>
          ) : null}
        </Notice>
      ) : null}
      {!usable ? <p>This ticket is {ticket.status}; it cannot be changed any more.</p> : null}
      {open === undefined && usable ? (
        <div className="actions">
          {opener('transfer', 'Transfer…', ticket.status === 'valid')}
          {opener('reissue', 'Reissue…', true)}
          {opener('revoke', 'Revoke…', true)}
        </div>
      ) : null}
      {open === 'revoke' ? (
        <TokenActionForm
          ticketPath={ticketPath}
          action="revoke"
          title="Revoke this ticket"
          warning="Its QR code is refused at every entrance from now on (at kiosks after their next sync). This cannot be undone."
          confirm="Revoke ticket"
          reasonRequired
          onDone={() => finish({ message: 'The ticket is revoked.' })}
          onCancel={cancel}
        />
      ) : null}
      {open === 'reissue' ? (
        <TokenActionForm
          ticketPath={ticketPath}
          action="reissue"
          title="Reissue with a new QR code"
          warning="The ticket gets a new QR code; the current one is refused from now on. The attendee's link shows the new code."
          confirm="Reissue ticket"
          reasonRequired={false}
          onDone={() =>
            finish({ message: 'The ticket has a new QR code; the old one is refused.' })
          }
          onCancel={cancel}
        />
      ) : null}
      {open === 'transfer' ? (
        <TransferForm
          ticketPath={ticketPath}
          onDone={(t) =>
            finish({
              message: `The ticket now belongs to ${t.attendee.name}. Send them this link; Lanyard does not email it yet.`,
              link: `${window.location.origin}${keyedPath('t', t.id, t.accessKey)}`,
            })
          }
          onCancel={cancel}
        />
      ) : null}
    </section>
  );
}
