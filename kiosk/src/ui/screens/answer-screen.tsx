import { useLayoutEffect, useRef } from 'react';
import type { PrintJob, ScanResult } from '../agent-types.js';
import { answerWords } from '../answer-words.js';
import { strings } from '../strings.js';

function printLine(job: PrintJob): string {
  const p = strings.print;
  if (job.state === 'queued') return job.error ? p.retrying : p.queued;
  return p[job.state];
}

/** The full-screen answer to one scan, then the badge's progress when one prints. */
export function AnswerScreen({ answer, print }: { answer: ScanResult; print?: PrintJob }) {
  const words = answerWords(answer);
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    // When the answer is on screen (after the next paint): read by the latency bench.
    const el = ref.current;
    requestAnimationFrame(() =>
      el?.setAttribute('data-shown-at', String(performance.timeOrigin + performance.now())),
    );
  }, [answer.scanId]);
  return (
    <main
      ref={ref}
      className={`screen answer ${words.tone}`}
      data-scan-id={answer.scanId}
      data-result={answer.result}
      role="alert"
      aria-live="assertive"
    >
      <div className="answer-icon" aria-hidden="true">
        {words.tone === 'admitted' ? '✓' : '✕'}
      </div>
      <h1>{words.title}</h1>
      {words.detail && <p className="detail">{words.detail}</p>}
      {words.note && <p className="note">{words.note}</p>}
      {print && (
        <p className={`print-progress ${print.state}`} data-print-state={print.state}>
          {printLine(print)}
        </p>
      )}
    </main>
  );
}
