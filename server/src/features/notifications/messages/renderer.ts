import { taskPool } from '../../../platform/threads/task-pool.js';
import type { OutgoingMail } from '../channels/mail-channel.js';
import type { RenderInput } from './render.js';

/** Renders mails: on worker threads, or on the event loop when there are none. */
export interface MailRenderer {
  render(m: RenderInput): Promise<OutgoingMail>;
  close(): Promise<void>;
}

/**
 * A confirmation costs a few milliseconds of CPU (HTML, a QR PNG and a PDF per ticket): in a rush
 * that is a fifth of the event loop, which then answers sales and sends webhooks late. With
 * `threads` > 0 it is done on that many worker threads (MAIL_RENDER_THREADS).
 */
export function mailRenderer(threads: number): MailRenderer {
  if (threads === 0) {
    // Loaded on first use, as the threads load it: a server that sends no mail never does.
    return {
      render: async (m) => (await import('./render.js')).renderMail(m),
      close: async () => {},
    };
  }
  const pool = taskPool<RenderInput, OutgoingMail>(
    new URL('./render-worker', import.meta.url),
    threads,
  );
  return {
    async render(m) {
      const mail = await pool.run(m);
      // Buffers cross threads as plain Uint8Arrays; mail libraries want Buffers.
      return {
        ...mail,
        attachments: mail.attachments.map((a) => ({
          ...a,
          content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
        })),
      };
    },
    close: () => pool.close(),
  };
}
