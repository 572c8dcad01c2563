// CPU seconds spent by a process and by PostgreSQL's backends for one database, read from /proc.
// On a machine shared with other work, CPU per request is steadier than requests per second, so
// benches print both.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** utime + stime of one process, in seconds; 0 once it is gone. */
export function cpuSecondsOf(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which may itself hold spaces and parentheses.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * CPU of the live PostgreSQL backends connected to `database` (their title names it). A pool
 * keeps its connections open for a whole round, so read it before and after the round.
 */
export function backendCpuSeconds(database: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let title: string;
    try {
      title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (title.startsWith('postgres: ') && title.split(' ').includes(database)) {
      total += cpuSecondsOf(pid);
    }
  }
  return total;
}
