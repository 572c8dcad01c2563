import type { TFunction } from 'i18next';
import type { PublicQuestion, PublicTicketType } from '../../features/portal/schema.js';

// The checks the server makes, made before sending so most mistakes are shown at once. Field names
// are the server's (`attendee.email`, `answers.<id>`), so both kinds of error land on one field.

export interface FieldIssue {
  field: string;
  message: string;
}

export type AnswerValue = string | boolean;

export interface RegistrationDraft {
  ticketTypeId: string;
  quantity: number;
  name: string;
  email: string;
  answers: Record<string, AnswerValue>;
  promoCode: string;
  /** Who uses tickets 2, 3, …; blank ones carry the buyer until their holder fills them in. */
  guests: { name: string; email: string }[];
  /** As typed; the server reads and normalizes it (events that ask for a phone). */
  phone?: string;
  /** Agrees to the event's SMS. */
  smsOptIn?: boolean;
}

/** How the event asks for the buyer's phone. */
export type PhoneAsked = 'off' | 'optional' | 'required';

// What a person can mistype: no spaces, one @, a dot in the domain. The server has the last word.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The questions asked for this ticket type. */
export function questionsFor(questions: PublicQuestion[], ticketTypeId: string): PublicQuestion[] {
  return questions.filter((q) => !q.ticketTypeIds || q.ticketTypeIds.includes(ticketTypeId));
}

/** The problems a person can fix before sending, in their language (`t`). */
export function validateRegistration(
  t: TFunction,
  draft: RegistrationDraft,
  type: PublicTicketType | undefined,
  questions: PublicQuestion[],
  phoneAsked: PhoneAsked = 'off',
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  if (!type) add('ticketTypeId', t('validation.chooseTicket'));
  else if (!Number.isInteger(draft.quantity) || draft.quantity < 1)
    add('quantity', t('validation.atLeastOne'));
  else if (draft.quantity > type.maxPerOrder)
    add('quantity', t('validation.atMostPerOrder', { max: type.maxPerOrder }));

  const name = draft.name.trim();
  if (!name) add('attendee.name', t('validation.empty'));
  else if (name.length > 200) add('attendee.name', t('validation.tooLong', { max: 200 }));

  const email = draft.email.trim();
  if (!email) add('attendee.email', t('validation.empty'));
  else if (email.length > 254) add('attendee.email', t('validation.tooLong', { max: 254 }));
  else if (!EMAIL.test(email)) add('attendee.email', t('validation.email'));

  const phone = draft.phone?.trim() ?? '';
  if (phoneAsked === 'required' && !phone) add('attendee.phone', t('validation.phoneRequired'));
  else if (phoneAsked !== 'off' && phone && !/^[+\d\s().\-/]{3,40}$/.test(phone))
    add('attendee.phone', t('validation.phone'));

  for (const q of type ? questionsFor(questions, type.id) : []) {
    const value = draft.answers[q.id];
    const field = `answers.${q.id}`;
    if (q.kind === 'checkbox') {
      if (q.required && value !== true) add(field, t('validation.checked'));
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) {
      if (q.required) add(field, t('validation.required'));
    } else if (q.kind === 'choice' && !q.options.includes(text)) {
      add(field, t('validation.oneOf', { options: q.options.join(', ') }));
    } else if (text.length > 2000) {
      add(field, t('validation.tooLong', { max: 2000 }));
    }
  }

  draft.guests.slice(0, draft.quantity - 1).forEach((g, i) => {
    const [gName, gEmail] = [g.name.trim(), g.email.trim()];
    if (!gName && !gEmail) return;
    if (!gName) add(`attendees.${i + 1}.name`, t('validation.guestName'));
    else if (gName.length > 200)
      add(`attendees.${i + 1}.name`, t('validation.tooLong', { max: 200 }));
    if (!EMAIL.test(gEmail)) add(`attendees.${i + 1}.email`, t('validation.email'));
  });

  if (draft.promoCode.trim().length > 64) add('promoCode', t('validation.tooLong', { max: 64 }));
  return issues;
}

/** The request body, with answers only for this type's questions and blanks left out. */
export function registrationBody(
  draft: RegistrationDraft,
  questions: PublicQuestion[],
  joinWaitlist: boolean,
  phoneAsked: PhoneAsked = 'off',
) {
  const answers: Record<string, AnswerValue> = {};
  for (const q of questionsFor(questions, draft.ticketTypeId)) {
    const value = draft.answers[q.id];
    if (typeof value === 'boolean') answers[q.id] = value;
    else if (typeof value === 'string' && value.trim()) answers[q.id] = value.trim();
  }
  const promoCode = draft.promoCode.trim();
  const buyer = { name: draft.name.trim(), email: draft.email.trim() };
  const guests = Array.from({ length: draft.quantity - 1 }, (_, i) => {
    const g = draft.guests[i];
    return g?.name.trim() ? { name: g.name.trim(), email: g.email.trim() } : buyer;
  });
  return {
    ticketTypeId: draft.ticketTypeId,
    quantity: draft.quantity,
    attendee: { ...buyer, ...contactOf(draft, phoneAsked) },
    ...(draft.quantity > 1 && !joinWaitlist ? { attendees: [buyer, ...guests] } : {}),
    ...(Object.keys(answers).length ? { answers } : {}),
    ...(promoCode ? { promoCode } : {}),
    ...(joinWaitlist ? { joinWaitlist: true } : {}),
  };
}

/** The buyer's phone and SMS choice, when the event asks and one was given. */
function contactOf(draft: RegistrationDraft, phoneAsked: PhoneAsked) {
  const phone = draft.phone?.trim();
  if (phoneAsked === 'off' || !phone) return {};
  return { phone, ...(draft.smsOptIn ? { smsOptIn: true } : {}) };
}
