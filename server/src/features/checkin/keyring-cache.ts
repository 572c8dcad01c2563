import { PublicKeyring } from '@lanyard/core';
import type { Queryable } from '../../platform/db/db.js';
import { ExpiringCache } from '../../platform/expiring-cache.js';
import { eventPublicKeys } from '../ticketing/signing-keys.js';

// A key deleted on any replica stops verifying here within this long.
const TTL_MS = 30_000;
// A token naming an unknown key re-reads the keys (a rotation just happened), but at most this often.
const REFRESH_MS = 1_000;
const MAX_EVENTS = 1_000;

interface ReadRing {
  ring: PublicKeyring;
  readAt: number;
}

/** One PublicKeyring per event: the signature check costs no database read. */
export class KeyringCache {
  private readonly rings: ExpiringCache<ReadRing>;

  constructor(
    private readonly db: Queryable,
    private readonly now: () => number = Date.now,
  ) {
    this.rings = new ExpiringCache(TTL_MS, MAX_EVENTS, now);
  }

  async get(eventId: string): Promise<PublicKeyring> {
    return (await this.cached(eventId)).ring;
  }

  /**
   * A newer ring than `lacking`, which did not know a token's kid: the one read since, else one
   * read now. Undefined when `lacking` itself was read within the last second.
   */
  async refresh(eventId: string, lacking: PublicKeyring): Promise<PublicKeyring | undefined> {
    const entry = this.cached(eventId);
    const { ring, readAt } = await entry;
    if (ring !== lacking) return ring;
    if (this.now() - readAt < REFRESH_MS) return undefined;
    // The first of several refreshing callers replaces the entry; the others join its read.
    if (this.cached(eventId) === entry) this.rings.delete(eventId);
    return (await this.cached(eventId)).ring;
  }

  private cached(eventId: string): Promise<ReadRing> {
    return this.rings.get(eventId, async () => {
      const keys = await eventPublicKeys(this.db, eventId);
      const ring = new PublicKeyring(
        keys.map(({ kid, alg, publicKey }) => ({ kid, alg, publicKey })),
      );
      return { ring, readAt: this.now() };
    });
  }
}
