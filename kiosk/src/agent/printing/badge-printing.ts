import { randomUUID } from 'node:crypto';
import {
  openPrinter,
  standardBadgeLayout,
  type BadgePrinter,
  type PrinterStatus,
} from '@lanyard/hardware';
import type { ScanAnswer } from '../decide/decider.js';
import { PrintingError, type BadgeData, type PrintJob, type PrintKind } from './print-job.js';
import { PrintLog } from './print-log.js';
import { PrintQueue } from './print-queue.js';

export interface PrintingOptions {
  /** `tcp://`, `serial://`, `file://` or `cups://` (see docs/hardware.md). */
  printerUri: string;
  /** Print a badge when a ticket is admitted (default true); off: reprints only. */
  printOnAdmit?: boolean;
  /** A line under the name on every badge, or where to get it when a badge is printed. */
  subtitle?: string | (() => string | null);
  /** How often the printer is asked how it is (default 5 s). */
  statusIntervalMs?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
}

/** What the status bar and the printer screen show. */
export interface PrinterState {
  uri: string;
  printOnAdmit: boolean;
  /** null until the printer first answered (or failed to). */
  ready: boolean | null;
  problems: string[];
  checkedAt: string | null;
  /** Jobs waiting, not counting the one printing. */
  queued: number;
  /** The most recent job, for the progress line. */
  lastJob: PrintJob | null;
}

/**
 * Badge printing on admit: renders the standard badge with @lanyard/hardware and prints it
 * through the configured printer, one job at a time with retries. A ticket gets one automatic
 * badge however often it is admitted or scanned; more copies are reprints with a reason.
 */
export class BadgePrinting {
  private readonly printer: BadgePrinter;
  private readonly log: PrintLog;
  private readonly queue: PrintQueue;
  private timer: NodeJS.Timeout | undefined;
  private state: PrinterState;

  constructor(
    private readonly options: PrintingOptions,
    dataDir: string | undefined,
    private readonly onChange: (state: PrinterState, job?: PrintJob) => void = () => undefined,
  ) {
    this.printer = openPrinter(options.printerUri);
    this.log = new PrintLog(dataDir);
    this.state = {
      uri: options.printerUri,
      printOnAdmit: options.printOnAdmit ?? true,
      ready: null,
      problems: [],
      checkedAt: null,
      queued: 0,
      lastJob: this.log.recent(1)[0] ?? null,
    };
    this.queue = new PrintQueue({
      send: (job) => this.send(job),
      onChange: (job) => {
        this.log.record(job);
        this.state = { ...this.state, lastJob: job, queued: this.queue.pending };
        // A job that printed proves the printer ready; a failure prompts a fresh look.
        if (job.state === 'printed') this.state = { ...this.state, ready: true, problems: [] };
        if (job.state === 'failed' || (job.state === 'queued' && job.error)) void this.check();
        this.onChange(this.state, job);
      },
      ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
      ...(options.retryBaseMs !== undefined && { retryBaseMs: options.retryBaseMs }),
    });
  }

  /**
   * Starts watching the printer and resumes what a previous run left: waiting jobs print now; a
   * job that was printing when the agent stopped is marked failed rather than printed twice
   * (staff reprint it if no badge came out).
   */
  start(): void {
    for (const job of this.log.unfinished()) {
      if (job.state === 'queued') {
        this.queue.add(job);
        continue;
      }
      const at = new Date().toISOString();
      this.log.record({
        ...job,
        state: 'failed',
        error: 'interrupted by a restart',
        updatedAt: at,
      });
    }
    void this.check();
    const every = this.options.statusIntervalMs ?? 5000;
    this.timer = setInterval(() => void this.check(), every);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.queue.stop();
  }

  status(): PrinterState {
    return this.state;
  }

