import type { StationStatus } from '../lib/station.js';

export const clockTime = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Always on top: online or not, scans waiting to upload, when the cache last heard the server. */
export function StatusBar({ status }: { status: StationStatus }) {
  const online = status.online !== false;
  return (
    <header className="status-bar" data-testid="status-bar">
      <span className={online ? 'dot online' : 'dot offline'} aria-hidden />
      <span data-testid="connectivity">{online ? 'Online' : 'Offline'}</span>
      <span data-testid="queued">{status.queued} queued</span>
      <span data-testid="last-sync">
        {status.lastSyncAt ? `Synced ${clockTime(status.lastSyncAt)}` : 'Not synced'}
      </span>
    </header>
  );
}
