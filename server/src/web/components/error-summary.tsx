import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldDomId } from './field.js';

export interface SummaryItem {
  field: string;
  label: string;
  message: string;
}

/** The server names an answer's question in its message; beside the field that is said twice. */
export const withoutLabel = (message: string, label: string) =>
  message.startsWith(`${label}: `) ? message.slice(label.length + 2) : message;

/**
 * The list of problems above a form, focused when it appears; each entry links to its field.
 * Messages already naming their field (the server's answers do) are not prefixed twice.
 */
export function ErrorSummary({ items, round }: { items: SummaryItem[]; round: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length) ref.current?.focus();
    // Focus again on every submit, even when the same problems remain.
  }, [round, items.length]);
  if (!items.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{t('errors.heading', { count: items.length })}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.field}>
            <a
              href={`#${fieldDomId(item.field)}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(fieldDomId(item.field))?.focus();
              }}
            >
              {item.message.startsWith(`${item.label}:`)
                ? item.message
                : `${item.label}: ${item.message}`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
