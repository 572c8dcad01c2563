import { senderDomain, type MailChannel } from './channels/mail-channel.js';
import type { Delivery } from './dispatcher.js';
import type { MessageData } from './messages/kinds.js';
import type { MailRenderer } from './messages/renderer.js';
import { messageLanguage } from './messages/text-values.js';

/**
 * Mail: rendered (react-email, QR codes, PDFs) and composed by the renderer, sent by the channel,
 * with the message row's id as Message-ID so a receiver can drop a copy sent again after a crash.
 */
export function mailDelivery(
  channel: MailChannel,
  renderer: MailRenderer,
  /** The sender (MAIL_FROM). */
  from: string,
): Delivery {
  const domain = senderDomain(from);
  return {
    channel: 'email',
    label: 'mail',
    // The first render loads fonts and compiles the templates' code (on a rendering thread, that
    // thread's own): seconds on a busy machine, which should not land on the first confirmation.
    async warmUp() {
      const event = {
        id: 'warm-up',
        name: 'Warm-up',
        startsAt: new Date(0).toISOString(),
        endsAt: new Date(1).toISOString(),
        timezone: 'UTC',
        venue: null,
      };
      const ticket = {
        id: 'warm-up',
        token: 'warm-up',
        ticketTypeName: 'Warm-up',
        holderName: 'Warm-up',
      };
      await renderer.compose(
        {
          id: 'warm-up',
          kind: 'order_confirmed',
          recipient: 'warm-up@localhost',
          recipientName: 'Warm-up',
          data: { event, name: 'Warm-up', tickets: [ticket] },
          domain,
        },
        from,
      );
    },
    async deliver(m, rendered) {
      const mail = await renderer.compose(
        {
          id: m.id,
          kind: m.kind,
          recipient: m.recipient,
          recipientName: m.recipientName,
          data: m.data as unknown as MessageData,
          lang: messageLanguage(m.data as Partial<MessageData>),
          domain,
        },
        from,
      );
      rendered(mail.subject);
      return channel.send(mail);
    },
  };
}
