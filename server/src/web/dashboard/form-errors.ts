import { useState } from 'react';
import { ApiError } from '../api.js';
import type { SummaryItem } from '../components/error-summary.js';

/**
 * A form's problems: the server's `errors` by field (labelled for the summary), or its detail when
 * no field is named. `round` counts submits, so the summary takes focus again each time.
 */
export function useFormErrors(labels: Record<string, string>) {
  const [items, setItems] = useState<SummaryItem[]>([]);
  const [round, setRound] = useState(0);
  return {
    items,
    round,
    of: (field: string) => items.find((i) => i.field === field)?.message,
    clear: () => setItems([]),
    show(err: unknown) {
      setRound((n) => n + 1);
      const problem =
        err instanceof ApiError
          ? err.problem
          : { detail: String(err), errors: undefined, status: 0, code: 'unexpected' };
      const fields = (problem.errors ?? []).filter((e) => labels[e.field]);
      setItems(
        fields.length
          ? fields.map((e) => ({ field: e.field, label: labels[e.field]!, message: e.message }))
          : [{ field: Object.keys(labels)[0]!, label: 'Problem', message: problem.detail }],
      );
    },
  };
}
