import { route, type AnyRoute } from '../../http/route.js';
import type { FeatureDeps } from '../index.js';
import { actor } from '../identity/principal.js';
import { accessorFromRequest } from '../ticketing/accessor-from-request.js';
import { matchBankStatement } from './bank-statement.js';
import { createPaymentProviders } from './providers.js';
import { refundOrder } from './refunds.js';
import {
  BankStatementBody,
  BankStatementResult,
  CheckoutResult,
  KeyQuery,
  MarkPaidBody,
  MarkPaidResult,
  OrderIdParams,
  RefundBody,
  RefundResult,
  WebhookReceipt,
} from './schema.js';
import * as service from './service.js';

const tags = ['payments'];
const PRIVATE = { 'Cache-Control': 'private, no-store' };

export function paymentRoutes(deps: FeatureDeps): AnyRoute[] {
  const { db, log, identity, config, publicUrl } = deps;
  const { providers, stripe } = createPaymentProviders(config);
  const stripeWebhook =
    stripe && config.stripeWebhookSecret
      ? { stripe, secret: config.stripeWebhookSecret }
      : undefined;
  return [
    route({
      method: 'post',
      path: '/api/v1/orders/{orderId}/mark-paid',
      operationId: 'markOrderPaid',
      summary:
        'Record that an order was paid outside Lanyard (invoice, at the door). An order whose hold expired is confirmed if seats are left; otherwise the payment is recorded as due for refund.',
      tags,
      auth: 'tickets:write',
      params: OrderIdParams,
      body: MarkPaidBody,
      responses: {
        200: { description: 'The outcome and the order', schema: MarkPaidResult },
        404: { description: '`order_not_found`' },
        409: {
          description:
            '`order_already_paid`, `order_cancelled`, `nothing_to_pay`, `payment_reference_used`',
        },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.markPaid(db, actor(principal), params.orderId, body?.reference),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/payments/bank-statement',
      operationId: 'matchBankStatement',
      summary:
        "Match bank transfers against the organization's unpaid orders by the payment reference (LY-XXXX-XXXX) in their purpose: matched, amount_mismatch, already_paid, not_payable or unknown per line. With `apply: true` the exactly matched orders are marked paid; otherwise nothing changes.",
      tags,
      auth: 'tickets:write',
      body: BankStatementBody,
      responses: { 200: { description: 'One result per line', schema: BankStatementResult } },
      handler: async ({ body, principal }) => ({
        status: 200,
        body: await matchBankStatement(db, actor(principal), body.entries, body.apply),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/orders/{orderId}/checkout',
      operationId: 'startCheckout',
      summary:
        'Open (or reuse) an online checkout for an order awaiting payment and return its URL. Open to the buyer (access key in `X-Access-Key` or `?key=`) and to staff (tickets:write).',
      tags,
      auth: 'public',
      params: OrderIdParams,
      query: KeyQuery,
      responses: {
        200: { description: 'Where to send the buyer', schema: CheckoutResult },
        404: { description: '`order_not_found`' },
        409: {
          description:
            '`checkout_not_available` (the event is paid offline), `order_already_paid`, `order_expired`, `order_cancelled`, `hold_expired`, `refused_by_provider`',
        },
        503: {
          description: '`payment_provider_unavailable`: Stripe not configured or not answering',
        },
      },
      handler: async ({ params, query, req, res }) => {
        const who = await accessorFromRequest(req, res, identity, 'tickets:write', query.key);
        return {
          status: 200,
          body: await service.startCheckout(db, providers, publicUrl, who, params.orderId),
          headers: PRIVATE,
        };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/orders/{orderId}/refunds',
      operationId: 'refundOrder',
      summary:
        'Refund part or all of what an order was paid; Stripe payments are refunded through Stripe. With `cancelTickets`, a full refund also cancels the order and frees its seats.',
      tags,
      auth: 'tickets:write',
      params: OrderIdParams,
      body: RefundBody,
      responses: {
        201: { description: 'The refund and the order', schema: RefundResult },
        202: {
          description: 'Recorded; the provider did not answer yet and is asked again',
          schema: RefundResult,
        },
        400: { description: '`cancel_needs_full_refund`, `validation_failed`' },
        404: { description: '`order_not_found`' },
        409: {
          description: '`refund_exceeds_paid`, `refund_spans_payments`, `refused_by_provider`',
        },
        503: { description: '`payment_provider_unavailable`' },
      },
      handler: async ({ params, body, principal }) => {
        const result = await refundOrder(
          db,
          providers,
          log,
          actor(principal),
          params.orderId,
          body,
        );
        return { status: result.pending ? 202 : 201, body: result, headers: PRIVATE };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/payments/stripe/webhook',
      operationId: 'stripeWebhook',
      summary:
        'Stripe webhook endpoint (checkout.session.completed and friends); verified with the Stripe-Signature header, each event applied once.',
      tags,
      auth: 'public',
      responses: {
        200: { description: 'Received', schema: WebhookReceipt },
        400: { description: '`invalid_signature`' },
        404: { description: '`payment_provider_not_found`: Stripe webhooks are not configured' },
      },
      handler: async ({ req }) => ({
        status: 200,
        body: await service.receiveStripeWebhook(
          db,
          log,
          stripeWebhook,
          (req as { rawBody?: Buffer }).rawBody,
          req.headers['stripe-signature'],
        ),
      }),
    }),
  ];
}
