import { useEffect, useState } from 'react';
import { openStaffDb, readMeta, writeMeta, type Db } from './lib/db.js';
import { enroll } from './lib/server.js';
import { Station } from './lib/station.js';
import { EnrollScreen } from './screens/enroll-screen.js';
import { MainScreen } from './screens/main-screen.js';
import { SetupScreen } from './screens/setup-screen.js';
import { useStation } from './screens/use-station.js';

/** `#enroll=CODE`, as the dashboard's QR code opens the app; read once, then wiped. */
function enrollmentCodeFromUrl(): string | undefined {
  const match = /(?:^#|&)enroll=([^&]+)/.exec(location.hash);
  if (!match) return undefined;
  history.replaceState(null, '', location.pathname);
  return decodeURIComponent(match[1]!);
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'enroll'; db: Db; code?: string; error?: string }
  | { kind: 'ready'; station: Station };

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const redeem = async (db: Db, code: string) => {
    try {
      const device = await enroll(code);
      await writeMeta(db, 'device', device);
      const station = await Station.open(db, device);
      station.start();
      setPhase({ kind: 'ready', station });
    } catch (error) {
      setPhase({ kind: 'enroll', db, code, error: (error as Error).message });
    }
  };

  useEffect(() => {
    let station: Station | undefined;
    void (async () => {
      const db = await openStaffDb();
      const device = await readMeta(db, 'device');
      const code = enrollmentCodeFromUrl();
      if (device) {
        station = await Station.open(db, device);
        station.start();
        setPhase({ kind: 'ready', station });
      } else if (code) {
        setPhase({ kind: 'enroll', db, code });
        await redeem(db, code);
      } else {
        setPhase({ kind: 'enroll', db });
      }
    })();
    return () => station?.stop();
  }, []);

  if (phase.kind === 'loading') return <main className="splash">Lanyard</main>;
  if (phase.kind === 'enroll') {
    return (
      <EnrollScreen
        initialCode={phase.code ?? ''}
        error={phase.error}
        onEnroll={(code) => redeem(phase.db, code)}
      />
    );
  }
  return <Ready station={phase.station} />;
}

function Ready({ station }: { station: Station }) {
  useStation(station);
  return station.chosen() ? <MainScreen station={station} /> : <SetupScreen station={station} />;
}
