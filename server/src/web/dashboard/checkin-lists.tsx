import { useRef } from 'react';
import { LoadError, Loading } from '../components/notice.js';
import { formatInstant } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { ConfirmAction } from './checkin-confirm.js';
import { CheckinListForm } from './checkin-list-form.js';
import { useRowMode } from './checkin-row-mode.js';
import { ENTRY_RULES, type CheckinList, type CheckinListCollection } from './checkin-types.js';
import type { Room } from './schedule-types.js';
import type { TicketType } from './types.js';

interface Loaded {
  lists: CheckinList[];
  types: TicketType[];
  rooms: Room[];
}

/** The event's check-in lists: who gets in where, when and how often; add, edit, delete. */
export function CheckinLists({ base, timeZone }: { base: string; timeZone: string }) {
  const [loaded, reload] = useLoad(async (): Promise<Loaded> => {
    const [lists, types, rooms] = await Promise.all([
      api<CheckinListCollection>(`${base}/checkin-lists`, { cache: 'no-store' }),
      api<TicketType[]>(`${base}/ticket-types`),
      // Session doors need the schedule's rooms; without them the lists are entrances only.
      api<Room[]>(`${base}/schedule/rooms`).catch((): Room[] => []),
    ]);
    return { lists: lists.items, types, rooms };
  }, [base]);
  return (
    <section aria-labelledby="checkin-lists" className="panel">
      <h2 id="checkin-lists">Check-in lists</h2>
      <p className="hint">
        A list says which ticket types an entrance admits, when, and how often. Without lists, every
        ticket gets in once, at any time.
      </p>
      {loaded.state === 'loading' ? <Loading what="check-in lists" /> : null}
      {loaded.state === 'error' ? <LoadError error={loaded.error} what="check-in list" /> : null}
      {loaded.state === 'ok' ? (
        <>
          <ul className="checkin-lists">
            {loaded.data.lists.map((l) => (
              <ListItem
                key={l.id}
                list={l}
                base={base}
                types={loaded.data.types}
                rooms={loaded.data.rooms}
                timeZone={timeZone}
                onChanged={reload}
              />
            ))}
          </ul>
          <CheckinListForm
            base={base}
            types={loaded.data.types}
            rooms={loaded.data.rooms}
            timeZone={timeZone}
            onSaved={reload}
          />
        </>
      ) : null}
    </section>
  );
}

function ListItem({
  list,
  base,
  types,
  rooms,
  timeZone,
  onChanged,
}: {
  list: CheckinList;
  base: string;
  types: TicketType[];
  rooms: Room[];
  timeZone: string;
  onChanged: () => void;
}) {
  const editButton = useRef<HTMLButtonElement>(null);
  const { mode, open, back } = useRowMode<'view' | 'edit' | 'delete'>(
    'view',
    () => editButton.current,
  );
  if (mode === 'edit')
    return (
      <li>
        <CheckinListForm
          base={base}
          types={types}
          rooms={rooms}
          list={list}
          timeZone={timeZone}
          onSaved={() => {
            onChanged();
            back();
          }}
          onCancel={back}
        />
      </li>
    );
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  const { from, until } = list.window;
  return (
    <li data-testid="checkin-list">
      <p>
        <strong>{list.name}</strong>
        {list.isDefault ? <span className="hint"> (used while the event has no lists)</span> : null}
      </p>
      <p>
        {ENTRY_RULES.find((r) => r.value === list.entryRule)?.label} ·{' '}
        {list.ticketTypeIds
          ? list.ticketTypeIds.map((id) => typeName.get(id) ?? 'a removed ticket type').join(', ')
          : 'All ticket types'}
      </p>
      <p className="hint">
        {from || until
          ? `Open ${from ? `from ${formatInstant(from, timeZone)}` : ''}${from && until ? ' ' : ''}${
              until ? `until ${formatInstant(until, timeZone)}` : ''
            }`
          : 'Open at any time'}
        {list.gates.length ? ` · Gates: ${list.gates.join(', ')}` : ''}
      </p>
      {list.roomId ? (
        <p className="hint">
          Session door of {rooms.find((r) => r.id === list.roomId)?.name ?? 'a removed room'}:
          admits the signups of the session on there
        </p>
      ) : null}
      {list.isDefault ? null : mode === 'delete' ? (
        <ConfirmAction
          id={`delete-${list.id}`}
          question={
            <>
              Delete <strong>{list.name}</strong>? The entries it admitted stay counted.
            </>
          }
          yes="Yes, delete"
          busyText="Deleting…"
          no="Keep it"
          onYes={async () => {
            await api(`${base}/checkin-lists/${list.id}`, { method: 'DELETE' });
            onChanged();
          }}
          onNo={back}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button-secondary"
            ref={editButton}
            aria-label={`Edit ${list.name}`}
            onClick={() => open('edit')}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button-danger"
            aria-label={`Delete ${list.name}`}
            onClick={() => open('delete')}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
