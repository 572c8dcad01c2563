import type { ComposedMail, OutgoingMail } from '../channels/mail-channel.js';
import { composeMail } from './compose.js';
import { renderMail, type RenderInput } from './render.js';

/** A rendering thread's task: a mail to show (`render`), or to send from `from` (`compose`). */
export type RenderTask = { render: RenderInput } | { compose: RenderInput; from: string };

/** Task of the mail rendering threads (messages/renderer.ts). */
export default function renderInThread(task: RenderTask): Promise<OutgoingMail | ComposedMail> {
  return 'render' in task ? renderMail(task.render) : composeMail(task.compose, task.from);
}
