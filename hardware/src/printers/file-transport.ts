import { constants } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { asHardwareError } from '../errors.js';

/** Writes a job to a device node (/dev/usb/lp0) or a plain file, replacing a file's contents. */
export async function sendFile(path: string, data: Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (err) {
    throw asHardwareError(err, 'printer_unreachable', `cannot write to ${path}`);
  }
}

/** Whether we could write there now: the device node, or the directory a new file would go in. */
export async function fileWritable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    try {
      await access(dirname(path), constants.W_OK);
      await access(path, constants.F_OK).then(
        () => Promise.reject(new Error('exists, not writable')),
        () => undefined,
      );
      return true;
    } catch {
      return false;
    }
  }
}
