import { useEffect, useState } from 'react';
import { answerWords } from '../lib/answer.js';
import type { HistoryRecord } from '../lib/db.js';
import type { Station } from '../lib/station.js';
import { clockTime } from './status-bar.js';
import { useStation } from './use-station.js';

/** Where this phone stands, and its own scans, newest first. */
export function StatusTab({ station }: { station: Station }) {
  const status = useStation(station);
  const [history, setHistory] = useState<HistoryRecord[]>([]);
  useEffect(() => {
    void station.history().then(setHistory);
  }, [station, status]);
  const list = station.list();
  return (
    <section className="status-tab" aria-label="Status">
      <dl className="facts">
        <dt>Event</dt>
        <dd>{station.event()?.name ?? '—'}</dd>
        <dt>Phone</dt>
        <dd>{station.device.name}</dd>
        <dt>List</dt>
        <dd>{list?.name ?? '—'}</dd>
        <dt>Gate</dt>
        <dd>{station.gate ?? '—'}</dd>
        <dt>Server</dt>
        <dd>{status.online === false ? 'Unreachable: deciding from this phone' : 'Reachable'}</dd>
        <dt>Waiting to upload</dt>
        <dd data-testid="status-queued">{status.queued} scans</dd>
        <dt>Last sync</dt>
        <dd>{status.lastSyncAt ? clockTime(status.lastSyncAt) : 'never'}</dd>
        {status.refused && (
          <>
            <dt>Refused</dt>
            <dd className="error">The server refused this phone ({status.refused}).</dd>
          </>
        )}
      </dl>
      <h2>This phone’s scans</h2>
      <ol className="history" data-testid="history">
        {history.map((h) => {
          const words = answerWords(h);
          return (
            <li key={h.scanId}>
              <span className={`badge ${words.tone}`}>{words.title}</span>
              <span className="history-name">{h.name ?? words.detail}</span>
              <span className="hint">
                {clockTime(h.at)}
                {h.offline ? ' · offline' : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
