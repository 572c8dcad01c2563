import { readFileSync } from 'node:fs';
import { fixturePath } from '../../test/support/fixtures.js';
import { hostStatusFrames, hostStatusProblems, parseHostStatus } from './zpl-host-status.js';

const hs = (name: string) => readFileSync(fixturePath(`zpl/${name}`), 'latin1');

describe('parseHostStatus', () => {
  it('reads a ready printer as having no problems', () => {
    const s = parseHostStatus(hs('hs-ready.bin'));
    expect(hostStatusProblems(s)).toEqual([]);
    expect(s.labelLengthDots).toBe(812);
  });

  it('reads paper out and paused from the first string', () => {
    const s = parseHostStatus(hs('hs-paper-out-paused.bin'));
    expect(s).toMatchObject({ paperOut: true, paused: true, headOpen: false, formatsInBuffer: 1 });
    expect(hostStatusProblems(s)).toEqual(['paper out', 'paused']);
  });

  it('reads head open from the second string', () => {
    expect(hostStatusProblems(parseHostStatus(hs('hs-head-open.bin')))).toEqual(['head open']);
  });

  it('finds frames in a response that arrived in pieces, and not in a partial one', () => {
    const full = hs('hs-ready.bin');
    expect(hostStatusFrames(full.slice(0, 40))).toHaveLength(1);
    expect(hostStatusFrames(full)).toHaveLength(3);
  });

  it('rejects text that is not a ~HS response with a typed error', () => {
    expect(() => parseHostStatus('hello')).toThrow(
      expect.objectContaining({ code: 'printer_status_unavailable' }),
    );
    expect(() => parseHostStatus('\u00021,2\u0003\u00023\u0003')).toThrow(
      expect.objectContaining({ code: 'printer_status_unavailable' }),
    );
  });
});
