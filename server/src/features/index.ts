import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import type { Config } from '../platform/config.js';
import type { Db, Queryable } from '../platform/db/db.js';
import type { Logger } from '../platform/log.js';
import type { RateGate } from '../platform/ratelimit/gate.js';
import type { Limiters } from '../platform/ratelimit/limiters.js';
import type { AnyRoute } from '../http/route.js';
import type { Identity } from './identity/index.js';
import type { ChangeSignal } from '../platform/bus/change-signal.js';
import { accountRoutes } from './accounts/routes.js';
import { eventRoutes } from './events/routes.js';
import { orderRoutes } from './orders/routes.js';
import { holdRoutes } from './orders/holds-routes.js';
import { invoiceRoutes } from './invoices/routes.js';
import { paymentRoutes } from './payments/routes.js';
import { startPaymentJobs } from './payments/jobs.js';
import { quotaRoutes } from './quotas/routes.js';
import { questionRoutes } from './questions/routes.js';
import { promoCodeRoutes } from './promo-codes/routes.js';
import { registrationRoutes } from './registration/routes.js';
import { ticketingRoutes } from './ticketing/routes.js';
import { waitlistRoutes } from './waitlist/routes.js';
import { attendeeImportRoutes } from './attendee-import/routes.js';
import { exportRoutes } from './exports/routes.js';
import { attendeeSearchRoutes } from './attendee-search/routes.js';
import { searchReindexRoutes } from './search-reindex/routes.js';
import { announcePublicChanges } from './portal/public-cache.js';
import { portalRoutes } from './portal/routes.js';
import { checkinFeatureRoutes, startCheckinJobs } from './checkin/index.js';
import { warmCheckinStatements } from './checkin/warm-up.js';
import { startHoldSweeper } from './registration/hold-sweeper.js';
import { salesFeatureRoutes, startSalesJobs } from './sales/index.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { staffAppRoutes } from './staff-app/routes.js';
import { startBus } from '../platform/bus/start-bus.js';
import { attendeeSearchSubscribers } from './attendee-search/outbox-indexer.js';
import { senderDomain } from './notifications/channels/mail-channel.js';
import { startNotificationJobs } from './notifications/jobs.js';
import { notificationRoutes } from './notifications/routes.js';
import { messageTextRoutes } from './notifications/texts-routes.js';
import { portalLinks } from './notifications/links.js';
import { brandingRoutes } from './branding/routes.js';
import { startWebhookJobs, webhookFeatureRoutes, webhookSubscribers } from './webhooks/index.js';
import { registerDeviceMetrics } from './devices/metrics.js';
import { backupRoutes } from './backup/routes.js';
import { scheduleRoutes } from './scheduling/routes.js';
import { startScheduleJobs } from './scheduling/release-stream.js';
import { createProofOfWork } from './registration/proof-of-work.js';
import { accessKeyLimit } from './ticketing/access-key-limit.js';
import { authorizerFor } from './team/authorizer.js';
import { teamRoutes } from './team/routes.js';
import { reportFeatureRoutes, reportSubscribers, startReportFeatureJobs } from './reports/index.js';
import { auditRoutes } from './audit/routes.js';
import { startAuditCheckpoints } from './audit/jobs.js';

/** What features get from start-up. */
export interface FeatureDeps {
  db: Db;
  config: Config;
  /** Base URL clients use to reach this server. */
  publicUrl: string;
  log: Logger;
  /** Bearer-token verification, for routes that accept either a token or another credential. */
  identity: Identity;
  /** Rate limits of the public flows (counted in memory, or Redis when REDIS_URL is set). */
  rateLimits: RateGate;
  /** Counters and markers (memory, or Redis when REDIS_URL is set). */
  limiters: Limiters;
  /** The server's metrics registry, for jobs that report their own. */
  registry?: Registry;
  /** Events changed on any replica, for live views. */
  changes?: ChangeSignal;
}

