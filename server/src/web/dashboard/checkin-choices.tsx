import { FieldError, errorId, fieldDomId } from '../components/field.js';

export interface Choice {
  value: string;
  label: string;
  /** Said after the label, in its text: "Single entry — A ticket gets in once." */
  hint?: string;
}

/** Checkboxes (several) or radio buttons (one) under a legend, with the group's hint and error. */
export function Choices({
  id,
  type,
  name,
  legend,
  hint,
  options,
  checked,
  error,
}: {
  id: string;
  type: 'checkbox' | 'radio';
  name: string;
  legend: string;
  hint?: string;
  options: Choice[];
  checked: (value: string) => boolean;
  error: string | undefined;
}) {
  const domId = fieldDomId(id);
  const described = [hint ? `${domId}-hint` : '', error ? errorId(domId) : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      id={domId}
      tabIndex={-1}
      className={`field choices${error ? ' field-invalid' : ''}`}
      aria-describedby={described || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${domId}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.map((o) => (
        <div className="field-check" key={o.value}>
          <input
            type={type}
            id={`${domId}-${o.value}`}
            name={name}
            value={o.value}
            defaultChecked={checked(o.value)}
          />
          <label htmlFor={`${domId}-${o.value}`}>
            {o.label}
            {o.hint ? <span className="hint"> — {o.hint}</span> : null}
          </label>
        </div>
      ))}
      <FieldError id={domId} error={error} />
    </fieldset>
  );
}
