import type { ConnectivityTracker } from '@lanyard/core/browser';

/** The server refused this phone's credential: the enrollment was revoked or reset. */
export class DeviceRefused extends Error {
  constructor(readonly code: string) {
    super(`the server refused this phone (${code})`);
  }
}

/** Whether the server answers, as last seen by any request; listeners hear every change. */
export class Connectivity implements ConnectivityTracker {
  private state: boolean | undefined;
  private readonly listeners = new Set<() => void>();

  get current() {
    return { online: this.state };
  }

  answered(): void {
    this.set(true);
  }

  failed(error: unknown): void {
    // A slow answer or a 5xx says nothing about the network; only an unreachable server does.
    const unreachable = error instanceof TypeError || error instanceof DeviceRefused;
    this.set(unreachable || !navigator.onLine ? false : (this.state ?? true));
  }

  /** The browser lost its network: no request can succeed until it is back. */
  lost(): void {
    this.set(false);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(online: boolean): void {
    if (online === this.state) return;
    this.state = online;
    for (const listener of this.listeners) listener();
  }
}
