/**
 * Errors the CLI reports: a stable `code`, a one-line message naming what to fix, and the exit
 * status (2: the input is wrong, 3: not logged in or not allowed, 4: the server refused, 1: other).
 */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly code: string,
    message: string,
    readonly exit: number = 1,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const inputError = (code: string, message: string, details?: unknown) =>
  new CliError(code, message, 2, details);
export const authError = (code: string, message: string) => new CliError(code, message, 3);
