import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_PROFILE_FILE, eventProfile } from './event-profile.js';

const EVENT = 'ev-1';

describe('the event profile a kiosk keeps', () => {
  let server: Server;
  let serverUrl: string;
  let dataDir: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url !== `/api/v1/public/events/${EVENT}`) return void res.writeHead(404).end();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ name: 'DevConf 2027', languages: ['de', 'en'] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lanyard-event-profile-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  // A port nothing listens on: the venue network is down.
  const offline = 'http://127.0.0.1:9';

  it('learns the name and default language from the server and keeps them for a start without the network', async () => {
    const online = eventProfile(serverUrl, EVENT, dataDir, fetch);
    expect(online.current).toEqual({ name: null, language: null });
    await online.refresh();
    expect(online.current).toEqual({ name: 'DevConf 2027', language: 'de' });
    expect(JSON.parse(readFileSync(join(dataDir, EVENT_PROFILE_FILE), 'utf8'))).toEqual({
      name: 'DevConf 2027',
      language: 'de',
    });

    const later = eventProfile(offline, EVENT, dataDir, fetch);
    await later.refresh(500);
    expect(later.current).toEqual({ name: 'DevConf 2027', language: 'de' });
  });

  it('keeps what it had when the server answers with an error', async () => {
    writeFileSync(join(dataDir, EVENT_PROFILE_FILE), '{"name":"Kept","language":"en"}');
    const p = eventProfile(serverUrl, 'no-such-event', dataDir, fetch);
    await p.refresh();
    expect(p.current).toEqual({ name: 'Kept', language: 'en' });
  });

  it('reads the name a former version kept, and takes a torn file for nothing kept', () => {
    writeFileSync(join(dataDir, 'event-name.txt'), 'Old Conf');
    expect(eventProfile(offline, EVENT, dataDir, fetch).current).toEqual({
      name: 'Old Conf',
      language: null,
    });
    writeFileSync(join(dataDir, EVENT_PROFILE_FILE), '{"name":"Tor');
    expect(eventProfile(offline, EVENT, dataDir, fetch).current.language).toBeNull();
  });
});
