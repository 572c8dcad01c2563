import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../components/error-summary.js';
import { Notice } from '../components/notice.js';
import { api } from './api.js';
import { useFormErrors } from './form-errors.js';
import { RoleOptions, type TeamRole } from './team-roles.js';

/** The value of the role choice that makes the person an organization admin instead. */
const ORGANIZATION_ADMIN = 'organization-admin';

/**
 * Invites a person by email (organization admins only): the server creates their account without
 * a password, gives it the role on this event (or makes it an organization admin) and mails a
 * one-time link, valid 72 hours, to set the password.
 */
export function TeamInvite({ eventId, onInvited }: { eventId: string; onInvited: () => void }) {
  const errors = useFormErrors({ name: 'Name', email: 'Email', eventRoles: 'Role' });
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | undefined>();
  const invite = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const role = String(form.get('role'));
    const email = String(form.get('email') ?? '').trim();
    setBusy(true);
    setSent(undefined);
    errors.clear();
    try {
      await api('/api/v1/accounts/invitations', {
        method: 'POST',
        body: {
          name: String(form.get('name') ?? '').trim(),
          email,
          ...(role === ORGANIZATION_ADMIN
            ? { organizationAdmin: true }
            : { eventRoles: [{ eventId, role: role as TeamRole }] }),
        },
      });
      formElement.reset();
      setSent(email);
      onInvited();
    } catch (err) {
      errors.show(err);
    }
    setBusy(false);
  };
  return (
    <form onSubmit={(e) => void invite(e)} aria-labelledby="invite-member" noValidate>
      <h3 id="invite-member">Invite by email</h3>
      <p className="hint">
        They get a mail with a link to choose their password; it works once, for 72 hours.
      </p>
      <ErrorSummary items={errors.items} round={errors.round} />
      {sent ? <Notice tone="success">Invitation mailed to {sent}.</Notice> : null}
      <div className="field">
        <label htmlFor="f-invite-name">Name</label>
        <input id="f-invite-name" name="name" required maxLength={100} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="f-invite-email">Email</label>
        <input
          id="f-invite-email"
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor="f-invite-role">Role</label>
        <select id="f-invite-role" name="role" defaultValue="staff">
          <RoleOptions />
          <option value={ORGANIZATION_ADMIN}>
            Organization admin: every event, and the accounts
          </option>
        </select>
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        Send the invitation
      </button>
    </form>
  );
}
