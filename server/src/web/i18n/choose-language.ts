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

/**
 * The locale dates and money are written in: the browser's own when it speaks the page's
 * language (en-GB keeps its day-month order, de-CH its apostrophes), else the page's language.
 */
export function formattingLocale(language: string, preferred: readonly string[]): string {
  return preferred.find((p) => p.toLowerCase().split('-')[0] === language) ?? language;
}
