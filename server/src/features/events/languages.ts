// The languages Lanyard is translated into: the portal's, the messages' and the kiosk's catalogs
// exist for each (docs/organizer-guide.md, Languages, says how to add one).
export const LANGUAGES = ['en', 'de'] as const;

export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  (LANGUAGES as readonly unknown[]).includes(value);
