import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { inputError } from '../errors.js';

/** A bootstrap.json-shaped client credentials file, as the server writes on first start. */
export const CredentialsFile = z.object({
  issuer: z.string().optional(),
  token_endpoint: z.string().url(),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
});
export type CredentialsFile = z.output<typeof CredentialsFile>;

export async function readCredentialsFile(path: string): Promise<CredentialsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw inputError(
      'credentials_unreadable',
      `cannot read ${path}; name a bootstrap.json-shaped file`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw inputError('credentials_invalid', `${path} is not JSON`);
  }
  const parsed = CredentialsFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw inputError(
      'credentials_invalid',
      `${path}: "${issue.path.join('.') || '(root)'}" ${issue.message.toLowerCase()}; expected {"token_endpoint", "client_id", "client_secret"}`,
    );
  }
  return parsed.data;
}

/** The server a credentials file belongs to: its issuer without the `/oauth` path. */
export function serverOfIssuer(file: CredentialsFile): string | undefined {
  const from = file.issuer ?? file.token_endpoint;
  try {
    const url = new URL(from);
    return `${url.origin}${url.pathname.replace(/\/oauth(\/.*)?$/, '')}`.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}
