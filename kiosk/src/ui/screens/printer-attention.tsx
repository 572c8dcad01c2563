import type { PrinterState } from '../agent-types.js';
import { strings } from '../strings.js';

/** Shown instead of the idle screen while the printer reports a problem. */
export function PrinterAttention({ printer }: { printer: PrinterState }) {
  const s = strings.printerAttention;
  return (
    <main className="screen attention" aria-labelledby="attention-heading">
      <h1 id="attention-heading">{s.heading}</h1>
      <p>{s.problems}</p>
      <ul className="problems">
        {printer.problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <ol className="steps">
        {s.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="note">{s.stillAdmitting}</p>
    </main>
  );
}
