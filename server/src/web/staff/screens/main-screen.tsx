import type { ScanDirection } from '@lanyard/core/browser';
import { useCallback, useState } from 'react';
import type { ScanAnswer } from '../lib/answer.js';
import type { Station } from '../lib/station.js';
import { AnswerCard } from './answer-card.js';
import { ScanTab } from './scan-tab.js';
import { SearchTab } from './search-tab.js';
import { StatusBar } from './status-bar.js';
import { StatusTab } from './status-tab.js';
import { useStation } from './use-station.js';

type Tab = 'scan' | 'search' | 'status';
const TABS: [Tab, string][] = [
  ['scan', 'Scan'],
  ['search', 'Search'],
  ['status', 'Status'],
];

export function MainScreen({ station }: { station: Station }) {
  const status = useStation(station);
  const [tab, setTab] = useState<Tab>('scan');
  const [direction, setDirection] = useState<ScanDirection>('entry');
  const [shown, setShown] = useState<{ answer: ScanAnswer; startedAt: number } | undefined>();
  const close = useCallback(() => setShown(undefined), []);
  const reentry = station.list()?.entryRule === 'reentry_after_exit';

  const scan = useCallback(
    (text: string) => {
      const startedAt = performance.now();
      void station
        .scan(text, reentry ? direction : 'entry')
        .then((answer) => setShown({ answer, startedAt }));
    },
    [station, direction, reentry],
  );

  return (
    <div className="main">
      <StatusBar status={status} />
      <div className="content">
        {tab === 'scan' && (
          <ScanTab
            reentry={reentry}
            direction={direction}
            onDirection={setDirection}
            onScan={scan}
          />
        )}
        {tab === 'search' && <SearchTab station={station} />}
        {tab === 'status' && <StatusTab station={station} />}
      </div>
      <nav className="tabs">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" aria-current={tab === id} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </nav>
      {shown && <AnswerCard answer={shown.answer} startedAt={shown.startedAt} onClose={close} />}
    </div>
  );
}
