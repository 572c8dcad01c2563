import { FrameDecoder, type RgbaFrame } from './frame-decoder.js';

// For pages (the kiosk UI, the staff phone app): decodes a playing <video> with FrameDecoder
// rather than zxing's BrowserQRCodeReader, whose single plain pass misses about one ticket code
// in thirty held still and square to the lens (its detector takes a finder-like blob in the data
// for a corner, whatever the noise). FrameDecoder's three passes, one per frame, miss about one
// in a hundred there, and a code held a few degrees askew reads in either.

/** What is needed of an HTMLVideoElement (kept structural: this package has no DOM types). */
export interface VideoLike {
  readonly readyState: number;
  readonly videoWidth: number;
  readonly videoHeight: number;
}

/** What is needed of a CanvasRenderingContext2D made with `willReadFrequently`. */
export interface Canvas2DLike<Video extends VideoLike> {
  readonly canvas: { width: number; height: number };
  drawImage(video: Video, x: number, y: number): void;
  getImageData(x: number, y: number, width: number, height: number): RgbaFrame;
}

/** HTMLMediaElement.HAVE_CURRENT_DATA: a frame can be drawn. */
const HAVE_CURRENT_DATA = 2;

/**
 * Draws the video into the canvas every `everyMs` and reports each QR code found (every frame
 * it is seen in: callers drop repeats). Returns the function that stops it.
 */
export function scanVideo<Video extends VideoLike>(
  video: Video,
  context: Canvas2DLike<NoInfer<Video>>,
  onCode: (text: string) => void,
  everyMs: number,
): () => void {
  const decoder = new FrameDecoder({ formats: ['qr'] });
  const timer = setInterval(() => {
    const { videoWidth: width, videoHeight: height } = video;
    if (video.readyState < HAVE_CURRENT_DATA || width === 0 || height === 0) return;
    if (context.canvas.width !== width) context.canvas.width = width;
    if (context.canvas.height !== height) context.canvas.height = height;
    context.drawImage(video, 0, 0);
    const found = decoder.decodeStreaming(context.getImageData(0, 0, width, height));
    if (found) onCode(found.text);
  }, everyMs);
  return () => clearInterval(timer);
}
