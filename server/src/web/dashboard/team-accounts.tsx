import { useState } from 'react';
import { ErrorSummary } from '../components/error-summary.js';
import { Notice } from '../components/notice.js';
import { api } from './api.js';
import { useFormErrors } from './form-errors.js';
import type { TeamAccount } from './team-roles.js';

const status = (a: TeamAccount) =>
  a.disabledAt ? 'Disabled' : a.passwordSet ? 'Active' : 'Invited, no password yet';

/**
 * The organization's accounts (organization admins only): mail a one-time link to set the
 * password (a reset, or the invite again), or disable an account. Each asks to confirm first.
 */
export function TeamAccounts({
  accounts,
  onChanged,
}: {
  accounts: TeamAccount[];
  onChanged: () => void;
}) {
  const errors = useFormErrors({ account: 'Account' });
  const [asking, setAsking] = useState<{ id: string; action: 'link' | 'disable' } | undefined>();
  const [outcome, setOutcome] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const act = async (a: TeamAccount, action: 'link' | 'disable') => {
    setBusy(true);
    errors.clear();
    try {
      if (action === 'link') {
        await api(`/api/v1/accounts/${encodeURIComponent(a.id)}/password-link`, { method: 'POST' });
        setOutcome(`A link to set the password was mailed to ${a.email}.`);
      } else {
        await api(`/api/v1/accounts/${encodeURIComponent(a.id)}/disable`, { method: 'POST' });
        setOutcome(`${a.name} is disabled and can no longer sign in.`);
      }
      setAsking(undefined);
      onChanged();
    } catch (err) {
      errors.show(err);
    }
    setBusy(false);
  };
  return (
    <section aria-labelledby="accounts-heading">
      <h3 id="accounts-heading">Accounts of the organization</h3>
      <ErrorSummary items={errors.items} round={errors.round} />
      {outcome ? <Notice tone="success">{outcome}</Notice> : null}
      {/* A list rather than a table: on a phone each account's buttons go under it. */}
      <ul className="team-accounts">
        {accounts.map((a) => (
          <li key={a.id}>
            <p>
              <strong>{a.name}</strong> <span className="hint">{a.email}</span>
              {a.organizationAdmin ? <span className="hint"> · organization admin</span> : null}
              <br />
              {status(a)}
            </p>
            {a.disabledAt ? null : asking?.id === a.id ? (
              <p className="team-confirm">
                {asking.action === 'link'
                  ? `Mail ${a.email} a link to set a new password?`
                  : `Disable ${a.name}? They can no longer sign in.`}{' '}
                <button
                  type="button"
                  className={`button ${asking.action === 'disable' ? 'button-danger' : 'button-primary'}`}
                  disabled={busy}
                  onClick={() => void act(a, asking.action)}
                >
                  {asking.action === 'link' ? 'Send the link' : 'Disable'}
                </button>{' '}
                <button type="button" className="button" onClick={() => setAsking(undefined)}>
                  Keep
                </button>
              </p>
            ) : (
              <p>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => setAsking({ id: a.id, action: 'link' })}
                >
                  {a.passwordSet ? 'Reset password' : 'Send invite again'}
                  <span className="visually-hidden"> of {a.name}</span>
                </button>{' '}
                <button
                  type="button"
                  className="button button-danger"
                  disabled={busy}
                  onClick={() => setAsking({ id: a.id, action: 'disable' })}
                >
                  Disable<span className="visually-hidden"> {a.name}</span>
                </button>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
