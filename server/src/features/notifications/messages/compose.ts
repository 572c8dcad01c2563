import MailComposer from 'nodemailer/lib/mail-composer';
import type { ComposedMail } from '../channels/mail-channel.js';
import { nodemailerMessage } from '../channels/nodemailer-message.js';
import { renderMail, type RenderInput } from './render.js';

/**
 * Renders a mail and builds its MIME bytes (encodings, line folding, attachments), so that
 * sending it is only writing those bytes to a socket or a file. Runs on a rendering thread: the
 * building costs about as much CPU as the SMTP conversation, and the event loop serves sales.
 */
export async function composeMail(m: RenderInput, from: string): Promise<ComposedMail> {
  const mail = await renderMail(m);
  const raw = await new MailComposer(nodemailerMessage(mail, from)).compile().build();
  return { messageId: mail.messageId, subject: mail.subject, to: mail.to.address, raw };
}
