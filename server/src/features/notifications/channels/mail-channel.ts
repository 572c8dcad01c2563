/** A file attached to a mail; with `cid` it is shown inline where the HTML refers to `cid:…`. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  cid?: string;
}

/** A fully rendered mail, ready for any channel. */
export interface OutgoingMail {
  /** The Message-ID, without angle brackets: the same on every attempt, so receivers can de-duplicate. */
  messageId: string;
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
}

/** A mail as its MIME bytes, with what the SMTP envelope and the message log need. */
export interface ComposedMail {
  messageId: string;
  subject: string;
  /** The recipient's address (the envelope's). */
  to: string;
  raw: Buffer;
}

/** What a channel hands back after the mail was accepted. */
export interface Sent {
  /** The provider's reference: the SMTP server's answer, or the file written. */
  providerId: string;
}

/** Where mails go: an SMTP server, or files a person can open. */
export interface MailChannel {
  readonly kind: 'smtp' | 'file';
  send(mail: ComposedMail): Promise<Sent>;
  close(): Promise<void>;
}

/**
 * A send that failed. `permanent` when the server refused for good (a 5xx answer, e.g. 550 no
 * such user): trying again cannot help, so the message is dead at once. Without a response code
 * the server was not reached, and the next mails would fail the same way.
 */
export class SendFailed extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    /** The server's reply code; none when the server could not be reached at all. */
    readonly responseCode: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SendFailed';
  }
}

/**
 * Header values (subject, display names) on one line: a CR or LF in attendee input must never
 * start a header of its own. Nodemailer folds and encodes; this removes the line breaks first.
 */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\u0085\u2028\u2029\t\v\f]+/g, ' ').trim();
}

/** The domain of the sender's address, for Message-IDs. */
export function senderDomain(from: string): string {
  return /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}
