import type { FieldIssue } from '../../platform/errors.js';

/** A custom question as registration validates it. */
export interface Question {
  id: string;
  label: string;
  kind: 'text' | 'choice' | 'checkbox';
  required: boolean;
  /** For `choice`: the allowed answers. */
  options: string[];
}

export type Answer = string | boolean;

const MAX_TEXT = 2000;

/**
 * Checks answers against the event's questions: every required one answered, each of the right
 * kind, no unknown question ids. Returns the answers to store, or the issues field by field.
 */
export function validateAnswers(
  questions: Question[],
  given: Record<string, unknown>,
): { ok: true; answers: Record<string, Answer> } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const answers: Record<string, Answer> = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(given)) {
    if (!byId.has(id))
      issues.push({ field: `answers.${id}`, message: 'is not a question of this event' });
  }
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const value = given[q.id];
    const empty =
      value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (q.kind === 'checkbox') {
      if (value !== undefined && typeof value !== 'boolean') {
        issues.push({ field, message: `${q.label}: must be true or false` });
      } else if (q.required && value !== true) {
        issues.push({ field, message: `${q.label}: must be checked` });
      } else if (value !== undefined) {
        answers[q.id] = value;
      }
      continue;
    }
    if (empty) {
      if (q.required) issues.push({ field, message: `${q.label}: is required` });
      continue;
    }
    if (typeof value !== 'string') {
      issues.push({ field, message: `${q.label}: must be text` });
    } else if (q.kind === 'choice' && !q.options.includes(value)) {
      issues.push({ field, message: `${q.label}: must be one of ${q.options.join(', ')}` });
    } else if (value.length > MAX_TEXT) {
      issues.push({ field, message: `${q.label}: must be at most ${MAX_TEXT} characters` });
    } else {
      answers[q.id] = value.trim();
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, answers };
}
