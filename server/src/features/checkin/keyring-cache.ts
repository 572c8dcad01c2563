import { PublicKeyring } from '@lanyard/core';
import type { Queryable } from '../../platform/db/db.js';
import { eventPublicKeys } from '../ticketing/signing-keys.js';

// A key deleted on any replica stops verifying here within this long.
const TTL_MS = 30_000;
// A token naming an unknown key re-reads the keys (a rotation just happened), but at most this often.
const REFRESH_MS = 1_000;
const MAX_EVENTS = 1_000;

/** One PublicKeyring per event: the signature check costs no database read. */
export class KeyringCache {
  private readonly entries = new Map<
    string,
    { ring: PublicKeyring; until: number; readAt: number }
  >();

  constructor(
    private readonly db: Queryable,
    private readonly now: () => number = Date.now,
  ) {}

  async get(eventId: string): Promise<PublicKeyring> {
    const entry = this.entries.get(eventId);
    if (entry && entry.until > this.now()) return entry.ring;
    return this.load(eventId);
  }

  /** Re-reads the keys after a token named a kid the ring lacks; undefined when read just now. */
  async refresh(eventId: string): Promise<PublicKeyring | undefined> {
    const entry = this.entries.get(eventId);
    if (entry && this.now() - entry.readAt < REFRESH_MS) return undefined;
    return this.load(eventId);
  }

  private async load(eventId: string): Promise<PublicKeyring> {
    const keys = await eventPublicKeys(this.db, eventId);
    const ring = new PublicKeyring(
      keys.map(({ kid, alg, publicKey }) => ({ kid, alg, publicKey })),
    );
    const at = this.now();
    if (this.entries.size >= MAX_EVENTS) this.entries.clear();
    this.entries.set(eventId, { ring, until: at + TTL_MS, readAt: at });
    return ring;
  }
}