/** Every feature's HTTP routes; each feature adds its line here. */
export function featureRoutes(deps: FeatureDeps): AnyRoute[] {
  return [
    // First: express tries routes in order, and a sale rush multiplies the public event page.
    ...portalRoutes(deps.db, deps.rateLimits, deps.changes),
    ...accountRoutes(deps.db, authorizerFor(deps.db), portalLinks(deps.publicUrl)),
    ...teamRoutes(deps.db, authorizerFor(deps.db)),
    ...eventRoutes(deps.db),
    ...brandingRoutes(deps.db),
    ...orderRoutes(deps.db, deps.identity),
    ...holdRoutes(deps.db),
    ...paymentRoutes(deps),
    ...invoiceRoutes(deps.db, deps.identity),
    ...quotaRoutes(deps.db),
    ...questionRoutes(deps.db),
    ...promoCodeRoutes(deps.db),
    ...registrationRoutes(
      deps.db,
      deps.rateLimits,
      createProofOfWork(deps.db, deps.limiters, deps.config.altchaMaxCounter),
    ),
    ...ticketingRoutes(deps.db, deps.identity),
    ...waitlistRoutes(deps.db, deps.identity),
    ...attendeeImportRoutes(deps.db),
    ...exportRoutes(deps.db),
    ...attendeeSearchRoutes(deps.db, deps.config),
    ...checkinFeatureRoutes(deps),
    ...salesFeatureRoutes(deps),
    ...notificationRoutes(
      deps.db,
      portalLinks(deps.publicUrl),
      deps.rateLimits,
      senderDomain(deps.config.mailFrom),
    ),
    ...messageTextRoutes(deps.db, portalLinks(deps.publicUrl), senderDomain(deps.config.mailFrom)),
    ...dashboardRoutes(),
    ...webhookFeatureRoutes(deps),
    ...staffAppRoutes(),
    ...backupRoutes(deps.db, deps.config),
    ...scheduleRoutes(deps.db, deps.publicUrl, deps.log),
    ...reportFeatureRoutes(deps),
    ...searchReindexRoutes(deps.db, deps.config),
    ...auditRoutes(deps.db),
  ];
}

/** Middleware every API request passes before its route. */
export function featureMiddleware(deps: FeatureDeps): RequestHandler[] {
  return [
    accessKeyLimit(deps.rateLimits),
    ...(deps.changes ? [announcePublicChanges(deps.changes)] : []),
  ];
}

/** Gauges read from the database when /metrics is scraped. */
export function registerFeatureMetrics(deps: FeatureDeps): void {
  if (!deps.registry) return;
  registerDeviceMetrics(deps.registry, deps.db);
}

/** Statements worth planning on every kept connection before the server takes requests. */
export async function warmUpStatements(q: Queryable): Promise<void> {
  await warmCheckinStatements(q);
}

/** Background jobs; returns one function that stops them all and waits for running work. */
export function startFeatureJobs(deps: FeatureDeps): () => Promise<void> {
  const notifications = startNotificationJobs(deps);
  const stops = [
    startCheckinJobs(deps),
    startHoldSweeper(deps.db, deps.log),
    startPaymentJobs(deps),
    startSalesJobs(deps),
    startScheduleJobs(deps),
    startReportFeatureJobs(deps),
    startWebhookJobs(deps),
    startAuditCheckpoints(deps.db, (err) => deps.log.warn({ err }, 'audit checkpoint failed')),
    // Runs even with no subscriber, marking messages delivered to nobody: one subscribed later
    // starts with new messages instead of a backlog of stale ones. With KAFKA_BROKERS the
    // messages go through Kafka, one consumer group per subscriber.
    startBus(deps, [
      ...attendeeSearchSubscribers(deps.config, deps.db),
      ...reportSubscribers(deps),
      ...notifications.subscribers,
      ...webhookSubscribers(deps),
    ]),
    notifications.stop,
  ];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
