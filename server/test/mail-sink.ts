import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export interface MailSink {
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** Addresses refused at RCPT TO with 550. */
  refuse: Set<string>;
  /** Waits until `count` mails matching `where` arrived; returns them. */
  waitFor(
    count: number,
    where?: (m: ReceivedMail) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedMail[]>;
  /** Stops listening (connections are cut); `start` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * A real SMTP server on a loopback port the OS picks, keeping every mail it accepts (parsed with
 * mailparser unless `parse` is false).
 */
export async function startMailSink(options: { parse?: boolean } = {}): Promise<MailSink> {
  const parse = options.parse ?? true;
  const mails: ReceivedMail[] = [];
  const refuse = new Set<string>();
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      disableReverseLookup: true,
      // Pooled clients keep connections open; a stop cuts them instead of waiting 30 s.
      closeTimeout: 50,
      onRcptTo(address, _session, callback) {
        if (refuse.has(address.address.toLowerCase())) {
          const err = Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 });
          callback(err);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const to = session.envelope.rcptTo.map((r) => r.address);
          // A benchmark only counts: parsing in its process would be measured as sending.
          if (!parse) {
            mails.push({ envelopeTo: to, raw, parsed: undefined as unknown as ParsedMail });
            callback();
            return;
          }
          simpleParser(raw, { keepCidLinks: true }).then(
            (parsed) => {
              mails.push({
                envelopeTo: session.envelope.rcptTo.map((r) => r.address),
                raw,
                parsed,
              });
              callback();
            },
            (err: Error) => callback(err),
          );
        });
      },
    });
  let server = make();
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.server.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  const sink: MailSink = {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    mails,
    refuse,
    async waitFor(count, where = () => true, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.filter(where);
        if (found.length >= count) return found;
        if (Date.now() > until)
          throw new Error(`timed out waiting for ${count} mails (have ${found.length})`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async start() {
      server = make();
      await listen();
    },
  };
  return sink;
}
