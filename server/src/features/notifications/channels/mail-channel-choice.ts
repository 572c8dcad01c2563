import { join } from 'node:path';
import type { Config } from '../../../platform/config.js';
import type { Logger } from '../../../platform/log.js';
import type { MailChannel } from './mail-channel.js';
import { fileMailChannel } from './file-mail-channel.js';
import { smtpMailChannel } from './smtp-mail-channel.js';

/** SMTP when SMTP_URL is set; otherwise `.eml` files under `<data dir>/mail/`. */
export function mailChannelFor(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>,
  log: Logger,
): MailChannel {
  return config.smtpUrl
    ? smtpMailChannel(config.smtpUrl, config.mailFrom)
    : fileMailChannel(join(config.dataDir, 'mail'), log);
}
