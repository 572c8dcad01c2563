import type { Connectivity } from '../sync/connectivity.js';
import type { CheckInDecider, ScanAnswer, ScanRequest } from './decider.js';

/** Default wait for the server before the kiosk decides on its own. */
export const DEFAULT_ONLINE_TIMEOUT_MS = 800;

/**
 * Online first, offline when the server is slow or gone. While the kiosk is known offline it
 * decides from the cache at once instead of waiting out the timeout on every scan; the first
 * answer the server gives (to a scan or to the sync loop) puts it back online. The fallback keeps
 * the scanId, so if the server did record the timed-out request, the upload is a replay.
 */
export class OnlineFirstDecider implements CheckInDecider {
  constructor(
    private readonly online: CheckInDecider,
    private readonly offline: CheckInDecider,
    private readonly connectivity: Connectivity,
    private readonly timeoutMs = DEFAULT_ONLINE_TIMEOUT_MS,
  ) {}

  async decide(request: ScanRequest, signal?: AbortSignal): Promise<ScanAnswer> {
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
