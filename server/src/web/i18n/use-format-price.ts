import { useTranslation } from 'react-i18next';
import { formatMoney } from '../lib/format.js';

/** A ticket price in the reader's language: money by Intl, zero in words ("Free", "Kostenlos"). */
export function useFormatPrice(): (cents: number, currency: string) => string {
  const { t, i18n } = useTranslation();
  return (cents, currency) =>
    cents === 0 ? t('choice.free') : formatMoney(cents, currency, i18n.language);
}
