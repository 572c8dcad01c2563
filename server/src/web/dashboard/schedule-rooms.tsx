import { LoadError, Loading } from '../components/notice.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import {
  AVAILABILITY_LABELS,
  AvailabilityFields,
  availabilityOf,
} from './schedule-availability.js';
import type { Room } from './schedule-types.js';
import { FormText, ItemForm, useSettingsForm } from './settings-form.js';
import { SettingsItem } from './settings-item.js';
import { orNull, wholeNumber } from './settings-values.js';

const LABELS = {
  name: 'Name',
  capacity: 'Seats',
  position: 'Place on the grid',
  ...AVAILABILITY_LABELS,
};

/** The event's rooms: seats, when each can be used, and their order on the grid. */
export function ScheduleRooms(p: { path: string; timezone: string; onChanged: () => void }) {
  const [rooms, reload] = useLoad(() => api<Room[]>(`${p.path}/rooms`), [p.path]);
  const changed = () => {
    reload();
    p.onChanged();
  };
  return (
    <section aria-labelledby="schedule-rooms" className="panel">
      <h2 id="schedule-rooms">Rooms</h2>
      {rooms.state === 'loading' ? <Loading what="rooms" /> : null}
      {rooms.state === 'error' ? <LoadError error={rooms.error} what="room list" /> : null}
      {rooms.state === 'ok' && rooms.data.length === 0 ? <p>No rooms yet.</p> : null}
      {rooms.state === 'ok' ? (
        <ul className="settings-list">
          {[...rooms.data]
            .sort((a, b) => a.position - b.position)
            .map((r) => (
              <SettingsItem
                key={r.id}
                title={r.name}
                facts={`${r.capacity === null ? 'Seats not limited' : `${r.capacity} seats`} · ${
                  r.availability.length
                    ? `${r.availability.length} availability windows`
                    : 'always available'
                }`}
                consequence="Sessions in it lose their room until placed again."
                verb={['Remove', 'Removing…']}
                archive={() => api(`${p.path}/rooms/${r.id}`, { method: 'DELETE' })}
                onChanged={changed}
                edit={(saved) => (
                  <RoomForm path={p.path} timezone={p.timezone} room={r} onSaved={saved} />
                )}
              />
            ))}
        </ul>
      ) : null}
      <RoomForm path={p.path} timezone={p.timezone} onSaved={changed} />
    </section>
  );
}

function RoomForm(p: { path: string; timezone: string; room?: Room; onSaved: () => void }) {
  const r = p.room;
  const form = useSettingsForm(r ? `room-${r.id}` : 'room-new', LABELS, {
    duplicate_name: 'name',
  });
  return (
    <ItemForm
      form={form}
      list={`${p.path}/rooms`}
      item={r}
      noun="room"
      body={(v) => ({
        name: v.text('name'),
        capacity: orNull(v.text('capacity'), wholeNumber),
        position: orNull(v.text('position'), wholeNumber) ?? 0,
        availability: availabilityOf(v, p.timezone, r?.availability),
      })}
      onSaved={p.onSaved}
    >
      <FormText form={form} name="name" required defaultValue={r?.name} />
      <FormText
        form={form}
        name="capacity"
        inputMode="numeric"
        hint="Empty: not limited."
        defaultValue={r?.capacity === null || !r ? '' : String(r.capacity)}
      />
      <FormText
        form={form}
        name="position"
        inputMode="numeric"
        hint="Rooms are shown left to right by this number."
        defaultValue={r ? String(r.position) : ''}
      />
      <AvailabilityFields form={form} timezone={p.timezone} windows={r?.availability} />
    </ItemForm>
  );
}
