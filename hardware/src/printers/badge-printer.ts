import { HardwareError } from '../errors.js';
import type { BadgeLayout } from './badge-layout.js';
import type { CupsJobState, CupsPrinterState } from './cups-status.js';
import { cupsJobState, cupsPrinterState, lpPrint, type LpOptions } from './cups-transport.js';
import { fileWritable, sendFile } from './file-transport.js';
import { renderBadgePdf, type PdfOptions } from './pdf-render.js';
import { parsePrinterUri, type BadgeFormat, type PrinterTarget } from './printer-uri.js';
import { querySerial, sendSerial } from './serial-transport.js';
import { queryTcp, sendTcp } from './tcp-transport.js';
import {
  hostStatusFrames,
  hostStatusProblems,
  parseHostStatus,
  type ZplHostStatus,
} from './zpl-host-status.js';
import { renderBadgeZpl, type ZplOptions } from './zpl-render.js';

export interface PrinterOptions {
  zpl?: ZplOptions;
  pdf?: PdfOptions;
  lp?: LpOptions;
  timeoutMs?: number;
}

export interface PrintResult {
  format: BadgeFormat;
  bytes: number;
  /** CUPS job id, for `jobState`. */
  jobId?: string;
  warnings: string[];
}

export interface PrinterStatus {
  ready: boolean;
  /** What stops the printer, in words ("paper out", "head open", "paused", …). */
  problems: string[];
  /** Where the answer came from; 'none' when the transport cannot report status. */
  source: 'zpl-host-status' | 'cups' | 'none';
  zpl?: ZplHostStatus;
  cups?: CupsPrinterState;
}

export interface BadgePrinter {
  readonly uri: string;
  readonly target: PrinterTarget;
  print(layout: BadgeLayout): Promise<PrintResult>;
  status(): Promise<PrinterStatus>;
  /** CUPS only: where a printed job is now. */
  jobState(jobId: string): Promise<CupsJobState>;
}

/** The rendered bytes for a target's format. */
export async function renderBadge(
  layout: BadgeLayout,
  format: BadgeFormat,
  options: PrinterOptions = {},
): Promise<{ bytes: Buffer; warnings: string[] }> {
  if (format === 'zpl')
    return { bytes: Buffer.from(renderBadgeZpl(layout, options.zpl), 'utf8'), warnings: [] };
  const { pdf, warnings } = await renderBadgePdf(layout, options.pdf);
  return { bytes: pdf, warnings };
}

const hsComplete = (answer: string) => hostStatusFrames(answer).length >= 3;

/** A badge printer from a URI (see printer-uri.ts for the schemes). */
export function openPrinter(uri: string, options: PrinterOptions = {}): BadgePrinter {
  const target = parsePrinterUri(uri);
  const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };

  async function send(bytes: Buffer): Promise<string | undefined> {
    switch (target.kind) {
      case 'tcp':
        await sendTcp(target.host, target.port, bytes, timeout);
        return undefined;
      case 'serial':
        await sendSerial(target.path, target.baudRate, bytes);
        return undefined;
      case 'file':
        await sendFile(target.path, bytes);
        return undefined;
      case 'cups':
        return lpPrint(target.queue, bytes, options.lp);
    }
  }

  async function zplStatus(answer: string): Promise<PrinterStatus> {
    const zpl = parseHostStatus(answer);
    const problems = hostStatusProblems(zpl);
    return { ready: problems.length === 0, problems, source: 'zpl-host-status', zpl };
  }

  return {
    uri,
    target,
    async print(layout) {
      const { bytes, warnings } = await renderBadge(layout, target.format, options);
      const jobId = await send(bytes);
      return jobId
        ? { format: target.format, bytes: bytes.length, jobId, warnings }
        : { format: target.format, bytes: bytes.length, warnings };
    },
    async status() {
      switch (target.kind) {
        case 'tcp':
          return zplStatus(await queryTcp(target.host, target.port, '~HS', hsComplete, timeout));
        case 'serial':
          return zplStatus(
            await querySerial(target.path, target.baudRate, '~HS', hsComplete, options.timeoutMs),
          );
        case 'cups': {
          const cups = await cupsPrinterState(target.queue);
          const problems = cups.state === 'disabled' ? ['queue disabled', ...cups.reasons] : [];
          if (cups.state === 'unknown') problems.push('queue not found');
          return { ready: problems.length === 0, problems, source: 'cups', cups };
        }
        case 'file': {
          const ok = await fileWritable(target.path);
          return {
            ready: ok,
            problems: ok ? [] : [`${target.path} is not writable`],
            source: 'none',
          };
        }
      }
    },
    async jobState(jobId) {
      if (target.kind !== 'cups')
        throw new HardwareError('printer_status_unavailable', `${uri} has no job queue to ask`);
      return cupsJobState(target.queue, jobId);
    },
  };
}
