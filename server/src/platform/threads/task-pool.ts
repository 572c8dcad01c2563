import { Piscina } from 'piscina';
import { threadEntry } from './thread-entry.js';

// CPU-heavy work (rendering mails with their PDF tickets) off the event loop, which serves
// sales, check-ins and webhooks: a Piscina pool of worker threads, each loading a task module.

export interface TaskPool<In, Out> {
  run(input: In): Promise<Out>;
  /** Waits for the tasks under way, then ends the threads. */
  close(): Promise<void>;
}

/**
 * A pool of `threads` threads running the default export of `module` (a URL next to the caller,
 * without its extension: `.js` when built, `.ts` from sources). Threads start with the pool and
 * stay, so the first task does not wait for a thread to load its code.
 */
export function taskPool<In, Out>(module: URL, threads: number): TaskPool<In, Out> {
  const { filename, workerData } = threadEntry(module);
  const pool = new Piscina<In, Out>({
    filename: filename.href,
    workerData,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  return {
    run: (input) => pool.run(input),
    close: () => pool.close(),
  };
}
