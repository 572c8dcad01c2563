import { join } from 'node:path';
import type { Config } from '../../../platform/config.js';
import type { Logger } from '../../../platform/log.js';
import { fileSmsChannel } from './file-sms-channel.js';
import { httpSmsChannel } from './http-sms-channel.js';
import type { SmsChannel } from './sms-channel.js';
import { twilioSmsChannel } from './twilio-sms-channel.js';

/** The HTTP gateway or Twilio as configured (config allows one); otherwise files under `<data dir>/sms/`. */
export function smsChannelFor(config: Pick<Config, 'sms' | 'dataDir'>, log: Logger): SmsChannel {
  const { sms } = config;
  if (sms.gateway) return httpSmsChannel(sms.gateway.url, sms.gateway.secret);
  if (sms.twilio) return twilioSmsChannel(sms.twilio);
  return fileSmsChannel(join(config.dataDir, 'sms'), log);
}
