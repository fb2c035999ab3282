import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../shared/domain/csv.ts';

describe('csvCell', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });
  it('leaves plain numbers, ordinary text and blanks alone', () => {
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell('E4A')).toBe('E4A');
    expect(csvCell(null)).toBe('');
  });
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(toCsv(['a', 'b'], [['1', 'x\ny']])).toBe('a,b\r\n1,"x\ny"\r\n');
  });
});
