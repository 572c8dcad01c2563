import { readFile } from 'node:fs/promises';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { inputError } from '../errors.js';
import { EventFile } from './file-schema.js';

export interface FileIssue {
  line: number;
  column: number;
  path: string;
  message: string;
}

/** `ticketTypes[1].name` from a zod path. */
export function pathText(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
      .join('') || '(file)'
  );
}

/** Where a path points in the document: the key of an unknown field, else the value's node. */
function position(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  unknownKey?: string,
): { line: number; column: number } {
  let offset = 0;
  // Walk down as far as the document goes; a missing field points at its parent.
  for (let n = path.length; n >= 0; n--) {
    const node =
      doc.getIn(path.slice(0, n) as unknown[], true) ?? (n === 0 ? doc.contents : undefined);
    if (!node || typeof node !== 'object') continue;
    if (unknownKey !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === unknownKey,
      );
      const key = pair && isScalar(pair.key) ? pair.key : undefined;
      if (key?.range) {
        offset = key.range[0];
        break;
      }
    }
    const range = (node as { range?: [number, number, number] }).range;
    if (range) {
      offset = range[0];
      break;
    }
  }
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** zod issues → positions in the file, one per unknown key. */
export function locateIssues(doc: Document, lines: LineCounter, error: z.ZodError): FileIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        ...position(doc, lines, issue.path, key),
        path: pathText([...issue.path, key]),
        message: 'is not a known field',
      }));
    }
    const absent = issue.code === 'invalid_type' && !doc.hasIn(issue.path as unknown[]);
    const message = absent ? 'is required' : issue.message;
    return [{ ...position(doc, lines, issue.path), path: pathText(issue.path), message }];
  });
}

function fail(file: string, issues: FileIssue[]): never {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw inputError(
    'event_file_invalid',
    `${file}:${first.line}:${first.column}: ${first.path} ${first.message}${more}`,
    { issues },
  );
}

/** Parses and checks an event file given as text (YAML, or JSON, which YAML reads too). */
export function parseEventFile(file: string, text: string): EventFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    fail(
      file,
      doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        return { line, column: col, path: '(syntax)', message: e.message.split('\n')[0]! };
      }),
    );
  }
  const parsed = EventFile.safeParse(doc.toJS());
  if (!parsed.success) fail(file, locateIssues(doc, lines, parsed.error));
  return parsed.data;
}

export async function readEventFile(file: string): Promise<EventFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw inputError('event_file_unreadable', `cannot read ${file}`);
  }
  return parseEventFile(file, text);
}
