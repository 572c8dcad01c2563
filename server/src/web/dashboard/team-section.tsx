import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../components/error-summary.js';
import { LoadError, Loading } from '../components/notice.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { useFormErrors } from './form-errors.js';
import type { SectionProps } from './sections.js';
import { TeamAccounts } from './team-accounts.js';
import { TeamInvite } from './team-invite.js';
import { RoleOptions, type TeamAccount, type TeamRole as Role } from './team-roles.js';

interface Member {
  accountId: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * Who holds which role on the event. Owners and organization admins change it; a change applies
 * on the person's next request. Organization admins reach every event and are not listed.
 */
export function TeamSection({ base, event }: SectionProps) {
  const [team, reload] = useLoad(
    () => api<{ items: Member[] }>(`${base}/team`, { cache: 'no-store' }),
    [base],
  );
  // The organization's accounts, for choosing whom to add: only organization admins may list them.
  const [accounts, reloadAccounts] = useLoad(
    () => api<{ items: TeamAccount[] }>('/api/v1/accounts', { cache: 'no-store' }),
    [],
  );
  const errors = useFormErrors({ accountId: 'Account id', role: 'Role' });
  const [busy, setBusy] = useState(false);
  /** Sets or (role null) removes the person's role; true when the server took it. */
  const change = async (accountId: string, role: Role | null) => {
    setBusy(true);
    errors.clear();
    let done = false;
    try {
      await api(`${base}/team/${encodeURIComponent(accountId)}`, {
        method: role ? 'PUT' : 'DELETE',
        ...(role ? { body: { role } } : {}),
      });
      reload();
      done = true;
    } catch (err) {
      errors.show(err);
    }
    setBusy(false);
    return done;
  };
  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const role = String(form.get('role')) as Role;
    if (await change(String(form.get('accountId') ?? '').trim(), role)) formElement.reset();
  };
  const members = team.state === 'ok' ? team.data.items : [];
  const candidates =
    accounts.state === 'ok'
      ? accounts.data.items.filter(
          (a) =>
            !a.organizationAdmin && !a.disabledAt && !members.some((m) => m.accountId === a.id),
        )
      : undefined;
  return (
    <section aria-labelledby="team" className="panel">
      <h2 id="team">Team</h2>
      <p className="hint">
        Who may work on this event, and as what. Organization admins reach every event besides.
      </p>
      <ErrorSummary items={errors.items} round={errors.round} />
      {team.state === 'loading' ? <Loading what="team" /> : null}
      {team.state === 'error' ? <LoadError error={team.error} what="team" /> : null}
      {team.state === 'ok' && members.length === 0 ? <p>Nobody has a role here yet.</p> : null}
      {members.length > 0 ? (
        <table className="team-table">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.accountId}>
                <td>
                  {m.name} <span className="hint">{m.email}</span>
                </td>
                <td>
                  <select
                    aria-label={`Role of ${m.name}`}
                    value={m.role}
                    disabled={busy}
                    onChange={(e) => void change(m.accountId, e.target.value as Role)}
                  >
                    <RoleOptions />
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-danger"
                    disabled={busy}
                    onClick={() => void change(m.accountId, null)}
                  >
                    Remove {m.name}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form onSubmit={(e) => void add(e)} aria-labelledby="add-member">
        <h3 id="add-member">Add a person</h3>
        <div className="field">
          <label htmlFor="f-accountId">{candidates ? 'Person' : 'Account id'}</label>
          {candidates ? (
            <select id="f-accountId" name="accountId" required>
              {candidates.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.email})
                </option>
              ))}
            </select>
          ) : (
            <input id="f-accountId" name="accountId" required />
          )}
        </div>
        <div className="field">
          <label htmlFor="f-role">Role</label>
          <select id="f-role" name="role" defaultValue="staff">
            <RoleOptions />
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          Add to the team
        </button>
      </form>
      {accounts.state === 'ok' ? (
        <>
          <TeamInvite
            eventId={event.id}
            onInvited={() => {
              reload();
              reloadAccounts();
            }}
          />
          <TeamAccounts accounts={accounts.data.items} onChanged={reloadAccounts} />
        </>
      ) : null}
    </section>
  );
}
