// A kiosk agent in its own process, for crash tests: runs one sync round against the given server
// and prints its status as one JSON line. Run: node --import tsx sync-child.ts DIR URL EVENT TOKEN
import { createAgent } from '../../src/agent/index.js';

const [dataDir, serverUrl, eventId, accessToken] = process.argv.slice(2);
const agent = createAgent({
  dataDir: dataDir!,
  serverUrl: serverUrl!,
  eventId: eventId!,
  credentials: { kind: 'token', accessToken: accessToken! },
});
await agent.syncNow();
process.stdout.write(`${JSON.stringify(agent.status())}\n`);
await agent.stop();
