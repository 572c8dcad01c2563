import type { CheckinStats } from '../client/types.js';

// Check-in progress as a person reads it at the door: totals first, then each list, then gates.
// Admitted counts a ticket once it has entered; inside drops it again at an exit.

const pct = (n: number, of: number) =>
  of === 0 ? '  -' : `${Math.floor((n * 100) / of)}%`.padStart(4);

export function renderCheckinStats(s: CheckinStats): string[] {
  const lines = [
    `Checked in ${s.admitted} of ${s.total} ${pct(s.admitted, s.total)}, inside now ${s.inside}  (at ${s.at})`,
  ];
  if (s.lists.length > 0) {
    lines.push('', 'By list:');
    const width = Math.max(...s.lists.map((l) => l.name.length));
    for (const l of s.lists)
      lines.push(
        `  ${l.name.padEnd(width)}  ${l.admitted} of ${l.total} ${pct(l.admitted, l.total)}, ${l.inside} inside`,
      );
  }
  if (s.gates.length > 0) {
    lines.push('', 'By gate:');
    const names = s.gates.map((g) => g.gate ?? '(no gate)');
    const width = Math.max(...names.map((n) => n.length));
    s.gates.forEach((g, i) => {
      const list = g.listName ?? 'a deleted list';
      const exits = g.exits === 1 ? '1 exit' : `${g.exits} exits`;
      lines.push(`  ${names[i]!.padEnd(width)}  ${g.admitted} admitted, ${exits}  (${list})`);
    });
  }
  return lines;
}
