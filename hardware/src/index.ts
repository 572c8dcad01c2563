// Public API of @lanyard/hardware: scanners (one event API), badge layout and rendering,
// printers by URI, printer status. Knows devices and bytes, never events or tickets.
export { HardwareError, isHardwareError, type HardwareErrorCode } from './errors.js';

export {
  ScannerEmitter,
  type ScannerSource,
  type ScanEvent,
  type DeviceInfo,
  type ScannerKind,
  type ScannerEventMap,
} from './scanners/scanner-events.js';
export { DuplicateSuppressor } from './scanners/duplicate-suppressor.js';
export {
  LineAssembler,
  parseTerminator,
  type LineTerminator,
  type AssembledItem,
} from './scanners/line-assembler.js';
export {
  KeyboardReportDecoder,
  type KeyboardDecoderOptions,
  type WedgeTerminator,
} from './scanners/keyboard-report-decoder.js';
export {
  KEYBOARD_LAYOUTS,
  keyboardLayout,
  US_LAYOUT,
  DE_LAYOUT,
  FR_LAYOUT,
  type KeyboardLayout,
} from './scanners/keyboard-layouts.js';
export {
  HidPosDecoder,
  HID_POS_USAGE_PAGE,
  type HidPosDialect,
} from './scanners/hid-pos-decoder.js';
export {
  HidScannerSource,
  type HidSourceOptions,
  type HidDeviceHandle,
  type HidOpener,
} from './scanners/hid-scanner-source.js';
export { SerialScannerSource, type SerialSourceOptions } from './scanners/serial-scanner-source.js';
export { ScannerManager, type ScannerManagerOptions } from './scanners/scanner-manager.js';
export {
  planScanners,
  classifyHid,
  hexId,
  type ScannerConfig,
  type ScannerCandidate,
  type HidDescriptor,
  type SerialDescriptor,
  type HidDeviceRule,
  type SerialPortConfig,
} from './scanners/scanner-plan.js';
export {
  systemEnumerator,
  type DeviceEnumerator,
  type HidDriver,
} from './scanners/device-enumeration.js';
export {
  KNOWN_SCANNER_VENDORS,
  KNOWN_PRINTER_VENDORS,
  scannerVendor,
  printerVendor,
} from './scanners/known-devices.js';

export {
  FrameDecoder,
  type RgbaFrame,
  type CameraFormat,
  type DecodedFrame,
  type FrameDecoderOptions,
} from './camera/frame-decoder.js';
export { CameraScannerSource, type CameraSourceOptions } from './camera/camera-scanner-source.js';

export {
  standardBadgeLayout,
  badgeContentFromJson,
  STANDARD_BADGE_SIZE,
  type BadgeLayout,
  type BadgeElement,
  type BadgeContent,
  type TextElement,
  type QrElement,
  type ImageElement,
} from './printers/badge-layout.js';
export { fitText, type FittedText } from './printers/text-fit.js';
export { renderBadgeZpl, type ZplOptions } from './printers/zpl-render.js';
export { renderBadgePdf, type PdfOptions, type RenderedPdf } from './printers/pdf-render.js';
export { qrPng, qrSymbol, type QrPngOptions, type QrSymbol } from './qr/qr-symbol.js';
export { DEFAULT_BADGE_FONTS, type BadgeFontCandidates } from './printers/badge-fonts.js';
export { parsePrinterUri, type PrinterTarget, type BadgeFormat } from './printers/printer-uri.js';
export {
  openPrinter,
  renderBadge,
  type BadgePrinter,
  type PrinterOptions,
  type PrintResult,
  type PrinterStatus,
} from './printers/badge-printer.js';
export {
  parseHostStatus,
  hostStatusProblems,
  type ZplHostStatus,
} from './printers/zpl-host-status.js';
export {
  cupsJobState,
  cupsPrinterState,
  waitForCupsJob,
  lpPrint,
} from './printers/cups-transport.js';
export type { CupsJobState, CupsPrinterState } from './printers/cups-status.js';
export {
  takeInventory,
  listCupsQueues,
  type HardwareInventory,
} from './diagnostics/hardware-inventory.js';
