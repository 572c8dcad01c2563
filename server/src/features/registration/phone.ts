import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
// The full metadata as a JavaScript module (the package's `import` of it): `libphonenumber-js/max`
// imports the .json file itself, which jest's ESM mode warns about five times per test file.
import metadata from 'libphonenumber-js/metadata.max.json';

/** How an event asks for the attendee's phone. */
export const PHONE_FIELD = ['off', 'optional', 'required'] as const;
export type PhoneField = (typeof PHONE_FIELD)[number];

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

/**
 * A phone number as typed (national `030 1234567`, international `+49 30 1234567`, `0049…`,
 * with spaces, dashes, brackets) in E.164. A national number needs `region` (ISO 3166 alpha-2:
 * the buyer's choice, else the event's default). Only numbers that can exist are taken (the full
 * metadata knows each region's lengths and prefixes), so a typo is caught at registration and not
 * by an SMS gateway days later.
 */
export function normalizePhone(input: string, region?: string | null): PhoneResult {
  const text = input.trim();
  if (!/^[+\d\s().\-/]{3,40}$/.test(text)) {
    return { ok: false, message: 'must be a phone number, e.g. +49 30 1234567' };
  }
  const parsed = parsePhoneNumberFromString(
    text,
    { defaultCountry: (region ?? undefined) as CountryCode | undefined },
    metadata,
  );
  if (!parsed) {
    return {
      ok: false,
      message: region
        ? 'must be a phone number, e.g. +49 30 1234567'
        : 'must start with + and the country code (the event sets no default country)',
    };
  }
  if (!parsed.isValid()) return { ok: false, message: 'is not a valid phone number' };
  return { ok: true, e164: parsed.number };
}

const REGIONS = new Set<string>(getCountries(metadata));

/** Whether `region` is one libphonenumber knows (an event's default country). */
export const isPhoneRegion = (region: string): boolean => REGIONS.has(region);
