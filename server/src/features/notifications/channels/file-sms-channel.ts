import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../../platform/log.js';
import type { SmsChannel } from './sms-channel.js';

/**
 * The embedded default when no SMS provider is configured: each SMS becomes a text file under
 * `dir` (the number, then the text as it would arrive), and the log says where.
 */
export function fileSmsChannel(dir: string, log: Logger): SmsChannel {
  return {
    kind: 'file',
    async send(sms) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, `${sms.messageId.replace(/[^\w.-]/g, '_')}.txt`);
      await writeFile(path, `To: ${sms.to}\n\n${sms.body}\n`, { mode: 0o600 });
      log.info({ path, to: sms.to }, 'SMS written to a file (no SMS provider is configured)');
      return { providerId: path };
    },
    async close() {},
  };
}
