import { chooseLanguage, formattingLocale } from './choose-language.js';

describe('choosing the portal’s language', () => {
  it('keeps the language the attendee chose when the event offers it', () => {
    expect(chooseLanguage(['en', 'de'], 'de', ['en-US'])).toBe('de');
  });

  it('takes the first browser language the event offers, by its base language', () => {
    expect(chooseLanguage(['en', 'de'], null, ['fr-FR', 'de-AT', 'en'])).toBe('de');
  });

  it('falls back to the event’s default when nothing the browser asks for is offered', () => {
    expect(chooseLanguage(['de', 'en'], null, ['fr-FR'])).toBe('de');
    expect(chooseLanguage(['en'], 'de', ['de-DE'])).toBe('en');
  });

  it('writes dates in the browser’s own locale when it speaks the page’s language', () => {
    expect(formattingLocale('en', ['en-GB', 'de'])).toBe('en-GB');
    expect(formattingLocale('de', ['en-GB', 'de-AT'])).toBe('de-AT');
    expect(formattingLocale('de', ['en-US'])).toBe('de');
  });
});
