import { useId, useState } from 'react';
import { ConfirmAction } from './checkin-confirm.js';

/**
 * Archiving in two steps: "Archive" asks, saying what happens, and only "Yes, archive" does it
 * ("Keep it" has the focus, so a stray Enter changes nothing).
 */
export function ArchiveButton(p: {
  what: string;
  consequence: string;
  archive: () => Promise<unknown>;
  onArchived: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const id = useId();
  if (!asking)
    return (
      <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
        Archive<span className="visually-hidden"> {p.what}</span>
      </button>
    );
  return (
    <ConfirmAction
      id={id}
      question={
        <>
          <strong>Archive {p.what}?</strong> {p.consequence}
        </>
      }
      yes="Yes, archive"
      busyText="Archiving…"
      no="Keep it"
      onYes={async () => {
        await p.archive();
        p.onArchived();
      }}
      onNo={() => setAsking(false)}
    />
  );
}
