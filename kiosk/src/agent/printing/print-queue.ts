import type { PrintJob } from './print-job.js';

export interface PrintQueueOptions {
  /** Sends one job to the printer; resolves with the printer's job id when it has one. */
  send(job: PrintJob): Promise<{ printerJobId?: string }>;
  /** Every state change of every job, in order (the log and the screens follow it). */
  onChange(job: PrintJob): void;
  /** Tries per job before it is `failed` (default 5). */
  maxAttempts?: number;
  /** Wait before retry n is `retryBaseMs * 2^(n-1)`, capped at `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  now?: () => Date;
}

/**
 * Badges print one at a time, in order. A failed send is retried with a growing pause (a
 * printer out of paper comes back once refilled); after `maxAttempts` the job is `failed` and
 * the next one gets its turn, so one bad job never blocks the line.
 */
export class PrintQueue {
  private readonly waiting: PrintJob[] = [];
  private running: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private readonly now: () => Date;

  constructor(private readonly options: PrintQueueOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get pending(): number {
    return this.waiting.length;
  }

  add(job: PrintJob): void {
    if (this.stopped) return;
    this.waiting.push({ ...job });
    this.running ??= this.drain().finally(() => (this.running = undefined));
  }

  /** Resolves when every queued job is printed or failed. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops after the job in hand; what is still waiting stays `queued` in the log. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  private change(job: PrintJob, patch: Partial<PrintJob>): void {
    Object.assign(job, patch, { updatedAt: this.now().toISOString() });
    this.options.onChange({ ...job });
  }

  private async drain(): Promise<void> {
    await Promise.resolve(); // The caller publishes `queued` before the first attempt starts.
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let job = this.waiting.shift(); job && !this.stopped; job = this.waiting.shift()) {
      while (!this.stopped) {
        this.change(job, { state: 'printing', attempts: job.attempts + 1 });
        try {
          const { printerJobId } = await this.options.send(job);
          this.change(job, {
            state: 'printed',
            ...(printerJobId !== undefined && { printerJobId }),
            error: undefined,
          });
          break;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (job.attempts >= maxAttempts) {
            this.change(job, { state: 'failed', error: message });
            break;
          }
          this.change(job, { state: 'queued', error: message });
          await this.pause(job.attempts);
        }
      }
    }
  }

  private pause(attempt: number): Promise<void> {
    const base = this.options.retryBaseMs ?? 1000;
    const ms = Math.min(base * 2 ** (attempt - 1), this.options.retryMaxMs ?? 30_000);
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
