/** splitPlainCsv reads quote-free CSV exactly as csv-parse does (the parser it stands in for), or declines. */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPlainCsv } from '../../../shared/domain/ssda903/parse.ts';

const csvParse = (text: string) => parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];

describe('splitPlainCsv', () => {
  it('gives csv-parse records for any quote-free text with \\n or \\r\\n line ends (blank lines, trailing ends, ragged rows)', () => {
    const cell = fc.stringMatching(/^[A-Za-z0-9 /.;\t-]{0,6}$/);
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    const text = fc.tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([lines, eol, trailing]) => lines.join(eol) + (trailing ? eol : ''))
      .filter((t) => t.trim() !== '');
    fc.assert(fc.property(text, (t) => {
      expect(splitPlainCsv(t)).toEqual(csvParse(t));
    }), { numRuns: 500 });
  });

  it('declines quotes, bare CRs and mixed line ends, which csv-parse reads', () => {
    expect(splitPlainCsv('CHILD,UPN\n1,"A,B"\n')).toBeNull();
    expect(splitPlainCsv('CHILD,UPN\r1,A\r')).toBeNull();
    expect(splitPlainCsv('CHILD,UPN\r\n1,A\n2,B\r\n')).toBeNull();
  });
});
