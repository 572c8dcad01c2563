/** Default wait for the server before a device decides on its own. */
export const DEFAULT_ONLINE_TIMEOUT_MS = 800;

/** Decides one request, possibly by asking the server (which may be given up on). */
export interface ScanDecider<Request, Answer> {
  decide(request: Request, signal?: AbortSignal): Promise<Answer>;
}

/** Whether the server answers this device, as last seen by any request. */
export interface ConnectivityTracker {
  readonly current: { online: boolean | undefined };
  answered(): void;
  failed(error: unknown): void;
}

/**
 * Online first, offline when the server is slow or gone. While the device is known offline it
 * decides from its cache at once instead of waiting out the timeout on every scan; the first
 * answer the server gives (to a scan or to the sync loop) puts it back online. The fallback keeps
 * the request (and so its scanId), so if the server did record the timed-out request, the upload
 * is a replay. Shared by the kiosk agent and the phone app.
 */
export class OnlineFirstDecider<Request, Answer> implements ScanDecider<Request, Answer> {
  constructor(
    private readonly online: ScanDecider<Request, Answer>,
    private readonly offline: ScanDecider<Request, Answer>,
    private readonly connectivity: ConnectivityTracker,
    private readonly timeoutMs = DEFAULT_ONLINE_TIMEOUT_MS,
  ) {}

  async decide(request: Request, signal?: AbortSignal): Promise<Answer> {
    if (this.connectivity.current.online !== false) {
      const deadline = AbortSignal.timeout(this.timeoutMs);
      try {
        const answer = await this.online.decide(
          request,
          signal ? AbortSignal.any([signal, deadline]) : deadline,
        );
        this.connectivity.answered();
        return answer;
      } catch (error) {
        this.connectivity.failed(error);
      }
    }
    return this.offline.decide(request);
  }
}
