import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BadgeData, PrintJob } from './print-job.js';

/** The log's file name inside the agent's data directory. */
export const PRINT_LOG_FILE = 'prints.jsonl';

type Entry = { type: 'job'; job: PrintJob } | { type: 'badge'; badge: BadgeData };

/**
 * Every print, append-only, one JSON line per state change, so what was printed (and each
 * reprint's reason) survives restarts and can be audited with `grep`. It also remembers the
 * badge data of each ticket admitted here: a reprint needs the token, which the cache lacks.
 */
export class PrintLog {
  private readonly jobs = new Map<string, PrintJob>();
  private readonly badges = new Map<string, BadgeData>();
  /** ticketId → the jobId of its automatic print. */
  private readonly admitJobs = new Map<string, string>();
  private readonly file: string | undefined;

  /** `dataDir` undefined keeps the log in memory only. */
  constructor(dataDir?: string) {
    this.file = dataDir === undefined ? undefined : join(dataDir, PRINT_LOG_FILE);
    if (this.file && existsSync(this.file)) this.load(readFileSync(this.file, 'utf8'));
  }

  private load(text: string): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let entry: Entry;
      try {
        entry = JSON.parse(line) as Entry;
      } catch {
        continue; // A line cut by a power loss: the rest of the log still counts.
      }
      if (entry.type === 'job') this.keep(entry.job);
      else if (entry.type === 'badge') this.badges.set(entry.badge.ticketId, entry.badge);
    }
  }

  private append(entry: Entry): void {
    if (this.file) appendFileSync(this.file, JSON.stringify(entry) + '\n');
  }

  private keep(job: PrintJob): void {
    this.jobs.set(job.jobId, job);
    if (job.kind === 'admit') this.admitJobs.set(job.ticketId, job.jobId);
  }

  record(job: PrintJob): void {
    this.keep({ ...job });
    this.append({ type: 'job', job });
  }

  rememberBadge(badge: BadgeData): void {
    const known = this.badges.get(badge.ticketId);
    if (known && known.name === badge.name && known.token === badge.token) return;
    this.badges.set(badge.ticketId, badge);
    this.append({ type: 'badge', badge });
  }

  badgeOf(ticketId: string): BadgeData | undefined {
    return this.badges.get(ticketId);
  }

  /** The automatic (on admit) job of a ticket, if one was ever made. */
  admitJobOf(ticketId: string): PrintJob | undefined {
    const jobId = this.admitJobs.get(ticketId);
    return jobId === undefined ? undefined : this.jobs.get(jobId);
  }

  /** Jobs a previous run left waiting (`queued`) or in hand (`printing`), oldest first. */
  unfinished(): PrintJob[] {
    return [...this.jobs.values()].filter((j) => j.state === 'queued' || j.state === 'printing');
  }

  /** Most recent first. */
  recent(limit: number): PrintJob[] {
    return [...this.jobs.values()].reverse().slice(0, limit);
  }
}
