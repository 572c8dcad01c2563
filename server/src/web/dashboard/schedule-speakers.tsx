import { LoadError, Loading } from '../components/notice.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import {
  AVAILABILITY_LABELS,
  AvailabilityFields,
  availabilityOf,
} from './schedule-availability.js';
import type { Speaker } from './schedule-types.js';
import { FormArea, FormText, ItemForm, useSettingsForm } from './settings-form.js';
import { SettingsItem } from './settings-item.js';

const LABELS = { name: 'Name', email: 'Email', bio: 'Bio', ...AVAILABILITY_LABELS };

/** The event's speakers: who they are, how to reach them, when they can be on stage. */
export function ScheduleSpeakers(p: { path: string; timezone: string; onChanged: () => void }) {
  const [speakers, reload] = useLoad(() => api<Speaker[]>(`${p.path}/speakers`), [p.path]);
  const changed = () => {
    reload();
    p.onChanged();
  };
  return (
    <section aria-labelledby="schedule-speakers" className="panel">
      <h2 id="schedule-speakers">Speakers</h2>
      {speakers.state === 'loading' ? <Loading what="speakers" /> : null}
      {speakers.state === 'error' ? <LoadError error={speakers.error} what="speaker list" /> : null}
      {speakers.state === 'ok' && speakers.data.length === 0 ? <p>No speakers yet.</p> : null}
      {speakers.state === 'ok' ? (
        <ul className="settings-list">
          {speakers.data.map((s) => (
            <SettingsItem
              key={s.id}
              title={s.name}
              facts={`${s.email ?? 'no email'} · ${
                s.availability.length
                  ? `${s.availability.length} availability windows`
                  : 'always available'
              }`}
              consequence="They are taken off their sessions."
              verb={['Remove', 'Removing…']}
              archive={() => api(`${p.path}/speakers/${s.id}`, { method: 'DELETE' })}
              onChanged={changed}
              edit={(saved) => (
                <SpeakerForm path={p.path} timezone={p.timezone} speaker={s} onSaved={saved} />
              )}
            />
          ))}
        </ul>
      ) : null}
      <SpeakerForm path={p.path} timezone={p.timezone} onSaved={changed} />
    </section>
  );
}

function SpeakerForm(p: {
  path: string;
  timezone: string;
  speaker?: Speaker;
  onSaved: () => void;
}) {
  const s = p.speaker;
  const form = useSettingsForm(s ? `speaker-${s.id}` : 'speaker-new', LABELS);
  return (
    <ItemForm
      form={form}
      list={`${p.path}/speakers`}
      item={s}
      noun="speaker"
      body={(v) => ({
        name: v.text('name'),
        email: v.text('email') || null,
        bio: v.text('bio') || null,
        availability: availabilityOf(v, p.timezone, s?.availability),
      })}
      onSaved={p.onSaved}
    >
      <FormText form={form} name="name" required defaultValue={s?.name} />
      <FormText form={form} name="email" type="email" defaultValue={s?.email ?? ''} />
      <FormArea
        form={form}
        name="bio"
        hint="Shown with their sessions in the programme."
        defaultValue={s?.bio ?? ''}
      />
      <AvailabilityFields form={form} timezone={p.timezone} windows={s?.availability} />
    </ItemForm>
  );
}
