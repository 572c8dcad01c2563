import { en } from './catalog/en.js';
import {
  defaultTexts,
  EDITABLE_KINDS,
  fillPlaceholders,
  unknownPlaceholders,
} from './custom-texts.js';
import type { TextValues } from './catalog/catalog.js';

const event = {
  id: 'e',
  name: 'RustFest',
  startsAt: '2027-03-01T08:00:00.000Z',
  endsAt: '2027-03-02T17:00:00.000Z',
  timezone: 'Europe/Berlin',
  venue: null,
};
const values: TextValues = {
  event,
  name: 'Ann',
  amount: '€49.00',
  position: '3',
  expiresAt: '2 Mar 2027, 10:00',
  reason: 'duplicate order',
  reasonLine: ' Reason: duplicate order',
  subject: '',
  body: '',
  sessionTitle: 'Borrowing',
  changes: '',
};

describe("an event's own message texts", () => {
  it('fills every placeholder with its value, and nothing else', () => {
    expect(
      fillPlaceholders(
        '{name}: {event} {amount} #{position} until {expiresAt} ({reason}) in {session}',
        values,
      ),
    ).toBe('Ann: RustFest €49.00 #3 until 2 Mar 2027, 10:00 (duplicate order) in Borrowing');
    // A value that looks like a placeholder is not filled again.
    expect(fillPlaceholders('Hi {name}', { ...values, name: '{event}' })).toBe('Hi {event}');
  });

  it('names each brace pair that is not a placeholder, once', () => {
    expect(unknownPlaceholders('Hi {name}, {Name} {when} {when} {}')).toEqual(['Name', 'when', '']);
    expect(unknownPlaceholders('Plain text with a } and a {')).toEqual([]);
  });

  it("shows the catalog's texts of every kind written with placeholders", () => {
    for (const kind of EDITABLE_KINDS) {
      const d = defaultTexts(en, kind, event);
      expect(d.subject.length).toBeGreaterThan(0);
      expect(unknownPlaceholders(d.subject + d.intro)).toEqual([]);
    }
    expect(defaultTexts(en, 'order_confirmed', event).subject).toBe('Your tickets for {event}');
    expect(defaultTexts(en, 'refund_issued', event).intro).toBe(
      'We issued a refund of {amount} for your order.',
    );
  });
});
