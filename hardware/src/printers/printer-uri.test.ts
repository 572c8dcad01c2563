import { parsePrinterUri } from './printer-uri.js';

describe('parsePrinterUri', () => {
  it('reads raw TCP printers with the JetDirect port by default', () => {
    expect(parsePrinterUri('tcp://10.0.0.7')).toEqual({
      kind: 'tcp',
      host: '10.0.0.7',
      port: 9100,
      format: 'zpl',
    });
    expect(parsePrinterUri('tcp://zebra.local:6101')).toMatchObject({
      host: 'zebra.local',
      port: 6101,
    });
    expect(parsePrinterUri('tcp://[::1]:9100')).toMatchObject({ host: '::1' });
  });

  it('reads serial printers with a baud rate', () => {
    expect(parsePrinterUri('serial:///dev/ttyUSB0')).toEqual({
      kind: 'serial',
      path: '/dev/ttyUSB0',
      baudRate: 9600,
      format: 'zpl',
    });
    expect(parsePrinterUri('serial:///dev/ttyS1?baud=115200')).toMatchObject({ baudRate: 115200 });
  });

  it('sends ZPL to device paths and PDF to .pdf files or on request', () => {
    expect(parsePrinterUri('file:///dev/usb/lp0')).toEqual({
      kind: 'file',
      path: '/dev/usb/lp0',
      format: 'zpl',
    });
    expect(parsePrinterUri('file:///tmp/badge.PDF')).toMatchObject({ format: 'pdf' });
    expect(parsePrinterUri('file:///tmp/out.bin?format=pdf')).toMatchObject({
      path: '/tmp/out.bin',
      format: 'pdf',
    });
  });

  it('keeps the CUPS queue name exactly as written', () => {
    expect(parsePrinterUri('cups://Badge_Printer-2')).toEqual({
      kind: 'cups',
      queue: 'Badge_Printer-2',
      format: 'pdf',
    });
  });

  it.each([
    ['not a uri', /not a URI/],
    ['http://printer', /unsupported scheme "http"/],
    ['tcp://', /missing host|not a URI/],
    ['serial:///dev/ttyS0?baud=fast', /bad baud rate/],
    ['file:///tmp/x?format=png', /format must be zpl or pdf/],
    ['cups://', /queue/],
  ])('rejects %s with a typed error', (uri, message) => {
    expect(() => parsePrinterUri(uri)).toThrow(
      expect.objectContaining({
        code: 'printer_uri_invalid',
        message: expect.stringMatching(message),
      }),
    );
  });
});
