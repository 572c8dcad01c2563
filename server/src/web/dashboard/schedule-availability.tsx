import { FormText, type FormValues, type SettingsForm } from './settings-form.js';
import { zonedLocal } from './settings-values.js';

// A room's or speaker's availability in their forms: one from/until window in the event's
// zone (the common case: the conference days). Further windows set through the API or the event
// file are kept as they are.

interface Window {
  start: string;
  end: string;
}

/** Labels of the window's fields; the API's `availability.N.…` errors land on the first. */
export const AVAILABILITY_LABELS = { availability: 'Available from', availableUntil: 'Until' };

export function AvailabilityFields(p: {
  form: SettingsForm;
  timezone: string;
  windows: Window[] | undefined;
}) {
  const first = p.windows?.[0];
  const more = (p.windows?.length ?? 0) - 1;
  const hint = `In ${p.timezone}; both empty: always available`;
  return (
    <>
      <div className="field-pair">
        <FormText
          form={p.form}
          name="availability"
          type="datetime-local"
          hint={hint}
          defaultValue={first ? zonedLocal(first.start, p.timezone) : ''}
        />
        <FormText
          form={p.form}
          name="availableUntil"
          type="datetime-local"
          hint={hint}
          defaultValue={first ? zonedLocal(first.end, p.timezone) : ''}
        />
      </div>
      {more > 0 ? <p className="hint">And {more} more windows, kept as they are.</p> : null}
    </>
  );
}

/** The windows to send: the form's one (unless both are empty) and the others kept. */
export function availabilityOf(v: FormValues, timezone: string, windows: Window[] | undefined) {
  const start = v.instant('availability', timezone);
  const end = v.instant('availableUntil', timezone);
  const rest = windows?.slice(1) ?? [];
  return start === null && end === null ? rest : [{ start, end }, ...rest];
}
