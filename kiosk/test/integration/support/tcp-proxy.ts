import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of the real server, standing for the venue network: `cut()` drops every
 * connection and refuses new ones (the kiosks lose the server, the organizer does not), `mend()`
 * lets them through again on the same port. `onResponse` may swallow a response to a request
 * whose head matches, to crash a client between the server's commit and its answer.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;
  /** Called with the request head when a matching request's response starts; true drops it. */
  intercept: { match: RegExp; onResponse: () => boolean } | undefined;

  constructor(private readonly target: { host: string; port: number }) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await this.mend();
    return this;
  }

  async mend(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => this.pipe(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    this.sockets.add(client).add(upstream);
    let matched = false;
    client.on('data', (chunk: Buffer) => {
      if (this.intercept?.match.test(chunk.toString('latin1'))) matched = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (matched && this.intercept?.onResponse()) {
        client.destroy();
        upstream.destroy();
        return;
      }
      matched = false;
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  }
}
