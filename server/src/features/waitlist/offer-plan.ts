/** An entry in line, as the offer rule sees it. */
export interface InLine {
  id: string;
  quantity: number;
}

/**
 * Which entries get an offer from `free` seats: in line order, every entry whose whole quantity
 * still fits. An entry too large for what is left keeps its place and is passed over this time, so
 * a freed seat goes to the waitlist rather than back on public sale.
 */
export function pickOffers<E extends InLine>(free: number, inLine: readonly E[]): E[] {
  const picked: E[] = [];
  let left = free;
  for (const entry of inLine) {
    if (left <= 0) break;
    if (entry.quantity <= left) {
      picked.push(entry);
      left -= entry.quantity;
    }
  }
  return picked;
}
