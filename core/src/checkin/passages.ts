import type { PriorScan, ScanDirection } from './types.js';

/** The fields ordering and replaying scans needs. */
export interface OrderedScan {
  scanId?: string;
  scannedAt: Date;
  direction: ScanDirection;
}

/**
 * Orders scans by time, ties by scanId, so every replica replays them identically whatever
 * order they arrived in. Returns a new array.
 */
export function sortScans<T extends OrderedScan>(scans: readonly T[]): T[] {
  return [...scans].sort((a, b) => {
    const byTime = a.scannedAt.getTime() - b.scannedAt.getTime();
    if (byTime !== 0) return byTime;
    const x = a.scanId ?? '';
    const y = b.scanId ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Where a ticket stands on a list after its admitted scans are replayed. */
export interface PassageState<T> {
  /** Inside now: the last counted movement was an entry. */
  inside: boolean;
  /** The first entry ever counted. */
  firstEntry: T | undefined;
  /** The entry that started the current stay (or the last stay). */
  lastEntry: T | undefined;
}

/**
 * Replays admitted scans in order. An entry while already inside is not a new stay (it would be
 * a duplicate); an exit while outside changes nothing.
 */
export function replayPassages<T extends PriorScan>(scans: readonly T[]): PassageState<T> {
  const state: PassageState<T> = { inside: false, firstEntry: undefined, lastEntry: undefined };
  for (const scan of sortScans(scans)) {
    if (scan.result !== 'admitted') continue;
    if (scan.direction === 'entry') {
      if (state.inside) continue;
      state.inside = true;
      state.firstEntry ??= scan;
      state.lastEntry = scan;
    } else if (state.inside) {
      state.inside = false;
    }
  }
  return state;
}
