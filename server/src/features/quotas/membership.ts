/** A ticket type's seats as a quota counts them: sold plus held (unpaid orders, waitlist offers). */
export interface TypeSeats {
  id: string;
  sold: number;
  held: number;
}

export interface MembershipChange {
  added: string[];
  removed: string[];
  /** How `used` moves: the seats of added types come in, those of removed types go out. */
  usedDelta: number;
}

/**
 * The rule for changing which ticket types share a quota: a quota's `used` is always the sum of
 * its types' sold and held seats, so a type joins with the seats it already has (the caller
 * refuses the change when they do not fit) and leaves taking its seats with it.
 */
export function planMembership(
  current: readonly string[],
  next: readonly string[],
  seats: ReadonlyMap<string, TypeSeats>,
): MembershipChange {
  const before = new Set(current);
  const after = new Set(next);
  const added = [...after].filter((id) => !before.has(id)).sort();
  const removed = [...before].filter((id) => !after.has(id)).sort();
  const taken = (id: string) => {
    const s = seats.get(id);
    if (!s) throw new Error(`seats of ticket type ${id} were not loaded`);
    return s.sold + s.held;
  };
  const usedDelta =
    added.reduce((n, id) => n + taken(id), 0) - removed.reduce((n, id) => n + taken(id), 0);
  return { added, removed, usedDelta };
}
