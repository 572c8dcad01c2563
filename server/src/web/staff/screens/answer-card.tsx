import { useEffect, useLayoutEffect, useRef } from 'react';
import { answerWords, type ScanAnswer } from '../lib/answer.js';
import { signal } from '../lib/feedback.js';
import { clockTime } from './status-bar.js';

const SHOWN_MS = 3500;

/**
 * The answer, full screen in one colour, with words large enough for arm's length in sunlight.
 * `startedAt` (performance.now() when the code was read) lets the card record, in data-ms, how
 * long the answer took to reach the screen.
 */
export function AnswerCard(props: { answer: ScanAnswer; startedAt: number; onClose(): void }) {
  const { answer, onClose } = props;
  const words = answerWords(answer);
  const card = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    requestAnimationFrame(() => {
      if (card.current) card.current.dataset.ms = String(performance.now() - props.startedAt);
    });
    signal(words.tone);
  }, [answer.scanId]);
  useEffect(() => {
    const timer = setTimeout(onClose, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [answer.scanId, onClose]);
  return (
    <div
      ref={card}
      className={`answer ${words.tone}`}
      role="alert"
      data-testid="answer"
      data-result={answer.result}
      data-scan-id={answer.scanId}
      onClick={onClose}
    >
      <p className="answer-title">{words.title}</p>
      {answer.name && <p className="answer-name">{answer.name}</p>}
      {answer.typeName && <p className="answer-type">{answer.typeName}</p>}
      <p className="answer-reason">{words.detail}</p>
      {answer.previousAt && (
        <p className="answer-extra">
          In at {clockTime(Date.parse(answer.previousAt))}
          {answer.previousGate ? `, ${answer.previousGate}` : ''}
        </p>
      )}
      <p className="answer-source">{answer.offline ? 'Decided offline' : 'Decided online'}</p>
    </div>
  );
}
