import type { Badge } from '../lib/agenda.js';

/** "Sat 09:00, Hall A": where a moved session was, in the event's time zone. */
function placeText(p: { startsAt: string; room: string | null }, timeZone: string): string {
  const when = new Intl.DateTimeFormat(undefined, {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(p.startsAt));
  return p.room ? `${when}, ${p.room}` : when;
}

function text(b: Badge, timeZone: string): string {
  switch (b.kind) {
    case 'new':
      return 'New';
    case 'cancelled':
      return 'Cancelled';
    case 'moved':
      return `Moved from ${placeText(b.from, timeZone)}`;
    case 'changed':
      return `Changed: ${b.what}`;
  }
}

/** What changed since the attendee last looked, and a cancelled session's state. */
export function AgendaBadges({
  badges,
  cancelled,
  timeZone,
}: {
  badges: Badge[];
  cancelled: boolean;
  timeZone: string;
}) {
  const shown =
    cancelled && !badges.some((b) => b.kind === 'cancelled')
      ? [{ kind: 'cancelled' } as Badge, ...badges]
      : badges;
  if (shown.length === 0) return null;
  return (
    <ul className="agenda-badges" aria-label="Changes">
      {shown.map((b, i) => (
        <li key={i} className={`agenda-badge agenda-badge-${b.kind}`}>
          {text(b, timeZone)}
        </li>
      ))}
    </ul>
  );
}

/** The star: a session in or out of "my agenda". */
export function StarButton({
  title,
  on,
  busy,
  onToggle,
}: {
  title: string;
  on: boolean;
  busy: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      className={`star${on ? ' star-on' : ''}`}
      aria-pressed={on}
      aria-label={`Star “${title}” (my agenda)`}
      disabled={busy}
      onClick={onToggle}
    >
      <span aria-hidden="true">{on ? '★' : '☆'}</span>
    </button>
  );
}
