import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../../../platform/log.js';
import type { MailChannel } from './mail-channel.js';
import { nodemailerMessage } from './nodemailer-message.js';

/**
 * The embedded default when no SMTP server is configured: each mail becomes an `.eml` file under
 * `dir` (any mail program opens one), and the log says where.
 */
export function fileMailChannel(dir: string, from: string, log: Logger): MailChannel {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    kind: 'file',
    async send(mail) {
      const info = await transport.sendMail(nodemailerMessage(mail, from));
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, `${mail.messageId.replace(/[^\w.-]/g, '_')}.eml`);
      await writeFile(path, info.message as Buffer, { mode: 0o600 });
      log.info({ path, to: mail.to.address }, 'mail written to a file (SMTP_URL is not set)');
      return { providerId: path };
    },
    async close() {},
  };
}
