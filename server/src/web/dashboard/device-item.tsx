import { useEffect, useRef, useState, type FormEvent } from 'react';
import { TextField, fieldDomId } from '../components/field.js';
import { formatInstant } from '../lib/format.js';
import { api } from './api.js';
import { ConfirmAction } from './checkin-confirm.js';
import { useRowMode } from './checkin-row-mode.js';
import type { Device } from './device-types.js';
import { useFormErrors } from './form-errors.js';

const STATUS_TEXT: Record<Device['status'], string> = {
  pending: 'Waiting for enrollment',
  active: 'Enrolled',
  revoked: 'Revoked',
};

/** When the device last changed state or, once enrolled, last reached the server, in words. */
function sinceText(d: Device, timeZone: string): string {
  if (d.revokedAt) return `Revoked ${formatInstant(d.revokedAt, timeZone)}`;
  if (d.enrolledAt) {
    const enrolled = `Enrolled ${formatInstant(d.enrolledAt, timeZone)}`;
    return d.lastSeenAt
      ? `${enrolled}; last seen ${formatInstant(d.lastSeenAt, timeZone)}`
      : `${enrolled}; not seen since`;
  }
  if (Date.parse(d.enrollmentExpiresAt) < Date.now())
    return `Its code expired ${formatInstant(d.enrollmentExpiresAt, timeZone)}: add it again`;
  return `Code valid until ${formatInstant(d.enrollmentExpiresAt, timeZone)}`;
}

type Mode = 'view' | 'rename' | 'revoke';

/** One device: its name (always as text), status and the rename and revoke actions. */
export function DeviceItem(p: {
  device: Device;
  base: string;
  timeZone: string;
  onChanged: () => void;
}) {
  const { device } = p;
  // Until the list is read again, the row already shows what the server said.
  const [revokedNow, setRevokedNow] = useState(false);
  const status = revokedNow ? 'revoked' : device.status;
  const headRef = useRef<HTMLDivElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  // Back from a form, focus returns to the row (its first button, or its name once revoked).
  const { mode, open, back } = useRowMode<Mode>(
    'view',
    () => actionsRef.current?.querySelector('button') ?? headRef.current,
  );
  return (
    <li className="device-item" data-testid="device">
      <div className="device-head" ref={headRef} tabIndex={-1}>
        <strong className="device-name">{device.name}</strong>
        <span className={`device-status device-${status}`}>{STATUS_TEXT[status]}</span>
      </div>
      <p className="hint">{sinceText(device, p.timeZone)}</p>
      {status === 'revoked' ? null : mode === 'rename' ? (
        <RenameForm {...p} onDone={back} />
      ) : mode === 'revoke' ? (
        <RevokeConfirm
          {...p}
          onRevoked={() => {
            setRevokedNow(true);
            back();
          }}
          onDone={back}
        />
      ) : (
        <div className="actions" ref={actionsRef}>
          <button
            type="button"
            className="button button-secondary"
            aria-label={`Rename ${device.name}`}
            onClick={() => open('rename')}
          >
            Rename
          </button>
          <button
            type="button"
            className="button button-danger"
            aria-label={`Revoke ${device.name}`}
            onClick={() => open('revoke')}
          >
            Revoke
          </button>
        </div>
      )}
    </li>
  );
}

function RenameForm({
  device,
  base,
  onChanged,
  onDone,
}: {
  device: Device;
  base: string;
  onChanged: () => void;
  onDone: () => void;
}) {
  const errors = useFormErrors({ name: 'Name' });
  const [busy, setBusy] = useState(false);
  const field = `rename-${device.id}`;
  const focusInput = () => document.getElementById(fieldDomId(field))?.focus();
  useEffect(focusInput, [field]);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get('name') ?? '').trim();
    setBusy(true);
    try {
      await api(`${base}/devices/${device.id}`, { method: 'PATCH', body: { name } });
      onChanged();
      onDone();
    } catch (err) {
      errors.show(err);
      focusInput();
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="inline-form">
      <TextField
        field={field}
        label={`New name for ${device.name}`}
        name="name"
        defaultValue={device.name}
        required
        maxLength={100}
        error={errors.of('name')}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save name'}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function RevokeConfirm({
  device,
  base,
  onChanged,
  onRevoked,
  onDone,
}: {
  device: Device;
  base: string;
  onChanged: () => void;
  onRevoked: () => void;
  onDone: () => void;
}) {
  return (
    <ConfirmAction
      id={`revoke-${device.id}`}
      question={
        <>
          Revoke <strong>{device.name}</strong>? It is refused from now on and cannot be enrolled
          again; what it scanned stays counted.
        </>
      }
      yes="Yes, revoke"
      busyText="Revoking…"
      no="Keep it"
      onYes={async () => {
        await api(`${base}/devices/${device.id}/revoke`, { method: 'POST' });
        onRevoked();
        onChanged();
      }}
      onNo={onDone}
    />
  );
}
