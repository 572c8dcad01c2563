import { useCallback, useEffect, useRef, useState } from 'react';
import { agent } from './agent-client.js';
import type { PrintJob, ScanResult, StationInfo } from './agent-types.js';
import { AnswerScreen } from './screens/answer-screen.js';
import { CameraScanner } from './screens/camera-scanner.js';
import { IdleScreen } from './screens/idle-screen.js';
import { PinDialog } from './screens/pin-dialog.js';
import { PrinterAttention } from './screens/printer-attention.js';
import { ScannerInput } from './screens/scanner-input.js';
import { StaffScreen } from './screens/staff-screen.js';
import { StatusBar } from './screens/status-bar.js';
import { useAgentEvents } from './use-agent-events.js';
import { speak, strings } from './strings.js';

/** How long an answer stays up, and how long after its badge printed. */
const ANSWER_MS = { admitted: 4000, refused: 6000, afterPrint: 3000, printMax: 20000 };

type Mode = { kind: 'self' } | { kind: 'pin' } | { kind: 'staff'; session: string };

export function App() {
  const [station, setStation] = useState<StationInfo | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'self' });
  const [answer, setAnswer] = useState<ScanResult | null>(null);
  const [print, setPrint] = useState<PrintJob | undefined>(undefined);
  const [scanError, setScanError] = useState(false);
  const [camera, setCamera] = useState(false);
  /** Counts print job changes, so the staff screen's print list follows them. */
  const [printChanges, setPrintChanges] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const backToIdleIn = useCallback((ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      shownScan.current = undefined;
      shownJob.current = undefined;
      setAnswer(null);
      setPrint(undefined);
      setScanError(false);
    }, ms);
  }, []);

  // The scan and print job on screen, read by the event callbacks without re-subscribing.
  const shownScan = useRef<string | undefined>(undefined);
  const shownJob = useRef<string | undefined>(undefined);

  const show = useCallback(
    (scan: ScanResult) => {
      if (shownScan.current === scan.scanId) return; // the same scan, by POST and by socket
      shownScan.current = scan.scanId;
      shownJob.current = scan.print?.jobId;
      setAnswer(scan);
      setPrint(scan.print);
      setScanError(false);
      const admitted = scan.result === 'admitted';
      backToIdleIn(
        scan.print ? ANSWER_MS.printMax : admitted ? ANSWER_MS.admitted : ANSWER_MS.refused,
      );
    },
    [backToIdleIn],
  );

  const onPrint = useCallback(
    (job: PrintJob) => {
      setPrintChanges((n) => n + 1);
      if (shownJob.current !== job.jobId) return;
      setPrint(job);
      if (job.state === 'printed') backToIdleIn(ANSWER_MS.afterPrint);
      if (job.state === 'failed') backToIdleIn(ANSWER_MS.refused);
    },
    [backToIdleIn],
  );

  const feed = useAgentEvents({ onScan: show, onPrint });

  useEffect(() => {
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      agent.station().then(
        (info) => {
          // Before the screens render with it: they read the words of the language chosen.
          speak(info.language);
          setStation(info);
        },
        () => (retry = setTimeout(load, 1000)),
      );
    load();
    return () => clearTimeout(retry);
  }, []);

  const scan = useCallback(
    (code: string) => {
      agent.scan(code).then(show, () => {
        setScanError(true);
        backToIdleIn(ANSWER_MS.refused);
      });
    },
    [show, backToIdleIn],
  );

  const selfService = mode.kind === 'self';
  const printer = feed.status?.printer;
  let screen;
  if (mode.kind === 'pin') {
    screen = (
      <PinDialog
        onUnlock={(session) => {
          setAnswer(null); // staff see scans made from now on, not the last visitor's
          setMode({ kind: 'staff', session });
        }}
        onCancel={() => setMode({ kind: 'self' })}
      />
    );
  } else if (mode.kind === 'staff') {
    screen = (
      <StaffScreen
        session={mode.session}
        scan={answer}
        printChanges={printChanges}
        printing={station?.printing ?? false}
        onClose={() => {
          void agent.lockStaff(mode.session).catch(() => undefined);
          setAnswer(null); // a scan shown in staff mode is not shown again to the next visitor
          setMode({ kind: 'self' });
        }}
        onSessionEnd={() => setMode({ kind: 'pin' })}
      />
    );
  } else if (answer) {
    screen = <AnswerScreen key={answer.scanId} answer={answer} {...(print && { print })} />;
  } else if (scanError) {
    screen = (
      <main className="screen answer refused" role="alert">
        <h1>{strings.answer.scanFailed}</h1>
      </main>
    );
  } else if (printer && printer.ready === false) {
    screen = <PrinterAttention printer={printer} />;
  } else {
    screen = <IdleScreen station={station} camera={camera} />;
  }

  return (
    <div className="kiosk">
      {screen}
      <ScannerInput onScan={scan} active={selfService} />
      {selfService && feed.status && !feed.status.scanners?.devices.length && (
        <CameraScanner onScan={scan} onState={setCamera} />
      )}
      {selfService && station?.staffMode && (
        <button
          type="button"
          className="staff-button"
          aria-label={strings.staff.openLabel}
          onClick={() => setMode({ kind: 'pin' })}
        >
          {strings.staff.open}
        </button>
      )}
      <StatusBar feed={feed} keyboardScans={selfService} camera={camera && selfService} />
    </div>
  );
}
