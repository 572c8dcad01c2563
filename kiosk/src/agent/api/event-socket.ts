import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/** Messages pushed to the UI over `/api/events`. */
export type UiEvent =
  | { type: 'scan'; scan: unknown }
  | { type: 'status'; status: unknown }
  | { type: 'print'; print: unknown };

/**
 * The WebSocket at `/api/events`: every connected screen gets each scan result and status
 * change. Only pages served from this machine may connect (a web page elsewhere cannot watch
 * the door).
 */
export class EventSocket {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });

  constructor(
    server: Server,
    isAllowed: (req: IncomingMessage) => boolean,
    greeting: () => UiEvent,
  ) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (req.url ?? '').split('?')[0];
      if (path !== '/api/events' || !isAllowed(req)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
        // The UI only listens; anything it sends is ignored.
        ws.on('error', () => ws.terminate());
        ws.send(JSON.stringify(greeting()));
      });
    });
  }

  broadcast(event: UiEvent): void {
    const text = JSON.stringify(event);
    for (const client of this.wss.clients) if (client.readyState === client.OPEN) client.send(text);
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
