import { HardwareError } from '../errors.js';

/**
 * Where a badge goes, from one URI:
 *   tcp://host[:port]             raw ZPL to a network printer (port 9100 by default)
 *   serial:///dev/ttyUSB0[?baud=N] raw ZPL over a serial line (9600 baud by default)
 *   file:///dev/usb/lp0           raw bytes to a device node or a plain file
 *                                 (ZPL, or PDF with ?format=pdf or a .pdf file name)
 *   cups://QUEUE                  PDF through `lp -d QUEUE`
 */
export type BadgeFormat = 'zpl' | 'pdf';

export type PrinterTarget =
  | { kind: 'tcp'; host: string; port: number; format: 'zpl' }
  | { kind: 'serial'; path: string; baudRate: number; format: 'zpl' }
  | { kind: 'file'; path: string; format: BadgeFormat }
  | { kind: 'cups'; queue: string; format: 'pdf' };

export function parsePrinterUri(uri: string): PrinterTarget {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw invalid(uri, 'not a URI');
  }
  const query = url.searchParams;
  switch (url.protocol) {
    case 'tcp:': {
      if (!url.hostname) throw invalid(uri, 'missing host');
      const port = url.port === '' ? 9100 : Number(url.port);
      return { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port, format: 'zpl' };
    }
    case 'serial:': {
      const path = decodeURIComponent(url.pathname);
      if (!path || path === '/') throw invalid(uri, 'missing device path');
      const baud = query.get('baud');
      const baudRate = baud === null ? 9600 : Number(baud);
      if (!Number.isInteger(baudRate) || baudRate <= 0)
        throw invalid(uri, `bad baud rate "${baud}"`);
      return { kind: 'serial', path, baudRate, format: 'zpl' };
    }
    case 'file:': {
      const path = decodeURIComponent(url.pathname);
      if (!path || path === '/') throw invalid(uri, 'missing path');
      const format = query.get('format') ?? (path.toLowerCase().endsWith('.pdf') ? 'pdf' : 'zpl');
      if (format !== 'pdf' && format !== 'zpl')
        throw invalid(uri, `format must be zpl or pdf, not "${format}"`);
      return { kind: 'file', path, format };
    }
    case 'cups:': {
      // cups://QUEUE puts the queue in the host part, which URL lower-cases; take it verbatim.
      const queue = decodeURIComponent(uri.slice('cups://'.length).split(/[/?#]/)[0] ?? '');
      if (!/^[^\s/#]+$/.test(queue)) throw invalid(uri, 'missing or bad queue name');
      return { kind: 'cups', queue, format: 'pdf' };
    }
    default:
      throw invalid(
        uri,
        `unsupported scheme "${url.protocol.replace(/:$/, '')}" (use tcp, serial, file or cups)`,
      );
  }
}

function invalid(uri: string, why: string): HardwareError {
  return new HardwareError('printer_uri_invalid', `printer URI "${uri}": ${why}`);
}
