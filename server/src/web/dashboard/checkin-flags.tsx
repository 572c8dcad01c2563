import { Notice } from '../components/notice.js';
import { formatInstant } from '../lib/format.js';
import { api } from './api.js';
import { useCalmText, usePolled } from './checkin-poll.js';
import type { CheckinFlag, CheckinFlagList, FlagScan } from './checkin-types.js';
import type { DeviceList } from './device-types.js';

// Flags arrive when an offline kiosk reconnects, not at every scan: a slower poll is enough.
const EVERY_MS = 10_000;

interface Flags {
  items: CheckinFlag[];
  /** Device id → its name, to say which kiosk let the person in. */
  devices: Map<string, string>;
}

async function loadFlags(base: string): Promise<Flags> {
  const [flags, devices] = await Promise.all([
    api<CheckinFlagList>(`${base}/checkin-flags`, { cache: 'no-store' }),
    api<DeviceList>(`${base}/devices`, { cache: 'no-store' }),
  ]);
  return { items: flags.items, devices: new Map(devices.items.map((d) => [d.id, d.name])) };
}

/** Tickets offline kiosks admitted twice, with what each means and what to do about it. */
export function CheckinFlags({ base, timeZone }: { base: string; timeZone: string }) {
  const { data, state } = usePolled(() => loadFlags(base), base, EVERY_MS);
  const count = data?.items.length ?? 0;
  const announced = useCalmText(
    data ? `${count} ${count === 1 ? 'ticket' : 'tickets'} admitted twice while offline.` : '',
    60_000,
  );
  return (
    <section aria-labelledby="checkin-flags" className="panel">
      <h2 id="checkin-flags">Admitted twice while offline</h2>
      <p className="hint">
        When kiosks lose the network they decide alone, so two of them can each let the same ticket
        in. Once they reconnect, the first entry is kept and the later one is listed here. No one is
        turned away afterwards: this tells you which tickets were probably shared or copied.
      </p>
      <p className="visually-hidden" role="status">
        {announced}
      </p>
      {state === 'lost' ? (
        <Notice tone="error">The list could not be refreshed; retrying.</Notice>
      ) : null}
      {data && count === 0 ? <p>None so far.</p> : null}
      {data && count > 0 ? (
        <ul className="flag-list">
          {data.items.map((f) => (
            <li key={f.scan.scanId}>
              <p className="flag-who">
                <strong>{f.attendee?.name ?? 'Unnamed attendee'}</strong>
                <span className="hint"> · list {f.listName}</span>
              </p>
              <p>
                Admitted {scanText(f.scan, data.devices, timeZone)}, although the ticket had already
                been admitted {scanText(f.duplicateOf, data.devices, timeZone)}.
              </p>
              <p className="hint">
                The list&apos;s entry rule did not allow a second entry, so two people probably used
                this ticket (shared, or a copy of its QR code). Ticket{' '}
                <span className="code-text">{f.ticketId}</span>.
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function scanText(s: FlagScan, devices: Map<string, string>, timeZone: string): string {
  const where = s.gate ? ` at gate ${s.gate}` : '';
  const by = s.deviceId
    ? ` by ${devices.get(s.deviceId) ?? 'a device no longer listed'}`
    : ' by a staff sign-in';
  return `${formatInstant(s.scannedAt, timeZone)}${where}${by}`;
}