  /** Resolves when every queued badge is printed or failed. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  recent(limit: number): PrintJob[] {
    return this.log.recent(limit);
  }

  /**
   * Called with every scan answer and the scanned text. Remembers the badge of a ticket this
   * kiosk saw, and queues its badge on admit unless one was printed (or queued) already.
   */
  observe(answer: ScanAnswer, scanned: string): PrintJob | undefined {
    const ticketId = answer.ticketId;
    const name = answer.attendee?.name;
    if (ticketId === undefined || name === undefined) return undefined;
    const admitted = answer.result === 'admitted' && answer.direction === 'entry';
    if (admitted || answer.result === 'already_checked_in') {
      this.log.rememberBadge({ ticketId, name, token: scanned });
    }
    if (!admitted || !this.state.printOnAdmit) return undefined;
    if (this.log.admitJobOf(ticketId)) return undefined;
    return this.enqueue('admit', { ticketId, name, token: scanned });
  }

  /** A staff reprint: needs a reason, and a ticket this kiosk has seen (for its token). */
  reprint(ticketId: string, reason: string): PrintJob {
    if (reason.trim() === '') {
      throw new PrintingError('reason_required', 'say why the badge is reprinted');
    }
    const badge = this.log.badgeOf(ticketId);
    if (!badge) {
      throw new PrintingError(
        'badge_data_unknown',
        'this kiosk has not scanned that ticket; scan it once to print its badge',
      );
    }
    return this.enqueue('reprint', badge, reason.trim());
  }

  private enqueue(kind: PrintKind, badge: BadgeData, reason?: string): PrintJob {
    const at = new Date().toISOString();
    const job: PrintJob = {
      jobId: randomUUID(),
      kind,
      ticketId: badge.ticketId,
      name: badge.name,
      ...(reason !== undefined && { reason }),
      state: 'queued',
      attempts: 0,
      createdAt: at,
      updatedAt: at,
    };
    this.log.rememberBadge(badge);
    this.log.record(job);
    this.queue.add(job);
    this.state = { ...this.state, lastJob: job, queued: this.queue.pending };
    this.onChange(this.state, job);
    return job;
  }

  private async send(job: PrintJob): Promise<{ printerJobId?: string }> {
    const badge = this.log.badgeOf(job.ticketId);
    if (!badge) throw new PrintingError('badge_data_unknown', `no badge data for ${job.ticketId}`);
    const { subtitle: line } = this.options;
    const subtitle = typeof line === 'function' ? line() : line;
    const layout = standardBadgeLayout({
      name: badge.name,
      qr: badge.token,
      ...(subtitle && { subtitle }),
    });
    const result = await this.printer.print(layout);
    return result.jobId === undefined ? {} : { printerJobId: result.jobId };
  }

  /** Asks the printer how it is; publishes only when the answer changed. */
  private async check(): Promise<void> {
    let status: PrinterStatus;
    try {
      status = await this.printer.status();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      status = { ready: false, problems: [message], source: 'none' };
    }
    status = { ...status, problems: plainProblems(status.problems) };
    const changed =
      status.ready !== this.state.ready ||
      status.problems.join('\n') !== this.state.problems.join('\n');
    this.state = {
      ...this.state,
      ready: status.ready,
      problems: status.problems,
      checkedAt: new Date().toISOString(),
    };
    if (changed) this.onChange(this.state);
  }
}

/**
 * The problems worth showing a person. For a disabled queue CUPS gives the reason on the line
 * after its state, then the queue's description ("Form mounted:", "Banner required", "(none)"),
 * which says nothing about what to fix: the first problem is kept, then lines up to the first
 * description line.
 */
export function plainProblems(problems: readonly string[]): string[] {
  const kept: string[] = [];
  for (const [i, raw] of problems.entries()) {
    const p = raw.trim();
    if (p === '') continue;
    if (i > 0 && (p.includes(':') || /^\(.*\)$/.test(p) || p === 'Banner required')) break;
    kept.push(p);
  }
  return kept;
}
