import { EventEmitter } from 'node:events';
import { AgentError, TransportError } from '../errors.js';

/** Whether the server answers this kiosk, as last seen by any request. */
export interface ConnectivityState {
  /** undefined until the first request finishes. */
  online: boolean | undefined;
  /** The code of the last failure, cleared by the next success. */
  lastError: string | undefined;
}

/**
 * Shared by the online decider and the sync loop: one success anywhere puts the kiosk back
 * online at once; an unreachable server or a refused credential puts it offline.
 */
export class Connectivity extends EventEmitter<{ change: [ConnectivityState] }> {
  private state: ConnectivityState = { online: undefined, lastError: undefined };

  get current(): ConnectivityState {
    return { ...this.state };
  }

  answered(): void {
    this.set({ online: true, lastError: undefined });
  }

  failed(error: unknown): void {
    // The server's own reason when it gave one (`device_revoked`), else the agent's code.
    const code =
      error instanceof TransportError && error.serverCode
        ? error.serverCode
        : error instanceof AgentError
          ? error.code
          : 'internal';
    const offline =
      !(error instanceof TransportError) || error.unreachable || error.code === 'unauthorized';
    this.set({ online: offline ? false : (this.state.online ?? true), lastError: code });
  }

  private set(next: ConnectivityState): void {
    const changed = next.online !== this.state.online || next.lastError !== this.state.lastError;
    this.state = next;
    if (changed) this.emit('change', this.current);
  }
}
