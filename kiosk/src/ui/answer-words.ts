import type { ScanResult } from './agent-types.js';
import { strings } from './strings.js';

/** What the answer screen says, decided from the agent's answer alone. */
export interface AnswerWords {
  tone: 'admitted' | 'refused';
  title: string;
  detail: string;
  note?: string;
}

/** "09:14" in the kiosk's local time, or null for a time that does not parse. */
export function clockTime(iso: string): string | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())}`;
}

export function answerWords(answer: ScanResult): AnswerWords {
  const s = strings.answer;
  const name = answer.attendee?.name;
  if (answer.result === 'admitted') {
    const exit = answer.direction === 'exit';
    return {
      tone: 'admitted',
      title: exit
        ? name
          ? s.goodbye(name)
          : s.goodbyeAnonymous
        : name
          ? s.welcome(name)
          : s.welcomeAnonymous,
      detail: exit ? '' : s.admittedDetail,
      ...(answer.offline && { note: s.offlineNote }),
    };
  }
  let detail: string;
  if (answer.result === 'already_checked_in') {
    const before = answer.previousAdmission;
    detail = s.alreadyCheckedIn(before ? clockTime(before.at) : null, before?.gate ?? null);
  } else {
    detail = s.reasons[answer.reason] ?? s.reasons[answer.result] ?? s.reasons.invalid!;
  }
  return {
    tone: 'refused',
    title: name ? `${s.refusedTitle}: ${name}` : s.refusedTitle,
    detail,
    note: s.seeStaff,
  };
}
