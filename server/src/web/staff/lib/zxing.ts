// Only the QR reader of @zxing/library, so the chunk browsers without BarcodeDetector load
// holds no other formats.
export { BrowserQRCodeReader } from '@zxing/library/esm/browser/BrowserQRCodeReader.js';
