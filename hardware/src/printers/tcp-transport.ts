import { connect, type Socket } from 'node:net';
import { asHardwareError, HardwareError } from '../errors.js';

export interface TcpOptions {
  timeoutMs?: number;
}

function open(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new HardwareError(
          'printer_timeout',
          `no connection to ${host}:${port} within ${timeoutMs} ms`,
        ),
      );
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(asHardwareError(err, 'printer_unreachable', `cannot connect to ${host}:${port}`));
    });
  });
}

/** Sends a job to a raw (JetDirect, port 9100) printer and waits until it has all of it. */
export async function sendTcp(
  host: string,
  port: number,
  data: Uint8Array,
  options: TcpOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const socket = await open(host, port, timeoutMs);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new HardwareError(
          'printer_timeout',
          `${host}:${port} did not take the job within ${timeoutMs} ms`,
        ),
      );
    }, timeoutMs);
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(asHardwareError(err, 'printer_unreachable', `sending to ${host}:${port}`));
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    // Printers do not answer a job; closing our side and waiting for theirs means all bytes left.
    socket.on('data', () => undefined);
    socket.end(data);
  });
}

/** Sends a query (e.g. `~HS`) and collects the answer until `complete` says it is whole. */
export async function queryTcp(
  host: string,
  port: number,
  request: string,
  complete: (answer: string) => boolean,
  options: TcpOptions = {},
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const socket = await open(host, port, timeoutMs);
  return new Promise<string>((resolve, reject) => {
    let answer = '';
    const finish = (err?: HardwareError) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(answer);
    };
    const timer = setTimeout(
      () =>
        finish(
          new HardwareError(
            'printer_timeout',
            `${host}:${port} did not answer ${JSON.stringify(request)} within ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    );
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (complete(answer)) finish();
    });
    socket.once('error', (err) =>
      finish(asHardwareError(err, 'printer_unreachable', `querying ${host}:${port}`)),
    );
    socket.once('close', () =>
      finish(
        complete(answer)
          ? undefined
          : new HardwareError(
              'printer_status_unavailable',
              `${host}:${port} closed the connection before answering`,
            ),
      ),
    );
    socket.write(request);
  });
}
