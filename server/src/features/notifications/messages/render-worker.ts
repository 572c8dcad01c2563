import type { OutgoingMail } from '../channels/mail-channel.js';
import { renderMail, type RenderInput } from './render.js';

/** Task of the mail rendering threads (messages/renderer.ts). */
export default function renderInThread(m: RenderInput): Promise<OutgoingMail> {
  return renderMail(m);
}
