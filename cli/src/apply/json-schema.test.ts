import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { eventFileJsonSchema } from './json-schema.js';
import { EventFile } from './file-schema.js';

const docs = (name: string) =>
  readFileSync(new URL(`../../../docs/${name}`, import.meta.url), 'utf8');

describe('the published event file schema', () => {
  it('is the schema apply checks files with (regenerate docs/event.schema.json when this fails)', () => {
    expect(JSON.parse(docs('event.schema.json'))).toEqual(eventFileJsonSchema());
  });

  it('refuses unknown keys for editors too', () => {
    const schema = eventFileJsonSchema() as { additionalProperties?: boolean };
    expect(schema.additionalProperties).toBe(false);
  });

  it('accepts the complete example', () => {
    expect(EventFile.safeParse(parse(docs('examples/event.yaml'))).success).toBe(true);
  });
});
