import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyRoute } from '../http/route.js';

/**
 * Work the server has accepted and not finished: every open request, and every route handler
 * until it returns. Both count, because a client that gives up (a kiosk falling back offline
 * after 0.8 s) closes its socket while the handler is still writing to the database; shutdown
 * must not close the pool under it.
 */
export class InFlight {
  private readonly running = new Set<Promise<void>>();

  get size(): number {
    return this.running.size;
  }

  /** Counts `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled: Promise<void> = work.then(
      () => this.finish(settled),
      () => this.finish(settled),
    );
    this.running.add(settled);
    return work;
  }

  /** Counts a request until its response is finished or its connection is gone. */
  trackRequest(_req: IncomingMessage, res: ServerResponse): void {
    this.track(new Promise<void>((resolve) => res.once('close', resolve)));
  }

  /** The same route, its handler counted while it runs. */
  trackRoute(route: AnyRoute): AnyRoute {
    return { ...route, handler: (input) => this.track(route.handler(input)) };
  }

  /** Resolves once nothing runs, including work that started while waiting. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  private finish(p: Promise<void>): void {
    this.running.delete(p);
  }
}
