import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import type { Identity } from '../identity/index.js';
import { actor } from '../identity/principal.js';
import { accessorFromRequest } from '../ticketing/accessor-from-request.js';
import type { InvoiceKind } from './document.js';
import { KeyQuery, Organization, OrderIdParams, UpdateOrganizationBody } from './schema.js';
import * as service from './service.js';

const tags = ['invoices'];
const PRIVATE = { 'Cache-Control': 'private, no-store' };
const OPEN_TO =
  ' Open to the buyer (access key in `X-Access-Key` or `?key=`) and to staff (tickets:read).';

export function invoiceRoutes(db: Db, identity: Identity): AnyRoute[] {
  const pdfRoute = (kind: InvoiceKind, file: string, what: string, operationId: string) =>
    route({
      method: 'get',
      path: `/api/v1/orders/{orderId}/${file}`,
      operationId,
      summary: `${what} as PDF.${OPEN_TO}`,
      tags,
      auth: 'public',
      params: OrderIdParams,
      query: KeyQuery,
      responses: {
        200: { description: what, contentType: 'application/pdf' },
        404: { description: '`order_not_found`, `invoice_not_found`, `credit_note_not_found`' },
      },
      handler: async ({ params, query, req, res }) => {
        const who = await accessorFromRequest(req, res, identity, 'tickets:read', query.key);
        const { number, pdf } = await service.invoicePdf(db, who, params.orderId, kind);
        res
          .status(200)
          .set(PRIVATE)
          .set(
            'Content-Disposition',
            `inline; filename="${file.replace('.pdf', '')}-${number}.pdf"`,
          )
          .type('application/pdf')
          .send(pdf);
        return undefined;
      },
    });
  return [
    pdfRoute('invoice', 'invoice.pdf', "The paid order's invoice", 'getOrderInvoicePdf'),
    pdfRoute(
      'credit_note',
      'credit-note.pdf',
      "The credit note of a paid order's cancellation",
      'getOrderCreditNotePdf',
    ),
    route({
      method: 'get',
      path: '/api/v1/organization',
      operationId: 'getOrganization',
      summary: "The caller's organization: name and the legal details printed on invoices",
      tags,
      auth: 'events:read',
      responses: { 200: { description: 'The organization', schema: Organization } },
      handler: async ({ principal }) => ({
        status: 200,
        body: await service.getOrganization(db, actor(principal)),
      }),
    }),
    route({
      method: 'patch',
      path: '/api/v1/organization',
      operationId: 'updateOrganization',
      summary:
        "Change the organization's name, legal name, address or VAT id (empty clears one); invoices issued before keep what they were issued with",
      tags,
      auth: 'events:write',
      body: UpdateOrganizationBody,
      responses: { 200: { description: 'The organization', schema: Organization } },
      handler: async ({ body, principal }) => ({
        status: 200,
        body: await service.updateOrganization(db, actor(principal), body),
      }),
    }),
  ];
}
