import { readFile } from 'node:fs/promises';
import { badgeContentFromJson, isHardwareError, type BadgeContent } from '@lanyard/hardware';
import { CliError, inputError } from '../errors.js';

/** The --data file as badge content; a missing, unreadable or malformed file is the user's to fix. */
export async function readBadgeData(path: string): Promise<BadgeContent> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw inputError(
      'file_not_found',
      code === 'ENOENT'
        ? `badge data file ${path} does not exist`
        : `cannot read badge data file ${path} (${code ?? (err as Error).message})`,
    );
  }
  try {
    return badgeContentFromJson(JSON.parse(text));
  } catch (err) {
    throw badgeError(err);
  }
}

/** A rendering or printing failure as a CLI error (exit 2: the data, the URI or the device). */
export function badgeError(err: unknown): CliError {
  if (err instanceof CliError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = isHardwareError(err)
    ? err.code
    : err instanceof SyntaxError
      ? 'badge_invalid'
      : 'io_failed';
  return inputError(code, message);
}
