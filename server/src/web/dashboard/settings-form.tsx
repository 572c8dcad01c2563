import { useState, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import { api } from './api.js';
import { ApiError } from '../api.js';
import { ErrorSummary } from '../components/error-summary.js';
import { errorId, FieldError, fieldDomId, TextField } from '../components/field.js';
import { Notice } from '../components/notice.js';
import { useFormErrors } from './form-errors.js';
import { orNull, zonedInstant, zonedLocal } from './settings-values.js';

// The Settings section's forms: many on one page, so each one's fields get ids under its own
// scope ("quota-new.name"), and the server's field errors are shown at those fields.

/**
 * The server's refusal, with its errors on this form's fields: `options.2` → `options` when only
 * the list has a field, and a conflict the server names by code alone (`size_below_used`) on the
 * field `conflicts` names for it.
 */
function onKnownFields(
  err: unknown,
  labels: Record<string, string>,
  conflicts: Record<string, string>,
): unknown {
  if (!(err instanceof ApiError)) return err;
  const field = conflicts[err.code];
  if (!err.problem.errors)
    return field
      ? new ApiError({ ...err.problem, errors: [{ field, message: err.message }] })
      : err;
  const seen = new Set<string>();
  const errors = err.problem.errors
    .map((e) => ({ ...e, field: labels[e.field] ? e.field : e.field.split('.')[0]! }))
    .filter((e) => !seen.has(e.field) && seen.add(e.field));
  return new ApiError({ ...err.problem, errors });
}

export function useSettingsForm(
  scope: string,
  labels: Record<string, string>,
  conflicts: Record<string, string> = {},
) {
  const errors = useFormErrors(labels);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const id = (field: string) => `${scope}.${field}`;
  return {
    labels,
    busy,
    id,
    of: errors.of,
    summary: (
      <>
        <ErrorSummary
          items={errors.items.map((i) => ({ ...i, field: id(i.field) }))}
          round={errors.round}
        />
        {saved ? <Notice tone="success">Saved.</Notice> : null}
      </>
    ),
    /**
     * Runs a save (or, `announce` false, an action that keeps nothing, such as a preview); its
     * refusal is shown field by field.
     */
    async submit(save: () => Promise<void>, announce = true) {
      setBusy(true);
      setSaved(false);
      errors.clear();
      try {
        await save();
        setSaved(announce);
      } catch (err) {
        errors.show(onKnownFields(err, labels, conflicts));
      }
      setBusy(false);
    },
  };
}
export type SettingsForm = ReturnType<typeof useSettingsForm>;

export type FormValues = ReturnType<typeof formValues>;

/** A submitted form's values by name, trimmed. */
export function formValues(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  return {
    text,
    /** A wall time in `timeZone` as an instant; empty is null (no limit). */
    instant: (name: string, timeZone: string) =>
      orNull(text(name), (local) => zonedInstant(local, timeZone)),
    all: (name: string) => data.getAll(name).map(String),
    checked: (name: string) => data.has(name),
  };
}

// `form` is the settings form here, not the input's HTML `form` attribute.
type InputProps = Omit<
  ComponentProps<typeof TextField>,
  'field' | 'label' | 'error' | 'name' | 'form'
>;

export function FormText({
  form,
  name,
  ...input
}: { form: SettingsForm; name: string } & InputProps) {
  return (
    <TextField
      field={form.id(name)}
      label={form.labels[name]}
      name={name}
      error={form.of(name)}
      {...input}
    />
  );
}

/**
 * A from/until pair of date-time fields, shown and read in the event's time zone (`v.instant`).
 * `untilEmpty` says what an empty end means here.
 */
export function FormWindow(p: {
  form: SettingsForm;
  names: [from: string, until: string];
  timezone: string;
  values: [from: string | null | undefined, until: string | null | undefined];
  untilEmpty: string;
}) {
  const local = (at: string | null | undefined) => (at ? zonedLocal(at, p.timezone) : '');
  return (
    <div className="field-pair">
      <FormText
        form={p.form}
        name={p.names[0]}
        type="datetime-local"
        hint={`In ${p.timezone}; empty: now`}
        defaultValue={local(p.values[0])}
      />
      <FormText
        form={p.form}
        name={p.names[1]}
        type="datetime-local"
        hint={`In ${p.timezone}; empty: ${p.untilEmpty}`}
        defaultValue={local(p.values[1])}
      />
    </div>
  );
}

interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled control other than an input (a select, a text area), laid out like TextField. */
function Labelled(p: {
  form: SettingsForm;
  name: string;
  hint?: string;
  control: (props: ControlProps) => ReactNode;
}) {
  const id = fieldDomId(p.form.id(p.name));
  const error = p.form.of(p.name);
  const described = [p.hint ? `${id}-hint` : '', error ? errorId(id) : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{p.form.labels[p.name]}</label>
      {p.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.control({
        id,
        name: p.name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function FormArea(p: {
  form: SettingsForm;
  name: string;
  hint?: string;
  defaultValue?: string;
  placeholder?: string;
  rows?: number;
}) {
  return (
    <Labelled
      {...p}
      control={(c) => (
        <textarea
          {...c}
          rows={p.rows ?? 3}
          defaultValue={p.defaultValue}
          placeholder={p.placeholder}
        />
      )}
    />
  );
}

export function FormSelect(p: {
  form: SettingsForm;
  name: string;
  hint?: string;
  options: [value: string, label: string][];
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
}) {
  return (
    <Labelled
      {...p}
      control={(c) => (
        <select
          {...c}
          value={p.value}
          defaultValue={p.defaultValue}
          onChange={p.onChange && ((e) => p.onChange!(e.target.value))}
        >
          {p.options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function FormCheck(p: { form: SettingsForm; name: string; defaultChecked?: boolean }) {
  const id = fieldDomId(p.form.id(p.name));
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" name={p.name} defaultChecked={p.defaultChecked} />
      <label htmlFor={id}>{p.form.labels[p.name]}</label>
    </div>
  );
}

/** Checkboxes of the event's ticket types; the first carries the id the error summary links to. */
export function TicketTypeChoices(p: {
  form: SettingsForm;
  types: { id: string; name: string }[];
  chosen: string[] | null;
  hint: string;
}) {
  const id = fieldDomId(p.form.id('ticketTypeIds'));
  const error = p.form.of('ticketTypeIds');
  return (
    <fieldset
      className={`field type-choices${error ? ' field-invalid' : ''}`}
      aria-describedby={[`${id}-hint`, error ? errorId(id) : ''].filter(Boolean).join(' ')}
    >
      <legend>{p.form.labels.ticketTypeIds}</legend>
      <p className="hint" id={`${id}-hint`}>
        {p.hint}
      </p>
      {p.types.map((t, i) => (
        <div className="field-check" key={t.id}>
          <input
            id={i === 0 ? id : `${id}-${t.id}`}
            type="checkbox"
            name="ticketTypeIds"
            value={t.id}
            defaultChecked={p.chosen?.includes(t.id)}
          />
          <label htmlFor={i === 0 ? id : `${id}-${t.id}`}>{t.name}</label>
        </div>
      ))}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** The save button, saying it is busy while the server answers. */
export function SaveButton({ form, label }: { form: SettingsForm; label: string }) {
  return (
    <button type="submit" className="button button-primary" disabled={form.busy}>
      {form.busy ? 'Saving…' : label}
    </button>
  );
}

/**
 * The form of one item of a list (a quota, a question…): with `item` it changes that item
 * (PATCH), without it adds one (POST to `list`) and empties itself for the next.
 */
export function ItemForm(p: {
  form: SettingsForm;
  /** The list's API path, `…/quotas`. */
  list: string;
  /** The item being changed, by id and name; none to add one. */
  item?: { id: string; name: string };
  /** What an item is called: "quota" gives "Add a quota", "Save quota". */
  noun: string;
  body: (values: FormValues) => unknown;
  onSaved: () => void;
  /** Resets what the form keeps outside its fields (a chosen kind). */
  onEmptied?: () => void;
  children: ReactNode;
}) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const element = e.currentTarget;
    const body = p.body(formValues(element));
    void p.form.submit(async () => {
      if (p.item) await api(`${p.list}/${p.item.id}`, { method: 'PATCH', body });
      else {
        await api(p.list, { body });
        element.reset();
        p.onEmptied?.();
      }
      p.onSaved();
    });
  };
  const adding = `Add a ${p.noun}`;
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={p.item ? `Edit ${p.item.name}` : adding}
      className="settings-form"
    >
      {p.item ? null : <h3>{adding}</h3>}
      {p.form.summary}
      {p.children}
      <SaveButton form={p.form} label={p.item ? `Save ${p.noun}` : `Add ${p.noun}`} />
    </form>
  );
}
