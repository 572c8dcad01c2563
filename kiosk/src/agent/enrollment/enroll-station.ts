import { openCache } from '../cache/handles.js';
import { readDevice, writeDevice, type DeviceRecord } from '../cache/device-store.js';
import { readState, writeState } from '../cache/state-store.js';
import { AgentError } from '../errors.js';
import { enrollmentCodeFingerprint, readEnrollmentInput } from './enrollment-code.js';
import { redeemEnrollmentCode } from './redeem.js';

export interface StationSetup {
  /** The agent's data directory; it keeps the credential across restarts. */
  dataDir: string;
  /** The server; may be left out when the enrollment is a URI naming it, or on a restart. */
  serverUrl?: string;
  /** An enrollment code or `lanyard://enroll?...` URI; left out on a restart. */
  enroll?: string;
  fetch?: typeof fetch;
}

/** Who this station is, ready for createAgent; `enrolledNow` when a code was redeemed just now. */
export interface EnrolledStation extends DeviceRecord {
  enrolledNow: boolean;
}

/**
 * Gives the station its identity: redeems the enrollment code once and stores the credential in
 * the cache (0600) before anything else can fail, or reads the stored one on a restart. The same
 * code again (a service restarted with the same command line) reuses the stored credential; a
 * different code for an enrolled data directory is refused rather than mixing two devices' scans.
 */
export async function enrollStation(setup: StationSetup): Promise<EnrolledStation> {
  const input = setup.enroll === undefined ? undefined : readEnrollmentInput(setup.enroll);
  const serverUrl = setup.serverUrl ?? input?.serverUrl;
  const cache = openCache(setup.dataDir);
  try {
    const stored = readDevice(cache.read);
    const current = (device: DeviceRecord): EnrolledStation => ({
      ...device,
      // A server that moved address is followed; the credential stays.
      serverUrl: serverUrl ?? device.serverUrl,
      enrolledNow: false,
    });
    if (input === undefined) {
      if (!stored) {
        throw new AgentError(
          'not_configured',
          `${setup.dataDir} holds no enrolled device; enroll it with a code from the organizer`,
        );
      }
      return current(stored);
    }
    const fingerprint = enrollmentCodeFingerprint(input.code);
    if (stored) {
      if (readState(cache.read, 'enrollment_code') === fingerprint) return current(stored);
      throw new AgentError(
        'already_enrolled',
        `${setup.dataDir} already holds device ${stored.deviceId} of event ${stored.eventId}; ` +
          'restart it without an enrollment code, or use another data directory',
      );
    }
    if (!serverUrl) {
      throw new AgentError(
        'not_configured',
        'the server URL is needed to redeem the enrollment code',
      );
    }
    const enrollment = await redeemEnrollmentCode(serverUrl, input.code, setup.fetch);
    const device: DeviceRecord = {
      deviceId: enrollment.deviceId,
      eventId: enrollment.eventId,
      serverUrl,
      credentials: enrollment.credentials,
    };
    cache.write.transaction(() => {
      writeDevice(cache.write, device);
      writeState(cache.write, 'enrollment_code', fingerprint);
    })();
    return { ...device, enrolledNow: true };
  } finally {
    cache.close();
  }
}
