import nodemailer from 'nodemailer';
import { SendFailed, type MailChannel } from './mail-channel.js';

/** Connections the pool keeps open to the SMTP server. */
const POOL_SIZE = 5;

/**
 * Mail over SMTP through a pooled nodemailer transport: `smtp://` upgrades with STARTTLS when the
 * server offers it, `smtps://` is TLS from the start. Mails come composed (their MIME bytes built
 * on a rendering thread); this writes them.
 */
export function smtpMailChannel(smtpUrl: string, from: string): MailChannel {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: POOL_SIZE,
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }
      : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        const info = await transport.sendMail({ envelope: { from, to: [mail.to] }, raw: mail.raw });
        return { providerId: String(info.response ?? info.messageId) };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        const message = err instanceof Error ? err.message : String(err);
        throw new SendFailed(message, code !== undefined && code >= 500, code, { cause: err });
      }
    },
    async close() {
      transport.close();
    },
  };
}
