import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../../platform/log.js';
import type { MailChannel } from './mail-channel.js';

/**
 * The embedded default when no SMTP server is configured: each mail becomes an `.eml` file under
 * `dir` (any mail program opens one), and the log says where.
 */
export function fileMailChannel(dir: string, log: Logger): MailChannel {
  return {
    kind: 'file',
    async send(mail) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, `${mail.messageId.replace(/[^\w.-]/g, '_')}.eml`);
      await writeFile(path, mail.raw, { mode: 0o600 });
      log.info({ path, to: mail.to }, 'mail written to a file (SMTP_URL is not set)');
      return { providerId: path };
    },
    async close() {},
  };
}
