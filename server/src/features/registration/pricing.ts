/** A promo code as the pricing rule needs it. */
export interface PromoTerms {
  /** null: an access code without a discount. */
  discountKind: 'percent' | 'fixed' | null;
  /** percent: 1-100; fixed: minor units off each ticket. */
  discountValue: number | null;
}

export interface OrderPrice {
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
}

/** Price of `quantity` tickets at `unitCents`, less a promo discount; never below zero. */
export function priceOrder(unitCents: number, quantity: number, promo?: PromoTerms): OrderPrice {
  const subtotalCents = unitCents * quantity;
  let discountCents = 0;
  const value = promo?.discountValue ?? 0;
  if (promo?.discountKind === 'percent') {
    // Rounded down per order: the attendee never pays more than the advertised percentage.
    discountCents = Math.floor((subtotalCents * value) / 100);
  } else if (promo?.discountKind === 'fixed') {
    discountCents = Math.min(value, unitCents) * quantity;
  }
  discountCents = Math.min(discountCents, subtotalCents);
  return { subtotalCents, discountCents, totalCents: subtotalCents - discountCents };
}
