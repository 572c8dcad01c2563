import { useRef, useState, type ReactNode } from 'react';
import { ArchiveButton, type Verb } from './settings-archive.js';

/**
 * One row of a settings list: its name and facts, an "Edit" that opens its form below, and
 * "Archive" with a confirmation. `edit` gets `saved`, which closes the form and reloads.
 */
export function SettingsItem(p: {
  title: string;
  facts: ReactNode;
  /** What archiving it does, said in the confirmation. */
  consequence: string;
  archive: () => Promise<unknown>;
  edit: (saved: () => void) => ReactNode;
  onChanged: () => void;
  /** More buttons beside Edit (moving a question). */
  extra?: ReactNode;
  /** Another word than Archive for `archive`. */
  verb?: Verb;
}) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  return (
    <li className="settings-item">
      <div className="settings-item-head">
        <strong>{p.title}</strong>
        <span className="hint">{p.facts}</span>
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={editing}
          ref={editButton}
          onClick={() => setEditing(!editing)}
        >
          {editing ? 'Close' : 'Edit'}
          <span className="visually-hidden"> {p.title}</span>
        </button>
        {p.extra}
        <ArchiveButton
          what={p.title}
          consequence={p.consequence}
          archive={p.archive}
          onArchived={p.onChanged}
          verb={p.verb}
        />
      </div>
      {editing
        ? p.edit(() => {
            setEditing(false);
            // The form is gone; its Edit button keeps the keyboard's place in the list.
            editButton.current?.focus();
            p.onChanged();
          })
        : null}
    </li>
  );
}
