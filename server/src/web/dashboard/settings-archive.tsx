import { useId, useState } from 'react';
import { ConfirmAction } from './checkin-confirm.js';

/** The button's word and what it says while the server works: ['Remove', 'Removing…']. */
export type Verb = [word: string, doing: string];
const ARCHIVE: Verb = ['Archive', 'Archiving…'];

/**
 * Archiving in two steps: "Archive" asks, saying what happens, and only "Yes, archive" does it
 * ("Keep it" has the focus, so a stray Enter changes nothing). `verb` names another ending of an
 * item the same way (a schedule's room is removed, not archived).
 */
export function ArchiveButton(p: {
  what: string;
  consequence: string;
  archive: () => Promise<unknown>;
  onArchived: () => void;
  verb?: Verb;
}) {
  const [asking, setAsking] = useState(false);
  const [verb, doing] = p.verb ?? ARCHIVE;
  const id = useId();
  if (!asking)
    return (
      <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
        {verb}
        <span className="visually-hidden"> {p.what}</span>
      </button>
    );
  return (
    <ConfirmAction
      id={id}
      question={
        <>
          <strong>
            {verb} {p.what}?
          </strong>{' '}
          {p.consequence}
        </>
      }
      yes={`Yes, ${verb.toLowerCase()}`}
      busyText={doing}
      no="Keep it"
      onYes={async () => {
        await p.archive();
        p.onArchived();
      }}
      onNo={() => setAsking(false)}
    />
  );
}
