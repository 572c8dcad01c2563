// Kiosk devices as the dashboard reads them (see docs/api.md, devices).

export interface Device {
  id: string;
  name: string;
  /** pending: waiting for its enrollment code; active: enrolled; revoked: refused. */
  status: 'pending' | 'active' | 'revoked';
  enrollmentExpiresAt: string;
  enrolledAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  /** When it last reached the server (a scan, a sync), to within half a minute; null: never. */
  lastSeenAt: string | null;
}

export interface CreatedDevice extends Device {
  /** Shown once. */
  enrollmentCode: string;
  /** `lanyard://enroll?server=…&code=…`: what a kiosk's camera reads. */
  enrollmentUri: string;
}
