import { useState, type FormEvent } from 'react';
import type { Station } from '../lib/station.js';
import { useStation } from './use-station.js';

/** After enrollment, once: which check-in list this phone scans for, and at which gate. */
export function SetupScreen({ station }: { station: Station }) {
  const status = useStation(station);
  const lists = station.availableLists();
  const [listId, setListId] = useState('');
  const [gate, setGate] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = listId || lists[0]?.id;
    if (chosen) void station.choose({ listId: chosen, gate: gate.trim() || undefined });
  };
  const ready = status.syncing === undefined && lists.length > 0;
  return (
    <main className="page setup">
      <h1>{station.event()?.name ?? 'Check-in'}</h1>
      <p className="hint">Enrolled as {station.device.name}.</p>
      {!ready ? (
        <p role="status" className="syncing">
          Downloading tickets… {status.syncing ?? 0}
        </p>
      ) : (
        <form onSubmit={submit}>
          <p role="status">{status.tickets ?? ''} tickets on this phone.</p>
          <label htmlFor="list">Check-in list</label>
          <select
            id="list"
            value={listId || lists[0]!.id}
            onChange={(e) => setListId(e.target.value)}
          >
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
          <label htmlFor="gate">Gate (optional)</label>
          <input id="gate" value={gate} maxLength={64} onChange={(e) => setGate(e.target.value)} />
          <button type="submit" className="primary">
            Start scanning
          </button>
        </form>
      )}
    </main>
  );
}
