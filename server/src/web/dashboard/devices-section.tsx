import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/field.js';
import { LoadError, Loading } from '../components/notice.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { DeviceEnrollment } from './device-enrollment.js';
import { DeviceItem } from './device-item.js';
import type { CreatedDevice, DeviceList } from './device-types.js';
import { useFormErrors } from './form-errors.js';
import type { SectionProps } from './sections.js';

/** The event's kiosks: enroll a new one with a one-time code, rename or revoke the others. */
export function DevicesSection({ event, base }: SectionProps) {
  const [devices, reload] = useLoad(
    () => api<DeviceList>(`${base}/devices`, { cache: 'no-store' }),
    [base],
  );
  const [created, setCreated] = useState<CreatedDevice | null>(null);
  return (
    <>
      {created ? (
        <DeviceEnrollment
          device={created}
          timeZone={event.timezone}
          onDone={() => setCreated(null)}
        />
      ) : null}
      <section aria-labelledby="devices" className="panel">
        <h2 id="devices">Kiosks and scanners</h2>
        <p className="hint">
          Each kiosk or staff laptop is a device of this event: it can check tickets in here and do
          nothing else.
        </p>
        {devices.state === 'loading' ? <Loading what="devices" /> : null}
        {devices.state === 'error' ? <LoadError error={devices.error} what="device list" /> : null}
        {devices.state === 'ok' && devices.data.items.length === 0 ? <p>No devices yet.</p> : null}
        {devices.state === 'ok' && devices.data.items.length > 0 ? (
          <ul className="device-list">
            {devices.data.items.map((d) => (
              <DeviceItem
                key={d.id}
                device={d}
                base={base}
                timeZone={event.timezone}
                onChanged={reload}
              />
            ))}
          </ul>
        ) : null}
        <AddDeviceForm
          base={base}
          onCreated={(d) => {
            setCreated(d);
            reload();
          }}
        />
      </section>
    </>
  );
}

const LABELS = { name: 'Device name' };

function AddDeviceForm({
  base,
  onCreated,
}: {
  base: string;
  onCreated: (d: CreatedDevice) => void;
}) {
  const errors = useFormErrors(LABELS);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const name = String(new FormData(formElement).get('name') ?? '').trim();
    setBusy(true);
    errors.clear();
    try {
      const device = await api<CreatedDevice>(`${base}/devices`, { body: { name } });
      formElement.reset();
      onCreated(device);
    } catch (err) {
      errors.show(err);
    }
    setBusy(false);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-device">
      <h3 id="add-device">Add a device</h3>
      <ErrorSummary items={errors.items} round={errors.round} />
      <TextField
        field="name"
        label={LABELS.name}
        hint="Where it stands, e.g. North door 1"
        name="name"
        required
        maxLength={100}
        error={errors.of('name')}
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create enrollment code'}
      </button>
    </form>
  );
}
