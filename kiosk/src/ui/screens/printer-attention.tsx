import type { PrinterState } from '../agent-types.js';
import { strings } from '../strings.js';

/** Shown instead of the idle screen while the printer reports a problem. */
export function PrinterAttention({ printer }: { printer: PrinterState }) {
  const s = strings.printerAttention;
  const fixes = printer.problems.map((p) => s.fixes[p]).filter((f): f is string => !!f);
  const steps = fixes.length > 0 ? [...new Set(fixes)] : s.steps;
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
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="note">{s.stillAdmitting}</p>
    </main>
  );
}
