/**
 * HID Point of Sale scanners (usage page 0x8C, "Scanned Data Report") send each code in one or
 * more 64-byte input reports. Layout used by Honeywell (and Datalogic in HID POS mode):
 *
 *   byte 0      report id 0x02
 *   byte 1      number of data bytes in this report (0-56)
 *   bytes 2-4   AIM symbology identifier, e.g. "]Q1" for QR
 *   bytes 5-60  data, zero padded
 *   byte 61     vendor symbology code id
 *   byte 62     reserved
 *   byte 63     bit 0 set: the code continues in the next report
 *
 * Newland sends no AIM id: data starts at byte 2 and there is no continuation flag.
 * Pure: reports in, codes out.
 */
export type HidPosDialect = 'honeywell' | 'newland';

export interface HidPosDecoderOptions {
  dialect?: HidPosDialect;
  maxLength?: number;
}

export type HidPosDecoded =
  | { kind: 'code'; text: string; symbology?: string }
  | { kind: 'too_long'; length: number }
  | { kind: 'bad_report'; reason: string };

export const HID_POS_USAGE_PAGE = 0x8c;
export const SCANNED_DATA_REPORT_ID = 0x02;

export class HidPosDecoder {
  private readonly dialect: HidPosDialect;
  private readonly maxLength: number;
  private pending: number[] = [];
  private symbology: string | undefined;
  private overflowed = false;

  constructor(options: HidPosDecoderOptions = {}) {
    this.dialect = options.dialect ?? 'honeywell';
    this.maxLength = options.maxLength ?? 4096;
  }

  push(report: Uint8Array): HidPosDecoded[] {
    // Other report ids (status, settings, command responses) are not scans.
    if (report[0] !== SCANNED_DATA_REPORT_ID) return [];
    const dataStart = this.dialect === 'honeywell' ? 5 : 2;
    const declared = report[1] ?? 0;
    if (report.length < dataStart || declared > report.length - dataStart) {
      this.reset();
      return [
        {
          kind: 'bad_report',
          reason: `length ${declared} exceeds report of ${report.length} bytes`,
        },
      ];
    }
    if (this.dialect === 'honeywell' && this.pending.length === 0 && !this.overflowed) {
      this.symbology = aimIdentifier(report.subarray(2, 5));
    }
    const continues =
      this.dialect === 'honeywell' && report.length >= 64 && ((report[63] ?? 0) & 1) === 1;

    if (!this.overflowed) {
      for (const b of report.subarray(dataStart, dataStart + declared)) this.pending.push(b);
      if (this.pending.length > this.maxLength) {
        const length = this.pending.length;
        this.pending = [];
        this.overflowed = true;
        if (!continues) this.reset();
        return [{ kind: 'too_long', length }];
      }
    }
    if (continues) return [];

    const overflowed = this.overflowed;
    const bytes = Uint8Array.from(this.pending);
    const symbology = this.symbology;
    this.reset();
    if (overflowed) return [];
    // Scanners configured with a CR/LF suffix add it in HID POS mode too; it is not data.
    const text = new TextDecoder('utf-8').decode(bytes).replace(/[\r\n]+$/, '');
    if (text.length === 0) return [];
    return [symbology ? { kind: 'code', text, symbology } : { kind: 'code', text }];
  }

  reset(): void {
    this.pending = [];
    this.symbology = undefined;
    this.overflowed = false;
  }
}

function aimIdentifier(bytes: Uint8Array): string | undefined {
  // AIM ids are "]" + symbology letter + modifier digit.
  if (bytes[0] !== 0x5d) return undefined;
  return String.fromCharCode(...bytes);
}
