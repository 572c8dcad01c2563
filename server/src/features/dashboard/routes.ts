import type { Request, Response } from 'express';
import { route, type AnyRoute } from '../../http/route.js';
import { builtPortal, locateBuiltPortal, type BuiltPortal } from '../portal/built-portal.js';
import { notBuiltPage } from '../portal/not-built-page.js';
import { PAGE_HEADERS, send } from '../portal/routes.js';
import { z } from 'zod';
import { PageParams } from '../portal/schema.js';

// The organizer dashboard is a single-page app built beside the portal (its scripts share the
// portal's /assets/ route); these paths answer its index.html, under the portal's strict policy.

const tags = ['dashboard'];
const page = { 200: { description: 'HTML page', contentType: 'text/html' } };
const SectionParams = PageParams.extend({ section: z.string().max(40) });
const ItemParams = SectionParams.extend({ item: z.string().max(200) });

export function dashboardRoutes(
  portal: BuiltPortal = builtPortal(locateBuiltPortal()),
): AnyRoute[] {
  const serve = async ({ req, res }: { req: Request; res: Response }) => {
    const file = await portal.dashboardPage();
    if (!file) {
      res.status(503).set('Retry-After', '60').type('html').send(notBuiltPage());
      return undefined;
    }
    res.set(PAGE_HEADERS);
    send(req, res, file);
    return undefined;
  };
  return [
    route({
      method: 'get',
      path: '/dashboard/',
      operationId: 'dashboardHome',
      summary: 'The organizer dashboard: events, and where sign-in returns (HTML)',
      tags,
      auth: 'public',
      responses: page,
      handler: serve,
    }),
    route({
      method: 'get',
      path: '/dashboard/webhooks',
      operationId: 'dashboardWebhooks',
      summary: "The organization's webhook endpoints and their deliveries (HTML)",
      tags,
      auth: 'public',
      responses: page,
      handler: serve,
    }),
    route({
      method: 'get',
      path: '/dashboard/events/{id}',
      operationId: 'dashboardEventPage',
      summary: 'An event in the organizer dashboard: ticket types and the sales monitor (HTML)',
      tags,
      auth: 'public',
      params: PageParams,
      responses: page,
      handler: serve,
    }),
    route({
      method: 'get',
      path: '/dashboard/events/{id}/{section}',
      operationId: 'dashboardEventSection',
      summary: "A section of an event's dashboard: settings, attendees, check-in, devices (HTML)",
      tags,
      auth: 'public',
      params: SectionParams,
      responses: page,
      handler: serve,
    }),
    route({
      method: 'get',
      path: '/dashboard/events/{id}/{section}/{item}',
      operationId: 'dashboardEventItem',
      summary: "One item in an event's dashboard section, such as an attendee (HTML)",
      tags,
      auth: 'public',
      params: ItemParams,
      responses: page,
      handler: serve,
    }),
  ];
}
