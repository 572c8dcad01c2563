import type { Change, Plan } from './plan.js';

const SIGN = { create: '+', update: '~', delete: '-', unchanged: '=' } as const;

const show = (v: unknown) =>
  v === null || v === undefined
    ? 'none'
    : Array.isArray(v)
      ? `[${v.join(', ')}]`
      : JSON.stringify(v);

function line(c: Change): string {
  const head = `${SIGN[c.action]} ${c.kind} "${c.name}"`;
  if (c.action === 'update')
    return `${head}: ${c.diffs.map((d) => `${d.field} ${show(d.from)} → ${show(d.to)}`).join(', ')}`;
  if (c.action === 'delete' && c.inUse) return `${head} (${c.inUse})`;
  return head;
}

/** The plan as a diff for people: one line per change, unchanged objects summed up. */
export function renderPlan(plan: Plan): string[] {
  const changed = plan.changes.filter((c) => c.action !== 'unchanged');
  const unchanged = plan.changes.length - changed.length;
  if (changed.length === 0) return [`No changes: ${unchanged} objects already match the file.`];
  return [...changed.map(line), ...(unchanged ? [`= ${unchanged} unchanged`] : [])];
}
