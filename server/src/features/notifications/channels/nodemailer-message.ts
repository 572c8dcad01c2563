import type { SendMailOptions } from 'nodemailer';
import { oneLine, type OutgoingMail } from './mail-channel.js';

/** The mail as nodemailer builds it; every channel sends the same bytes. */
export function nodemailerMessage(mail: OutgoingMail, from: string): SendMailOptions {
  return {
    from,
    to: { name: oneLine(mail.to.name), address: oneLine(mail.to.address) },
    subject: oneLine(mail.subject),
    messageId: `<${mail.messageId}>`,
    html: mail.html,
    text: mail.text,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
      ...(a.cid ? { cid: a.cid, contentDisposition: 'inline' as const } : {}),
    })),
  };
}
