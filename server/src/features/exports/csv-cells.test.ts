import { csvCell, csvLine } from './csv-cells.js';

describe('CSV cells for spreadsheets', () => {
  it('prefixes text that a spreadsheet would run as a formula with an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+49 30 123')).toBe("'+49 30 123");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
  });

  it('escapes cells that open with ; and full-width formula starts', () => {
    expect(csvCell(';=1+1')).toBe(`"';=1+1"`);
    expect(csvCell('\uFF1D1+1')).toBe("'\uFF1D1+1");
    expect(csvCell('＋1')).toBe("'＋1");
    expect(csvCell('－1')).toBe("'－1");
    expect(csvCell('＠SUM(A1)')).toBe("'＠SUM(A1)");
    // Quoted, so a spreadsheet splitting on ; keeps it one cell.
    expect(csvCell('Ana;=1+1')).toBe('"Ana;=1+1"');
  });

  it('leaves ordinary text and numbers alone, negative numbers included', () => {
    expect(csvCell('Ana Li')).toBe('Ana Li');
    expect(csvCell('ana@example.com')).toBe('ana@example.com');
    expect(csvCell(-500)).toBe('-500');
    expect(csvCell(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Li, Ana')).toBe('"Li, Ana"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('ends each record with CRLF', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});
