import express, { type Request, type Response, type Router } from 'express';
import type { InteractionDetails, Provider } from 'oidc-provider';
import type { Logger } from 'pino';
import type { Queryable } from '../../platform/db/db.js';
import { DomainError } from '../../platform/errors.js';
import { clientIp, type RateGate } from '../../platform/ratelimit/gate.js';
import { signIn } from '../accounts/service.js';
import { findAccountById } from '../accounts/store.js';
import { passwordPage, signInErrorPage } from './sign-in-pages.js';

/**
 * The interaction pages oidc-provider sends a browser to (`interactions.url`): a password form
 * for the login prompt; the consent prompt is answered at once, because every interactive client
 * is Lanyard's own. The grant holds the requested scopes the account has; the rest are rejected,
 * so a token never carries more than its person may do.
 */
export function signInRoutes(
  provider: Provider,
  db: Queryable,
  log: Logger,
  limits: RateGate,
): Router {
  const router = express.Router();
  const noStore = (res: Response) => res.set('Cache-Control', 'no-store');

  /** The password form of this interaction, naming the app it signs in to. */
  async function showPasswordForm(
    req: Request,
    res: Response,
    details: InteractionDetails,
    status: number,
    form: { email: string | undefined; error?: string },
  ): Promise<void> {
    const client = await provider.Client.find(String(details.params.client_id));
    res
      .status(status)
      .type('html')
      .send(
        passwordPage({
          action: `${req.baseUrl}/interaction/${details.uid}/login`,
          forgotAction: `${req.baseUrl}/forgot-password`,
          clientName: client?.clientName ?? 'Lanyard',
          ...form,
        }),
      );
  }

  router.get('/interaction/:uid', async (req, res) => {
    noStore(res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'consent')
        return await grantConsent(provider, db, req, res, details);
      const hint = details.params.login_hint;
      await showPasswordForm(req, res, details, 200, {
        email: typeof hint === 'string' ? hint : undefined,
      });
    } catch (err) {
      interactionGone(res, log, err);
    }
  });

  router.post(
    '/interaction/:uid/login',
    express.urlencoded({ extended: false, limit: '4kb' }),
    async (req, res) => {
      noStore(res);
      try {
        const details = await provider.interactionDetails(req, res);
        const email = String(req.body?.email ?? '').trim();
        const password = String(req.body?.password ?? '');
        const again = (status: number, error: string) =>
          showPasswordForm(req, res, details, status, { email, error });
        const ip = clientIp(req);
        const pair = `${email.toLowerCase()}|${ip}`;
        // Both counted before the password is checked: parallel guesses cannot outrun the count.
        // Per account *and address*, so a stranger's guesses never lock the owner out elsewhere.
        try {
          await limits.take(res, ['sign-in-ip', ip], ['sign-in-account-ip', pair]);
        } catch (err) {
          if (!(err instanceof DomainError) || err.code !== 'rate_limited') throw err;
          const wait = err.extra.retryAfterSeconds ?? 60;
          res.setHeader('Retry-After', String(wait));
          const minutes = Math.ceil(wait / 60);
          return await again(429, `Too many failed attempts. Try again in ${minutes} minute(s).`);
        }
        const account = email && password ? await signIn(db, email, password) : undefined;
        if (!account) {
          log.info({ email: email.toLowerCase(), ip }, 'sign-in refused');
          return await again(401, 'Email or password is wrong.');
        }
        // A success is no guess: its points go back.
        await Promise.all([
          limits.refund('sign-in-ip', ip),
          limits.reset('sign-in-account-ip', pair),
        ]);
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: account.id } },
          {
            mergeWithLastSubmission: false,
          },
        );
      } catch (err) {
        interactionGone(res, log, err);
      }
    },
  );

  return router;
}

async function grantConsent(
  provider: Provider,
  db: Queryable,
  req: Request,
  res: Response,
  details: InteractionDetails,
): Promise<void> {
  const accountId = details.session?.accountId;
  if (!accountId) throw new Error('consent without a signed-in account');
  const held = new Set((await findAccountById(db, accountId))?.scopes);
  const clientId = String(details.params.client_id);
  const grant =
    (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
    new provider.Grant({ accountId, clientId });
  const prompt = details.prompt.details;
  if (prompt.missingOIDCScope?.length) grant.addOIDCScope(prompt.missingOIDCScope.join(' '));
  if (prompt.missingOIDCClaims?.length) grant.addOIDCClaims(prompt.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(prompt.missingResourceScopes ?? {})) {
    const allowed = scopes.filter((s) => held.has(s));
    const refused = scopes.filter((s) => !held.has(s));
    if (allowed.length) grant.addResourceScope(resource, allowed.join(' '));
    if (refused.length) grant.rejectResourceScope(resource, refused.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId } },
    {
      mergeWithLastSubmission: true,
    },
  );
}

/** An interaction that expired or was finished already (a reload, the back button). */
function interactionGone(res: Response, log: Logger, err: unknown): void {
  const name = (err as { name?: string }).name;
  if (name === 'SessionNotFound' || name === 'InvalidRequest') {
    res
      .status(400)
      .type('html')
      .send(
        signInErrorPage(
          'This sign-in has expired or is finished. Start again from your terminal or the dashboard.',
        ),
      );
    return;
  }
  log.error({ err }, 'sign-in failed');
  res.status(500).type('html').send(signInErrorPage('Signing in failed. Try again.'));
}
