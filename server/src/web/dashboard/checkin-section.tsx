import { CheckinFlags } from './checkin-flags.js';
import { CheckinLists } from './checkin-lists.js';
import { CheckinMonitor } from './checkin-monitor.js';
import type { SectionProps } from './sections.js';

/**
 * Check-in: live progress at the doors, then tickets offline kiosks let in twice, then the
 * check-in lists that decide who gets in.
 */
export function CheckinSection({ event, base }: SectionProps) {
  return (
    <>
      <CheckinMonitor base={base} />
      <CheckinFlags base={base} timeZone={event.timezone} />
      <CheckinLists base={base} timeZone={event.timezone} />
    </>
  );
}
