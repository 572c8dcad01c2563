import express, { type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.js';
import { clientIp, type RateGate } from '../../platform/ratelimit/gate.js';
import {
  forgotPassword,
  passwordLinkHolder,
  setPasswordWithLink,
} from '../accounts/password-link-service.js';
import { passwordProblem } from '../accounts/password-links.js';
import type { Links } from '../notifications/links.js';
import {
  forgotPasswordPage,
  linkUnusablePage,
  passwordSetPage,
  setPasswordPage,
} from './sign-in-pages.js';

/**
 * The pages of the one-time password links, beside the sign-in form they lead back to: "forgot
 * your password?" and "set your password" (an invite or a reset). Plain HTML forms like the
 * sign-in page. The token travels in the path; these pages load nothing else and send no
 * Referer (helmet's no-referrer), so it leaves the browser only towards this server.
 */
export function passwordRoutes(opts: {
  db: Db;
  log: Logger;
  limits: RateGate;
  links: Links;
  /** Where a person signs in afterwards. */
  signInUrl: string;
}): Router {
  const { db, log, limits, links } = opts;
  const router = express.Router();
  let lookups = Promise.resolve();
  const form = express.urlencoded({ extended: false, limit: '4kb' });
  const html = (res: Response, status: number, body: string) =>
    res.status(status).set('Cache-Control', 'no-store').type('html').send(body);

  router.get('/forgot-password', (req, res) => {
    html(
      res,
      200,
      forgotPasswordPage({ action: `${req.baseUrl}/forgot-password`, signInUrl: opts.signInUrl }),
    );
  });

  router.post('/forgot-password', form, async (req, res) => {
    const email = String(req.body?.email ?? '').trim();
    const action = `${req.baseUrl}/forgot-password`;
    if (!email || email.length > 254 || !email.includes('@'))
      return html(
        res,
        400,
        forgotPasswordPage({ action, signInUrl: opts.signInUrl, error: 'Enter an email address.' }),
      );
    if (!(await limits.spare('password-link-ip', clientIp(req)))) {
      return html(
        res,
        429,
        forgotPasswordPage({
          action,
          signInUrl: opts.signInUrl,
          error: 'Too many requests from here. Try again later.',
        }),
      );
    }
    // The answer is the same, and sent before any lookup, whether or not the address has an
    // account: neither the page nor its timing tells. An address asked for too often gets
    // no further mail, with the same answer. The lookups then run one at a time, in the order
    // asked: a flood of forms queues here instead of taking every database connection.
    html(res, 200, forgotPasswordPage({ action, signInUrl: opts.signInUrl, sent: true }));
    lookups = lookups.then(async () => {
      try {
        if (await limits.spare('password-link-address', email.toLowerCase()))
          await forgotPassword(db, links, email);
      } catch (err) {
        log.error({ err }, 'forgot-password mail failed');
      }
    });
  });

  router.get('/password/:token', async (req, res) => {
    const holder = await passwordLinkHolder(db, req.params.token);
    if (!holder) return html(res, 410, linkUnusablePage(`${req.baseUrl}/forgot-password`));
    html(
      res,
      200,
      setPasswordPage({
        action: `${req.baseUrl}/password/${encodeURIComponent(req.params.token)}`,
        email: holder.email,
        invite: holder.purpose === 'invite',
      }),
    );
  });

  router.post('/password/:token', form, async (req, res) => {
    const token = req.params.token;
    const password = String(req.body?.password ?? '');
    const problem = passwordProblem(password, String(req.body?.repeated ?? ''));
    if (problem) {
      const holder = await passwordLinkHolder(db, token);
      if (!holder) return html(res, 410, linkUnusablePage(`${req.baseUrl}/forgot-password`));
      return html(
        res,
        400,
        setPasswordPage({
          action: `${req.baseUrl}/password/${encodeURIComponent(token)}`,
          email: holder.email,
          invite: holder.purpose === 'invite',
          error: problem,
        }),
      );
    }
    const holder = await setPasswordWithLink(db, token, password);
    if (!holder) return html(res, 410, linkUnusablePage(`${req.baseUrl}/forgot-password`));
    log.info({ accountId: holder.accountId, purpose: holder.purpose }, 'password set by link');
    html(res, 200, passwordSetPage(opts.signInUrl));
  });

  return router;
}
