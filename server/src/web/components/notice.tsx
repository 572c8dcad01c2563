import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api.js';

/** Loading: a polite live region, so it is read once and not repeated. */
export function Loading({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <p className="notice" role="status" aria-live="polite">
      {t('load.loading', { what })}
    </p>
  );
}

export function Notice({
  tone = 'info',
  children,
}: {
  tone?: 'info' | 'error' | 'success';
  children: ReactNode;
}) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A failed load, said in words an attendee can act on. */
export function LoadError({ error, what }: { error: ApiError; what: string }) {
  const { t } = useTranslation();
  const text =
    error.status === 404
      ? t('load.notFound', { what })
      : error.status === 401
        ? t('load.missingKey', { what })
        : error.code === 'network_error'
          ? t('common.network')
          : error.problem.detail;
  return <Notice tone="error">{text}</Notice>;
}
