import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { basename } from 'node:path';

/** Nice value of background threads: the scheduler gives them the cores the requests leave. */
const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's priority (Linux: nice is a thread's own, and the threads it starts
 * inherit it), so on a busy machine its work waits for the threads answering requests. Returns
 * false where a thread cannot be told apart (no /proc/thread-self) or the change is refused.
 */
export function becomeBackgroundThread(): boolean {
  try {
    const threadId = Number(basename(readlinkSync('/proc/thread-self')));
    setPriority(threadId, BACKGROUND_NICE);
    return true;
  } catch {
    return false;
  }
}
