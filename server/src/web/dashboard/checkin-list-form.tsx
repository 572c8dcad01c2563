import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../components/error-summary.js';
import { FieldError, TextField, errorId, fieldDomId } from '../components/field.js';
import { api } from './api.js';
import { Choices } from './checkin-choices.js';
import { ENTRY_RULES, type CheckinList, type EntryRule } from './checkin-types.js';
import { useFormErrors } from './form-errors.js';
import { orNull, zonedInstant, zonedLocal } from './settings-values.js';
import type { Room } from './schedule-types.js';
import type { TicketType } from './types.js';

const LABELS = {
  name: 'Name',
  ticketTypeIds: 'Ticket types',
  'window.from': 'Opens',
  'window.until': 'Closes',
  window: 'Opening hours',
  entryRule: 'Entry rule',
  gates: 'Gates',
  roomId: 'Session door',
};

/** What the form sends: the API's list fields, all of them (a PATCH of everything is an edit). */
function listBody(form: FormData, timeZone: string) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const ticketTypeIds = form.getAll('ticketTypeIds').map(String);
  const at = (name: string) => orNull(text(name), (t) => zonedInstant(t, timeZone));
  const from = at('from');
  const until = at('until');
  return {
    name: text('name'),
    ticketTypeIds: ticketTypeIds.length ? ticketTypeIds : null,
    window: from || until ? { from, until } : null,
    entryRule: text('entryRule') as EntryRule,
    gates: text('gates')
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean),
    roomId: text('roomId') || null,
  };
}

/**
 * Creates a check-in list, or edits `list`: name, the ticket types it admits (none ticked: all),
 * when it admits (in the event's time zone), its entry rule and the gates that scan for it.
 */
export function CheckinListForm({
  base,
  types,
  rooms,
  list,
  timeZone,
  onSaved,
  onCancel,
}: {
  base: string;
  types: TicketType[];
  /** The schedule's rooms, for a session door. */
  rooms: Room[];
  list?: CheckinList;
  /** The event's: opening hours are typed as the venue's wall clock. */
  timeZone: string;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const errors = useFormErrors(LABELS);
  const [busy, setBusy] = useState(false);
  // Ids stay unique when an edit form and the add form are on the page together.
  const prefix = list ? `list-${list.id}-` : 'new-list-';
  const field = (name: string) => `${prefix}${name}`;
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (list) formRef.current?.querySelector('input')?.focus();
  }, [list]);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    setBusy(true);
    errors.clear();
    try {
      const body = listBody(new FormData(formElement), timeZone);
      if (list) await api(`${base}/checkin-lists/${list.id}`, { method: 'PATCH', body });
      else await api(`${base}/checkin-lists`, { body });
      if (!list) formElement.reset();
      onSaved();
    } catch (err) {
      errors.show(err);
    }
    setBusy(false);
  };
  const rule = list?.entryRule ?? 'single';
  const chosen = new Set(list?.ticketTypeIds ?? []);
  const headingId = `${prefix}heading`;
  return (
    <form
      ref={formRef}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={headingId}
      className="checkin-list-form"
    >
      <h3 id={headingId}>{list ? `Edit ${list.name}` : 'Add a check-in list'}</h3>
      <ErrorSummary
        items={errors.items.map((i) => ({ ...i, field: field(i.field) }))}
        round={errors.round}
      />
      <TextField
        field={field('name')}
        label={LABELS.name}
        hint="What the door staff call it, e.g. Main entrance"
        name="name"
        required
        maxLength={200}
        defaultValue={list?.name}
        error={errors.of('name')}
      />
      <Choices
        id={field('ticketTypeIds')}
        type="checkbox"
        name="ticketTypeIds"
        legend={LABELS.ticketTypeIds}
        hint={
          types.length ? 'None ticked: every ticket type.' : 'The event has no ticket types yet.'
        }
        options={types.map((t) => ({ value: t.id, label: t.name }))}
        checked={(id) => chosen.has(id)}
        error={errors.of('ticketTypeIds')}
      />
      <div className="field-pair">
        <TextField
          field={field('window.from')}
          label={LABELS['window.from']}
          hint={`${timeZone} time; empty: from the start`}
          name="from"
          type="datetime-local"
          defaultValue={list?.window.from ? zonedLocal(list.window.from, timeZone) : ''}
          error={errors.of('window.from') ?? errors.of('window')}
        />
        <TextField
          field={field('window.until')}
          label={LABELS['window.until']}
          hint={`${timeZone} time; empty: never (exits are always let out)`}
          name="until"
          type="datetime-local"
          defaultValue={list?.window.until ? zonedLocal(list.window.until, timeZone) : ''}
          error={errors.of('window.until')}
        />
      </div>
      <Choices
        id={field('entryRule')}
        type="radio"
        name="entryRule"
        legend={LABELS.entryRule}
        options={ENTRY_RULES}
        checked={(value) => value === rule}
        error={errors.of('entryRule')}
      />
      <TextField
        field={field('gates')}
        label={LABELS.gates}
        hint="Separated by commas. A kiosk started with --gate NAME scans for the list of its gate."
        name="gates"
        defaultValue={list?.gates.join(', ')}
        error={errors.of('gates')}
      />
      {rooms.length || list?.roomId ? (
        <RoomField
          id={fieldDomId(field('roomId'))}
          rooms={rooms}
          value={list?.roomId ?? ''}
          error={errors.of('roomId')}
        />
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : list ? 'Save list' : 'Add list'}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** A session door: the room whose released sessions' signups the list admits. */
function RoomField(p: { id: string; rooms: Room[]; value: string; error: string | undefined }) {
  const hint = `${p.id}-hint`;
  return (
    <div className={`field${p.error ? ' field-invalid' : ''}`}>
      <label htmlFor={p.id}>{LABELS.roomId}</label>
      <p className="hint" id={hint}>
        A room of the schedule: the list then admits, from 15 minutes before each session there
        until its end, the session&apos;s confirmed signups (anyone of the list for a session
        without signup).
      </p>
      <select
        id={p.id}
        name="roomId"
        defaultValue={p.value}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={[hint, p.error ? errorId(p.id) : ''].filter(Boolean).join(' ')}
      >
        <option value="">None: an entrance, not a room</option>
        {p.rooms.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <FieldError id={p.id} error={p.error} />
    </div>
  );
}
