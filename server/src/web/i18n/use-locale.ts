import { useTranslation } from 'react-i18next';
import { formatMoney } from '../lib/format.js';
import { formattingLocale } from './choose-language.js';

/** The locale of dates, times and money on the page, following the page's language. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return formattingLocale(i18n.language, navigator.languages ?? []);
}

/** A ticket price in the reader's language: money by Intl, zero in words ("Free", "Kostenlos"). */
export function useFormatPrice(): (cents: number, currency: string) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return (cents, currency) =>
    cents === 0 ? t('choice.free') : formatMoney(cents, currency, locale);
}
