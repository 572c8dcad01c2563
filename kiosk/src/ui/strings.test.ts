import { CATALOGS } from './strings.js';

/** Every key path of a catalog; a function's by its number of parameters too. */
const shape = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'function'
      ? [`${prefix}${k}(${(v as (...a: unknown[]) => unknown).length})`]
      : typeof v === 'object' && v !== null && !Array.isArray(v)
        ? shape(v as object, `${prefix}${k}.`)
        : [`${prefix}${k}${Array.isArray(v) ? `[${v.length}]` : ''}`],
  );

describe('the kiosk’s words', () => {
  it('are complete in German: every English key, reason and printer fix, and no other', () => {
    expect(shape(CATALOGS.de!).sort()).toEqual(shape(CATALOGS.en!).sort());
  });

  it('say the same things in German as the English do, worded for a German reader', () => {
    const [en, de] = [CATALOGS.en!, CATALOGS.de!];
    expect(de.answer.welcome('Ada')).toBe('Willkommen, Ada');
    expect(de.answer.alreadyCheckedIn('09:14', 'B')).toBe(
      'Dieses Ticket wurde bereits eingecheckt um 09:14 Uhr an Eingang B.',
    );
    expect(de.status.queued(1)).toBe('1 Scan zum Hochladen');
    expect(de.status.queued(3)).toBe('3 Scans zum Hochladen');
    expect(de.idle.instructions).not.toBe(en.idle.instructions);
  });
});
