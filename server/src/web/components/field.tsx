import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The id of a field's error text, so the input can point at it with aria-describedby. */
export const errorId = (id: string) => `${id}-error`;

/** A DOM id for a server field name (`attendee.email` → `f-attendee-email`). */
export const fieldDomId = (field: string) => `f-${field.replace(/[^\w-]/g, '-')}`;

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={errorId(id)}>
      {error}
    </p>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  field: string;
  label: ReactNode;
  hint?: string;
  error: string | undefined;
}

export function TextField({ field, label, hint, error, required, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  const id = fieldDomId(field);
  const described = [hint ? `${id}-hint` : '', error ? errorId(id) : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="req"> {t('common.required')}</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        aria-required={required || undefined}
        {...input}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}
