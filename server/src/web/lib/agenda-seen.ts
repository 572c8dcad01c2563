// The release an attendee last looked at, per ticket, kept in the browser: the agenda marks what
// changed since. Storage may be off (private mode, full): then nothing is marked, nothing breaks.

const keyOf = (ticketId: string) => `lanyard:agenda-seen:${ticketId}`;

export function seenRelease(ticketId: string): number | null {
  try {
    const v = Number(window.localStorage.getItem(keyOf(ticketId)));
    return Number.isInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

export function rememberSeen(ticketId: string, version: number): void {
  try {
    window.localStorage.setItem(keyOf(ticketId), String(version));
  } catch {
    // Not kept: next time nothing is marked.
  }
}
