import type { FieldIssue } from '../../platform/errors.js';

export interface QuestionShape {
  kind: 'text' | 'choice' | 'checkbox';
  options: readonly string[];
}

/**
 * What zod cannot see field by field: a choice question needs options, each once (ignoring case,
 * so an attendee never sees "Vegan" and "vegan"); text and checkbox questions take none.
 */
export function questionShapeIssues(q: QuestionShape): FieldIssue[] {
  if (q.kind !== 'choice') {
    return q.options.length > 0
      ? [{ field: 'options', message: `a ${q.kind} question takes no options` }]
      : [];
  }
  if (q.options.length === 0)
    return [{ field: 'options', message: 'a choice question needs at least one option' }];
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  q.options.forEach((option, i) => {
    const key = option.toLowerCase();
    if (seen.has(key)) issues.push({ field: `options.${i}`, message: `repeats "${option}"` });
    seen.add(key);
  });
  return issues;
}
