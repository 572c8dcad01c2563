import { SerialPort } from 'serialport';
import { asHardwareError, HardwareError } from '../errors.js';

async function openPort(path: string, baudRate: number): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) =>
    port.open((err) => (err ? reject(err) : resolve())),
  ).catch((err: unknown) => {
    throw asHardwareError(err, 'printer_unreachable', `cannot open ${path}`);
  });
  return port;
}

function closePort(port: SerialPort): Promise<void> {
  return new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
}

/** Writes a job to a printer on a serial line and waits until the OS has sent it. */
export async function sendSerial(path: string, baudRate: number, data: Uint8Array): Promise<void> {
  const port = await openPort(path, baudRate);
  try {
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(data), (err) =>
        err ? reject(err) : port.drain((e) => (e ? reject(e) : resolve())),
      );
    });
  } catch (err) {
    throw asHardwareError(err, 'device_io_failed', `writing to ${path}`);
  } finally {
    await closePort(port);
  }
}

/** Sends a query over a serial line and collects the answer until `complete` says it is whole. */
export async function querySerial(
  path: string,
  baudRate: number,
  request: string,
  complete: (answer: string) => boolean,
  timeoutMs = 5_000,
): Promise<string> {
  const port = await openPort(path, baudRate);
  try {
    return await new Promise<string>((resolve, reject) => {
      let answer = '';
      const timer = setTimeout(
        () =>
          reject(
            new HardwareError(
              'printer_timeout',
              `${path} did not answer ${JSON.stringify(request)} within ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
      port.on('data', (chunk: Buffer) => {
        answer += chunk.toString('latin1');
        if (complete(answer)) {
          clearTimeout(timer);
          resolve(answer);
        }
      });
      port.write(request);
    });
  } finally {
    await closePort(port);
  }
}
