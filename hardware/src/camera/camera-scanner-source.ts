import { asHardwareError } from '../errors.js';
import { SourceBase, type SourceOptions } from '../scanners/source-base.js';
import { FrameDecoder, type FrameDecoderOptions, type RgbaFrame } from './frame-decoder.js';

export interface CameraSourceOptions extends SourceOptions, FrameDecoderOptions {
  /** Names the camera in events, e.g. "/dev/video0" or "front". */
  deviceId: string;
  name?: string;
}

/**
 * A camera as a scanner: whoever grabs frames (the kiosk UI, a v4l2 reader) pushes them here;
 * a code held in front of the lens for several frames is still one scan.
 */
export class CameraScannerSource extends SourceBase {
  private readonly decoder: FrameDecoder;
  private opened = false;

  constructor(options: CameraSourceOptions) {
    super(
      options.name
        ? { kind: 'camera', deviceId: options.deviceId, name: options.name }
        : { kind: 'camera', deviceId: options.deviceId },
      options,
    );
    this.decoder = new FrameDecoder(options);
  }

  get isOpen(): boolean {
    return this.opened;
  }

  async open(): Promise<void> {
    if (this.opened) return;
    this.opened = true;
    this.emit('attach', this.info);
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    this.opened = false;
    this.emit('detach', this.info);
  }

  /** Decodes one frame; returns the text when it held a code (even a suppressed duplicate). */
  pushFrame(frame: RgbaFrame): string | undefined {
    if (!this.opened) return undefined;
    try {
      const found = this.decoder.decodeStreaming(frame);
      if (!found) return undefined;
      this.deliver(found.text, found.format);
      return found.text;
    } catch (err) {
      this.reportError(asHardwareError(err, 'frame_invalid', `camera ${this.info.deviceId}`));
      return undefined;
    }
  }
}
