import { z } from 'zod';
import { EventFile } from './file-schema.js';

/** The published JSON Schema of event files (docs/event.schema.json), for editors' completion. */
export function eventFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(EventFile, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://lanyard.dev/schemas/event.schema.json',
    title: 'Lanyard event file',
    description:
      'An event with its ticket types, shared quotas, questions, promo codes, check-in lists, program and mail texts, for `lanyard apply -f FILE`. Unknown keys are refused.',
  };
}
