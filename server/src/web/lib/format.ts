// Dates and money as attendees read them: dates in the event's own time zone (a conference in
// Berlin starts at 09:00 Berlin time, wherever the phone is), money in the ticket's currency.

const dateTime: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/** "Sat, 1 May 2027, 11:00 – Sun, 2 May 2027, 20:00 CEST", shortened by the locale when one day. */
export function formatEventDates(
  startsAt: string,
  endsAt: string,
  timeZone: string,
  locale?: string,
): string {
  const format = new Intl.DateTimeFormat(locale, { ...dateTime, timeZone, timeZoneName: 'short' });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** One instant in the event's time zone, e.g. an offer's expiry. */
export function formatInstant(at: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { ...dateTime, timeZone, timeZoneName: 'short' }).format(
    new Date(at),
  );
}

/** Minor units to a price; zero is "Free". */
export function formatPrice(cents: number, currency: string, locale?: string): string {
  return cents === 0 ? 'Free' : formatMoney(cents, currency, locale);
}

/** Minor units to an amount of money, zero included ("€0.00"), e.g. revenue. */
export function formatMoney(cents: number, currency: string, locale?: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}
