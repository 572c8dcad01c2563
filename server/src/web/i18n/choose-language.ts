/**
 * The language to show: the attendee's remembered choice when the event offers it, else the
 * first of the browser's languages (navigator.languages, which is what it sends as
 * Accept-Language) that the event offers, matched on the base language ("de-AT" reads "de"),
 * else the event's default (its first).
 */
export function chooseLanguage(
  offered: readonly string[],
  remembered: string | null,
  preferred: readonly string[],
): string {
  if (remembered && offered.includes(remembered)) return remembered;
  for (const p of preferred) {
    const base = p.toLowerCase().split('-')[0]!;
    if (offered.includes(base)) return base;
  }
  return offered[0] ?? 'en';
}
