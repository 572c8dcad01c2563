import { taskPool } from '../../../platform/threads/task-pool.js';
import type { ComposedMail, OutgoingMail } from '../channels/mail-channel.js';
import type { RenderInput } from './render.js';
import type { RenderTask } from './render-worker.js';

/** Renders mails: on worker threads, or on the event loop when there are none. */
export interface MailRenderer {
  render(m: RenderInput): Promise<OutgoingMail>;
  /** Renders a mail and builds the bytes a channel sends (`composeMail`). */
  compose(m: RenderInput, from: string): Promise<ComposedMail>;
  close(): Promise<void>;
}

// Buffers cross threads as plain Uint8Arrays; mail libraries want Buffers.
const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/**
 * A confirmation costs a few milliseconds of CPU (HTML, a QR PNG and a PDF per ticket) and
 * building any mail's MIME bytes about one more: in a rush or a bulk send that is much of the
 * event loop, which then answers sales and sends webhooks late. With `threads` > 0 it is done on
 * that many worker threads (MAIL_RENDER_THREADS).
 */
export function mailRenderer(threads: number): MailRenderer {
  if (threads === 0) {
    // Loaded on first use, as the threads load it: a server that sends no mail never does.
    return {
      render: async (m) => (await import('./render.js')).renderMail(m),
      compose: async (m, from) => (await import('./compose.js')).composeMail(m, from),
      close: async () => {},
    };
  }
  const pool = taskPool<RenderTask, OutgoingMail | ComposedMail>(
    new URL('./render-worker', import.meta.url),
    threads,
  );
  return {
    async render(m) {
      const mail = (await pool.run({ render: m })) as OutgoingMail;
      return {
        ...mail,
        attachments: mail.attachments.map((a) => ({ ...a, content: asBuffer(a.content) })),
      };
    },
    async compose(m, from) {
      const mail = (await pool.run({ compose: m, from })) as ComposedMail;
      return { ...mail, raw: asBuffer(mail.raw) };
    },
    close: () => pool.close(),
  };
}
