import { HardwareError } from '../errors.js';

/**
 * A Zebra printer answers `~HS` with three strings, each framed STX … ETX CR LF:
 *   1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l
 *      b paper out, c paused, dddd label length (dots), eee formats in buffer, f buffer full,
 *      g diagnostic mode, h partial format, j corrupt RAM, k under temperature, l over temperature
 *   2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www
 *      o head up (open), p ribbon out, q thermal transfer mode, r print mode,
 *      t label waiting (peel-off), uuuuuuuu labels remaining in batch
 *   3: xxxx,y   password, static RAM installed
 * (ZPL II Programming Guide, ~HS.) Pure parser.
 */
export interface ZplHostStatus {
  paperOut: boolean;
  paused: boolean;
  headOpen: boolean;
  ribbonOut: boolean;
  bufferFull: boolean;
  underTemperature: boolean;
  overTemperature: boolean;
  corruptRam: boolean;
  labelWaiting: boolean;
  formatsInBuffer: number;
  labelsRemaining: number;
  labelLengthDots: number;
}

const STX = '\u0002';
const ETX = '\u0003';

/** The framed strings found so far in a (possibly partial) response. */
export function hostStatusFrames(response: string): string[] {
  const frames: string[] = [];
  let from = 0;
  for (;;) {
    const start = response.indexOf(STX, from);
    if (start < 0) break;
    const end = response.indexOf(ETX, start + 1);
    if (end < 0) break;
    frames.push(response.slice(start + 1, end));
    from = end + 1;
  }
  return frames;
}

export function parseHostStatus(response: string): ZplHostStatus {
  const frames = hostStatusFrames(response);
  const one = frames[0]?.split(',');
  const two = frames[1]?.split(',');
  if (!one || one.length < 12 || !two || two.length < 11) {
    throw new HardwareError(
      'printer_status_unavailable',
      `not a ~HS response: ${JSON.stringify(response.slice(0, 80))}`,
    );
  }
  const flag = (v: string | undefined) => v?.trim() === '1';
  const num = (v: string | undefined) => Number.parseInt(v?.trim() ?? '', 10) || 0;
  return {
    paperOut: flag(one[1]),
    paused: flag(one[2]),
    labelLengthDots: num(one[3]),
    formatsInBuffer: num(one[4]),
    bufferFull: flag(one[5]),
    corruptRam: flag(one[9]),
    underTemperature: flag(one[10]),
    overTemperature: flag(one[11]),
    headOpen: flag(two[2]),
    ribbonOut: flag(two[3]),
    labelWaiting: flag(two[7]),
    labelsRemaining: num(two[8]),
  };
}

/** Human words for what stops the printer; empty when it can print. */
export function hostStatusProblems(s: ZplHostStatus): string[] {
  const problems: string[] = [];
  if (s.paperOut) problems.push('paper out');
  if (s.headOpen) problems.push('head open');
  if (s.ribbonOut) problems.push('ribbon out');
  if (s.paused) problems.push('paused');
  if (s.bufferFull) problems.push('buffer full');
  if (s.overTemperature) problems.push('head too hot');
  if (s.underTemperature) problems.push('head too cold');
  if (s.corruptRam) problems.push('memory corrupt');
  return problems;
}
