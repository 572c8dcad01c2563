import {
  caughtUp,
  openVenue,
  startStation,
  until,
  type Station,
  type Venue,
} from './support/venue.js';

// Staff at a kiosk take back a wrong check-in (the volunteer scanned a friend's badge): the
// server annuls it, the ticket gets in again, and an admission decided offline is uploaded first.
describe('undoing a check-in at a kiosk in staff mode [postgres]', () => {
  let venue: Venue;
  let desk: Station;
  let session: string;

  beforeAll(async () => {
    venue = await openVenue(3);
    desk = await startStation(venue, 'desk', { staffPin: '482913' });
    await until('the desk synced', () => caughtUp(desk.api, 0));
    const unlocked = await desk.api.post('/api/staff/session', { pin: '482913' });
    session = ((await unlocked.json()) as { session: string }).session;
  });
  afterAll(async () => {
    await desk?.stop();
    await venue?.close();
  });

  const annul = (scanId: string, staff: string | null = session) =>
    fetch(`${desk.api.url}/api/staff/annul`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(staff !== null && { 'x-staff-session': staff }),
      },
      body: JSON.stringify({ scanId }),
    });
  const codeOf = async (res: Response) => ((await res.json()) as { code: string }).code;

  it('annuls the last admission on the server, and the ticket gets in again', async () => {
    const [ticket] = venue.ev.tickets;
    const first = await desk.api.scan(ticket!.token);
    expect(first).toMatchObject({ result: 'admitted', offline: false });

    const locked = await annul(first.scanId, null);
    expect(locked.status).toBe(401);
    expect(await codeOf(locked)).toBe('staff_session_required');

    const undone = await annul(first.scanId);
    expect(undone.status).toBe(200);
    const { rows } = await venue.t.server.db.query(
      'SELECT 1 FROM checkin_annulments WHERE scan_id = $1',
      [first.scanId],
    );
    expect(rows).toHaveLength(1);
    expect(await desk.api.scan(ticket!.token)).toMatchObject({ result: 'admitted' });
  });

  it('refuses to undo a scan that let nobody in, and says so when the server is away', async () => {
    const refused = await desk.api.scan('not a ticket');
    const res = await annul(refused.scanId);
    expect(res.status).toBe(409);
    expect(await codeOf(res)).toBe('not_an_admission');

    const [, ticket] = venue.ev.tickets;
    await venue.network.cut();
    try {
      const offline = await desk.api.scan(ticket!.token);
      expect(offline).toMatchObject({ result: 'admitted', offline: true });
      const away = await annul(offline.scanId);
      expect(away.status).toBe(503);
      expect(await codeOf(away)).toBe('server_unreachable');
      await venue.network.mend();
      // Not uploaded yet, maybe: the kiosk uploads it first, then the server annuls it.
      expect((await annul(offline.scanId)).status).toBe(200);
      // The kiosk forgot the admission at once: offline again, the ticket still gets in.
      await venue.network.cut();
      expect(await desk.api.scan(ticket!.token)).toMatchObject({
        result: 'admitted',
        offline: true,
      });
    } finally {
      await venue.network.mend();
    }
  });
});
