import type { SmsChannel } from './channels/sms-channel.js';
import type { Delivery } from './dispatcher.js';
import type { MessageData } from './messages/kinds.js';
import { renderSms } from './messages/sms-render.js';
import { messageLanguage } from './messages/text-values.js';

/**
 * SMS: a line of text rendered on the spot (no threads needed), sent by the provider. The log's
 * subject is the text itself with its length, what an organizer checking a complaint wants.
 */
export function smsDelivery(channel: SmsChannel): Delivery {
  return {
    channel: 'sms',
    label: 'SMS',
    async warmUp() {},
    async deliver(m, rendered) {
      const sms = renderSms({
        id: m.id,
        kind: m.kind,
        recipient: m.recipient,
        data: m.data as unknown as MessageData,
        lang: messageLanguage(m.data as Partial<MessageData>),
      });
      const { segments, encoding } = sms.length;
      rendered(`${sms.body} [${segments} SMS, ${encoding}]`);
      return channel.send(sms);
    },
  };
}
