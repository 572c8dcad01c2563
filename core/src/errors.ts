/** Stable codes of the errors core throws; callers map them to problem+json or screens. */
export type CoreErrorCode = 'invalid_claims' | 'invalid_key' | 'invalid_kid';

/**
 * The one error class core throws, only for programming or configuration mistakes (bad claims
 * given to the signer, a corrupt stored key). Verifying a scanned token never throws.
 */
export class CoreError extends Error {
  override readonly name = 'CoreError';
  constructor(
    readonly code: CoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
