import { de } from './de.js';
import { en } from './en.js';

/** Every key path of a catalog with its value. */
const entries = (o: object, prefix = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : entries(v as object, `${prefix}${k}.`),
  );
const keys = (o: object) =>
  entries(o)
    .map(([k]) => k)
    .sort();
/** The {{placeholders}} a text fills in. */
const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('the portal’s catalogs', () => {
  it('are complete: German has every English key and no other', () => {
    expect(keys(de)).toEqual(keys(en));
  });

  it('hold no empty text, which i18next would show as its key', () => {
    for (const catalog of [en, de]) {
      expect(entries(catalog).filter(([, v]) => v === '')).toEqual([]);
    }
  });

  it('fill in the same values in every language', () => {
    const german = new Map(entries(de));
    for (const [key, text] of entries(en)) {
      expect([key, placeholders(german.get(key) ?? '')]).toEqual([key, placeholders(text)]);
    }
  });

  it('leave no German text empty or still in English', () => {
    const english = new Map(entries(en));
    const same = entries(de)
      .filter(([k, v]) => v === english.get(k))
      .map(([k]) => k);
    // Words both languages write alike.
    expect(same.sort()).toEqual(
      [
        'registration.ticket',
        'ticket.card',
        'ticket.name',
        'ticket.status',
        'ticket.title',
        'ticket.type',
      ].sort(),
    );
    for (const [, v] of entries(de)) expect(v.trim()).not.toBe('');
  });
});
