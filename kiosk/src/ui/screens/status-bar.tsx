import type { AgentFeed } from '../use-agent-events.js';
import { clockTime } from '../answer-words.js';
import { strings } from '../strings.js';

/** The always-visible line: network, upload queue, last sync, printer, scanner. */
export function StatusBar(props: { feed: AgentFeed; keyboardScans: boolean; camera: boolean }) {
  const { feed, keyboardScans, camera } = props;
  const s = strings.status;
  const status = feed.status;
  const items: { key: string; text: string; bad: boolean }[] = [];
  if (!feed.connected || !status) {
    items.push({ key: 'agent', text: s.agentLost, bad: true });
  } else {
    items.push({ key: 'net', text: status.online ? s.online : s.offline, bad: !status.online });
    items.push({ key: 'queue', text: s.queued(status.queued), bad: false });
    const synced = status.lastSyncAt ? clockTime(status.lastSyncAt) : null;
    items.push({ key: 'sync', text: synced ? s.lastSync(synced) : s.neverSynced, bad: !synced });
    const printer = status.printer;
    if (!printer) items.push({ key: 'printer', text: s.noPrinter, bad: false });
    else if (printer.ready === null)
      items.push({ key: 'printer', text: s.printerUnknown, bad: false });
    else if (printer.ready) items.push({ key: 'printer', text: s.printerReady, bad: false });
    else
      items.push({
        key: 'printer',
        text: s.printerProblem(printer.problems.join(', ')),
        bad: true,
      });
    const scanners = status.scanners;
    if (scanners?.lastError) {
      items.push({ key: 'scanner', text: s.scannerProblem(scanners.lastError), bad: true });
    } else if (scanners && scanners.devices.length > 0) {
      const names = scanners.devices.map((d) => d.name).join(', ');
      items.push({ key: 'scanner', text: s.scannerReady(names), bad: false });
    } else if (camera) {
      items.push({ key: 'scanner', text: s.scannerCamera, bad: false });
    } else if (keyboardScans) {
      items.push({ key: 'scanner', text: s.scannerNone, bad: false });
    }
  }
  return (
    <footer className="status-bar" role="status" aria-label={s.label}>
      <ul>
        {items.map((item) => (
          <li key={item.key} data-status={item.key} className={item.bad ? 'bad' : 'ok'}>
            <span className="dot" aria-hidden="true" />
            {item.text}
          </li>
        ))}
      </ul>
    </footer>
  );
}
