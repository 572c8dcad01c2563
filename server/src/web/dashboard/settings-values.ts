// Form text to the API's values. What cannot be read is sent as typed, so the server refuses it
// and names the field, instead of the form guessing (a mistyped limit must not become "none").

/** "12.50" → 1250; anything else is returned as typed. */
export function toCents(text: string): number | string {
  if (!/^\d+([.,]\d{1,2})?$/.test(text)) return text;
  return Math.round(Number(text.replace(',', '.')) * 100);
}

/** 1250 → "12.50", for a form showing a price already set. */
export const centsText = (cents: number) => (cents / 100).toFixed(2);

/** "12" → 12; anything else is returned as typed. */
export const wholeNumber = (text: string): number | string =>
  /^\d+$/.test(text) ? Number(text) : text;

/** Empty means "none" (no limit, no venue); anything else as `read` makes it. */
export const orNull = <T>(text: string, read: (text: string) => T): T | null =>
  text === '' ? null : read(text);

const isZone = (timeZone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
};

/** The wall time an instant shows in `timeZone`, as a datetime-local input holds it. */
export function zonedLocal(instant: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: isZone(timeZone) ? timeZone : 'UTC',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * A wall time in `timeZone` ("2027-06-10T09:00" in Europe/Berlin) as an instant with an offset.
 * An unknown zone reads it as UTC, so the server names only the zone; text that is not a wall
 * time is returned as typed.
 */
export function zonedInstant(local: string, timeZone: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return local;
  const zone = isZone(timeZone) ? timeZone : 'UTC';
  const asUtc = Date.parse(`${local}:00Z`);
  const offset = (at: number) =>
    Date.parse(`${zonedLocal(new Date(at).toISOString(), zone)}:00Z`) - at;
  let at = asUtc - offset(asUtc);
  // Across a daylight-saving change the offset at the guess differs from the one at the answer.
  at = asUtc - offset(at);
  return new Date(at).toISOString();
}
