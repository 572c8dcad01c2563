import type { ScanResult } from './agent-types.js';
import { answerWords, clockTime } from './answer-words.js';

const base: ScanResult = {
  scanId: 's1',
  result: 'admitted',
  reason: 'entry',
  direction: 'entry',
  offline: false,
  ticketId: 't1',
  attendee: { name: 'Ada Lovelace' },
};

describe('what the answer screen says', () => {
  it('welcomes an admitted attendee by name, and says when it was decided offline', () => {
    expect(answerWords(base)).toMatchObject({ tone: 'admitted', title: 'Welcome, Ada Lovelace' });
    expect(answerWords(base).note).toBeUndefined();
    expect(answerWords({ ...base, offline: true }).note).toMatch(/offline/);
  });

  it('says when and at which gate a ticket was already checked in', () => {
    const at = new Date(2027, 4, 1, 9, 14).toISOString();
    const words = answerWords({
      ...base,
      result: 'already_checked_in',
      reason: 'already_checked_in',
      previousAdmission: { at, gate: 'B' },
    });
    expect(words.tone).toBe('refused');
    expect(words.detail).toBe('This ticket was already checked in at 09:14 at gate B.');
  });

  it('puts refusals in plain words', () => {
    const refused = (result: ScanResult['result'], reason: ScanResult['reason']) =>
      answerWords({ ...base, result, reason, attendee: undefined }).detail;
    expect(refused('revoked', 'revoked')).toBe('This ticket has been revoked.');
    expect(refused('invalid', 'wrong_event')).toBe('This ticket is for a different event.');
    expect(refused('invalid', 'not_valid_yet')).toBe('This ticket is not valid yet.');
    expect(refused('invalid', 'malformed')).toBe('This is not a ticket code.');
  });

  it('falls back to a plain refusal for a reason it does not know', () => {
    const words = answerWords({
      ...base,
      result: 'invalid',
      reason: 'something_new' as ScanResult['reason'],
    });
    expect(words).toMatchObject({ tone: 'refused', detail: 'This ticket is not valid.' });
  });

  it('leaves out a time that does not parse', () => {
    expect(clockTime('not a time')).toBeNull();
    const words = answerWords({
      ...base,
      result: 'already_checked_in',
      reason: 'already_checked_in',
      previousAdmission: { at: 'garbage' },
    });
    expect(words.detail).toBe('This ticket was already checked in.');
  });
});
