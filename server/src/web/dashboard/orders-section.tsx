import { OrderDetail } from './order-detail.js';
import { OrdersHolds } from './orders-holds.js';
import { OrdersList } from './orders-list.js';
import type { SectionProps } from './sections.js';

/** The event's orders with a status filter and a search, or one order when the path names one. */
export function OrdersSection({ event, base, item }: SectionProps) {
  return item === undefined ? (
    <>
      <OrdersHolds event={event} base={base} />
      <OrdersList event={event} base={base} />
    </>
  ) : (
    <OrderDetail key={item} event={event} orderId={item} />
  );
}
