import i18next from 'i18next';
import type { PublicQuestion, PublicTicketType } from '../../features/portal/schema.js';
import { en } from '../i18n/en.js';
import {
  questionsFor,
  registrationBody,
  validateRegistration,
  type RegistrationDraft,
} from './validate-registration.js';

const type: PublicTicketType = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Regular',
  description: null,
  priceCents: 0,
  currency: 'EUR',
  maxPerOrder: 2,
  available: 10,
  saleState: 'on_sale',
  waitlist: false,
  salesStart: null,
  salesEnd: null,
};
const other = '00000000-0000-4000-8000-000000000002';
const q = (over: Partial<PublicQuestion>): PublicQuestion => ({
  id: '10000000-0000-4000-8000-000000000000',
  label: 'Company',
  kind: 'text',
  required: false,
  options: [],
  ticketTypeIds: null,
  ...over,
});
const draft = (over: Partial<RegistrationDraft> = {}): RegistrationDraft => ({
  ticketTypeId: type.id,
  quantity: 1,
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  answers: {},
  promoCode: '',
  guests: [],
  ...over,
});

// The checks speak the reader's language; these run them in English.
const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
const t = i18n.t;

describe('registration form checks', () => {
  it('accepts a complete form', () => {
    expect(validateRegistration(t, draft(), type, [])).toEqual([]);
  });

  it('names each bad field with the server’s field names', () => {
    const issues = validateRegistration(
      t,
      draft({ name: '   ', email: 'ada at example', quantity: 3 }),
      type,
      [],
    );
    expect(issues).toEqual([
      { field: 'quantity', message: 'must be at most 2 per order' },
      { field: 'attendee.name', message: 'must not be empty' },
      { field: 'attendee.email', message: 'must be an email address' },
    ]);
  });

  it('asks for a ticket when none is chosen', () => {
    expect(validateRegistration(t, draft(), undefined, [])).toEqual([
      { field: 'ticketTypeId', message: 'Choose a ticket' },
    ]);
  });

  it('requires required answers, a listed choice and a checked box', () => {
    const questions = [
      q({ id: 'a', required: true }),
      q({ id: 'b', kind: 'choice', options: ['S', 'M'] }),
      q({ id: 'c', kind: 'checkbox', required: true, label: 'I agree' }),
    ];
    const issues = validateRegistration(
      t,
      draft({ answers: { a: ' ', b: 'XL' } }),
      type,
      questions,
    );
    expect(issues).toEqual([
      { field: 'answers.a', message: 'is required' },
      { field: 'answers.b', message: 'must be one of S, M' },
      { field: 'answers.c', message: 'must be checked' },
    ]);
  });

  it('ignores questions of other ticket types', () => {
    const questions = [q({ id: 'x', required: true, ticketTypeIds: [other] })];
    expect(questionsFor(questions, type.id)).toEqual([]);
    expect(validateRegistration(t, draft(), type, questions)).toEqual([]);
  });

  it('sends trimmed values, only this type’s answers, and the waitlist wish', () => {
    const questions = [q({ id: 'a' }), q({ id: 'x', ticketTypeIds: [other] }), q({ id: 'e' })];
    const body = registrationBody(
      draft({ name: ' Ada ', answers: { a: ' ACME ', x: 'no', e: '' }, promoCode: ' EARLY ' }),
      questions,
      true,
    );
    expect(body).toEqual({
      ticketTypeId: type.id,
      quantity: 1,
      attendee: { name: 'Ada', email: 'ada@example.com' },
      answers: { a: 'ACME' },
      promoCode: 'EARLY',
      joinWaitlist: true,
    });
  });
});
