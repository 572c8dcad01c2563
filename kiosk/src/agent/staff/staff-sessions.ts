import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface StaffSessionOptions {
  /** The PIN set at enrollment or start; 4 to 12 digits. */
  pin: string;
  /** A session ends after this long without use (default 5 minutes). */
  idleMs?: number;
  /** Wrong PINs in a row after which staff mode stays locked until the agent restarts (default 10). */
  maxFailures?: number;
  /** The wait after the first wrong PIN, doubling with each further one (default 1 s). */
  backoffMs?: number;
  now?: () => number;
}

/** The outcome of a PIN entry. */
export type UnlockResult =
  | { ok: true; session: string; expiresAt: number }
  | { ok: false; code: 'wrong_pin' | 'staff_locked'; retryAt: number }
  | { ok: false; code: 'staff_locked_out' };

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether a PIN is acceptable to configure: 4 to 12 digits. */
export function isValidPin(pin: string): boolean {
  return /^\d{4,12}$/.test(pin);
}

/**
 * Staff mode sessions. A session is a random token the UI sends with staff requests; it
 * lapses when idle, so a kiosk left in staff mode falls back to self-service. Each wrong PIN
 * doubles the wait before the next try (1 s, 2 s, 4 s …), and the tenth in a row locks staff mode
 * until the agent restarts: ten guesses find a 4-digit PIN one time in a thousand.
 */
export class StaffSessions {
  private readonly pinDigest: Buffer;
  private readonly sessions = new Map<string, number>();
  private failures = 0;
  private lockedUntil = 0;
  private readonly now: () => number;

  constructor(private readonly options: StaffSessionOptions) {
    this.pinDigest = digest(options.pin);
    this.now = options.now ?? Date.now;
  }

  private get idleMs(): number {
    return this.options.idleMs ?? 5 * 60_000;
  }

  unlock(pin: string): UnlockResult {
    const now = this.now();
    if (this.failures >= (this.options.maxFailures ?? 10))
      return { ok: false, code: 'staff_locked_out' };
    // A try during the wait is refused unread, so it neither counts nor reveals anything.
    if (now < this.lockedUntil)
      return { ok: false, code: 'staff_locked', retryAt: this.lockedUntil };
    // Digests have equal length whatever was typed, so the comparison time says nothing.
    if (!timingSafeEqual(digest(pin), this.pinDigest)) {
      this.failures++;
      if (this.failures >= (this.options.maxFailures ?? 10)) {
        this.sessions.clear();
        return { ok: false, code: 'staff_locked_out' };
      }
      this.lockedUntil = now + (this.options.backoffMs ?? 1000) * 2 ** (this.failures - 1);
      return { ok: false, code: 'wrong_pin', retryAt: this.lockedUntil };
    }
    this.failures = 0;
    const session = randomBytes(24).toString('base64url');
    const expiresAt = now + this.idleMs;
    this.sessions.set(session, expiresAt);
    return { ok: true, session, expiresAt };
  }

  /** True for a live session, whose idle timer restarts. */
  touch(session: string | undefined): boolean {
    if (session === undefined) return false;
    const expiresAt = this.sessions.get(session);
    const now = this.now();
    if (expiresAt === undefined || expiresAt <= now) {
      this.sessions.delete(session ?? '');
      return false;
    }
    this.sessions.set(session, now + this.idleMs);
    return true;
  }

  end(session: string | undefined): void {
    if (session !== undefined) this.sessions.delete(session);
  }
}
