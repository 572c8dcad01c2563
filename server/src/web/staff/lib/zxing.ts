// The zxing decoder, in the chunk only browsers without a BarcodeDetector for QR codes load.
export { scanVideo } from '@lanyard/hardware/video-scanner';
