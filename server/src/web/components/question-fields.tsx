import { useTranslation } from 'react-i18next';
import type { PublicQuestion } from '../../features/portal/schema.js';
import type { AnswerValue } from '../lib/validate-registration.js';
import { errorId, FieldError, fieldDomId } from './field.js';

interface Props {
  questions: PublicQuestion[];
  answers: Record<string, AnswerValue>;
  errors: Record<string, string>;
  onChange: (id: string, value: AnswerValue) => void;
}

/** The organizer's questions: text, choice (a select) and checkbox, each labelled. */
export function QuestionFields({ questions, answers, errors, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {questions.map((q) => {
        const field = `answers.${q.id}`;
        const id = fieldDomId(field);
        const error = errors[field];
        const aria = {
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? errorId(id) : undefined,
          'aria-required': q.required || undefined,
        };
        const req = q.required ? <span className="req"> {t('common.required')}</span> : null;
        if (q.kind === 'checkbox') {
          return (
            <div key={q.id} className={`field field-check${error ? ' field-invalid' : ''}`}>
              <input
                id={id}
                type="checkbox"
                checked={answers[q.id] === true}
                onChange={(e) => onChange(q.id, e.target.checked)}
                {...aria}
              />
              <label htmlFor={id}>
                {q.label}
                {req}
              </label>
              <FieldError id={id} error={error} />
            </div>
          );
        }
        const value = typeof answers[q.id] === 'string' ? (answers[q.id] as string) : '';
        return (
          <div key={q.id} className={`field${error ? ' field-invalid' : ''}`}>
            <label htmlFor={id}>
              {q.label}
              {req}
            </label>
            {q.kind === 'choice' ? (
              <select
                id={id}
                value={value}
                onChange={(e) => onChange(q.id, e.target.value)}
                {...aria}
              >
                <option value="">{t('questions.choose')}</option>
                {q.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                type="text"
                value={value}
                maxLength={2000}
                onChange={(e) => onChange(q.id, e.target.value)}
                {...aria}
              />
            )}
            <FieldError id={id} error={error} />
          </div>
        );
      })}
    </>
  );
}
