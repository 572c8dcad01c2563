import type { Order } from './attendee-types.js';

// How an order's status and payment method read in the dashboard.

export const ORDER_STATUS: Record<Order['status'], string> = {
  pending_payment: 'Awaiting payment',
  confirmed: 'Confirmed',
  expired: 'Expired (not paid in time)',
  cancelled: 'Cancelled',
};

export const PAYMENT_METHOD: Record<Order['paymentMethod'], string> = {
  free: 'Free',
  manual: 'Invoice or cash',
  stripe: 'Card (Stripe)',
};
