/**
 * Pure parsers for the text of `lp` and `lpstat`, the CUPS command-line tools. We run them with
 * LC_ALL=C so the words are the English ones below.
 */
export type CupsJobState = 'pending' | 'printing' | 'completed' | 'gone';

/** `lp` prints "request id is QUEUE-42 (1 file(s))". */
export function parseLpJobId(output: string): string | undefined {
  return /request id is (\S+)/.exec(output)?.[1];
}

/** Job ids listed by `lpstat -o QUEUE` (one job per line, id first). */
export function listedJobIds(output: string): string[] {
  return output
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter((id) => id !== '');
}

export interface CupsPrinterState {
  state: 'idle' | 'printing' | 'disabled' | 'unknown';
  /** Reason lines CUPS gives for a stopped queue, e.g. "Paused" or a backend message. */
  reasons: string[];
}

/** `lpstat -p QUEUE`: "printer Q is idle.  enabled since …" / "printer Q now printing Q-3." / "printer Q disabled since …" + indented reasons. */
export function parsePrinterState(output: string): CupsPrinterState {
  const lines = output.split('\n');
  const head = lines[0] ?? '';
  const reasons = lines
    .slice(1)
    .map((l) => l.trim())
    .filter(
      (l) =>
        l !== '' &&
        !/^(Description|Alerts|Location|Connection|Interface|On fault|After fault|Users allowed|Forms allowed|Banner required|Charset sets|Default pitch|Default page size|Default port settings)[:]/.test(
          l,
        ),
    );
  let state: CupsPrinterState['state'] = 'unknown';
  if (/\bdisabled\b/.test(head)) state = 'disabled';
  else if (/\bnow printing\b/.test(head)) state = 'printing';
  else if (/\bis idle\b/.test(head)) state = 'idle';
  return { state, reasons };
}
