import { listedJobIds, parseLpJobId, parsePrinterState } from './cups-status.js';

describe('CUPS output parsers', () => {
  it('reads the job id lp prints', () => {
    expect(parseLpJobId('request id is badges-12 (1 file(s))\n')).toBe('badges-12');
    expect(parseLpJobId('lp: The printer or class does not exist.')).toBeUndefined();
  });

  it('lists job ids from lpstat -o, one per line', () => {
    const out =
      'badges-3               root              1024   Tue Nov 24 14:40:03 2026\nbadges-4    root   2048   Tue Nov 24 14:41:00 2026\n';
    expect(listedJobIds(out)).toEqual(['badges-3', 'badges-4']);
    expect(listedJobIds('')).toEqual([]);
  });

  it('reads idle, printing and disabled queues with their reasons', () => {
    expect(
      parsePrinterState('printer badges is idle.  enabled since Tue Nov 24 2026\n').state,
    ).toBe('idle');
    expect(
      parsePrinterState('printer badges now printing badges-7.  enabled since Tue\n').state,
    ).toBe('printing');
    const disabled = parsePrinterState(
      'printer badges disabled since Tue Nov 24 2026 -\n\tPaused\n\tDescription: Front desk\n',
    );
    expect(disabled).toEqual({ state: 'disabled', reasons: ['Paused'] });
    expect(parsePrinterState('').state).toBe('unknown');
  });
});
