/** parse903Files: tolerant of BOM, CRLF, quotes and blank lines; everything else is a file-level finding. */
import { describe, expect, it } from 'vitest';
import { parse903Files } from '../../../shared/domain/ssda903/parse.ts';
import { validate903Upload } from '../../../shared/domain/ssda903/validate/index.ts';
import { Upload, findings, toCsv, withCode } from './helper.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const REVIEWS = 'CHILD,DOB,REVIEW,REVIEW_CODE\n1001,15/06/2012,01/05/2024,PN1\n';

function one(name: string, bytes: Uint8Array) {
  return parse903Files([{ name, bytes }]);
}

describe('accepted encodings and layouts', () => {
  const base = new Upload();
  const plain = base.files();
  const total = (files: { name: string; bytes: Uint8Array }[]) => parse903Files(files).tables.reduce((n, t) => n + t.rows.length, 0);

  it.each([
    ['a UTF-8 BOM', (s: string) => `\uFEFF${s}`],
    ['CRLF line ends', (s: string) => s.replace(/\n/g, '\r\n')],
    ['trailing blank lines', (s: string) => `${s}\n\n\r\n,,,\n`],
    ['quoted fields', (s: string) => s.split('\n').map((l) => l.split(',').map((c) => (c === '' ? c : `"${c}"`)).join(',')).join('\n')],
  ])('%s', (_name, transform) => {
    const files = plain.map((f) => ({ name: f.name, bytes: enc(transform(new TextDecoder().decode(f.bytes))) }));
    const parsed = parse903Files(files);
    expect(parsed.findings).toEqual([]);
    expect(total(files)).toBe(total(plain));
    expect(parsed.tables.find((t) => t.table === 'Header')!.rows[0]).toEqual(['1001', 'F', '15/06/2012', 'WBRI', 'R886123412001', '0', '']);
  });

  it('recognises a table by its header, whatever the file is called', () => {
    const parsed = one('export_2025_final.CSV', enc(REVIEWS));
    expect(parsed.tables.map((t) => t.table)).toEqual(['Reviews']);
  });

  it('keeps file line numbers across blank lines', () => {
    const text = 'CHILD,DOB,REVIEW,REVIEW_CODE\n\n1001,15/06/2012,01/05/2024,PN1\n\n1001,15/06/2012,01/11/2024,PN9\n';
    const parsed = one('r.csv', enc(text));
    expect(parsed.tables[0]!.lines).toEqual([3, 5]);
    const u = new Upload();
    u.drop('Reviews');
    const files = [...u.files(), { name: 'r.csv', bytes: enc(text) }];
    const f = withCode(findings(Object.assign(new Upload(), { files: () => files })), '167');
    expect(f.map((x) => [x.file, x.row, x.column])).toEqual([['Reviews', 5, 'REVIEW_CODE']]);
  });
});

describe('file-level findings', () => {
  const cases: [string, Uint8Array, string, number | null, string | null][] = [
    ['an empty file', new Uint8Array(0), 'EMPTY_FILE', null, null],
    ['a file of blank lines', enc('\n\r\n \n'), 'EMPTY_FILE', null, null],
    ['UTF-16 with a BOM', new Uint8Array([0xff, 0xfe, ...[...REVIEWS].flatMap((c) => [c.charCodeAt(0), 0])]), 'NOT_UTF8', null, null],
    ['UTF-16 without a BOM', new Uint8Array([...REVIEWS].flatMap((c) => [c.charCodeAt(0), 0])), 'NOT_UTF8', null, null],
    ['Windows-1252 text', new Uint8Array([...enc('CHILD,DOB,REVIEW,REVIEW_CODE\n1001,'), 0xe9, ...enc(',01/05/2024,PN1\n')]), 'NOT_UTF8', null, null],
    ['binary junk', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]), 'NOT_CSV', null, null],
    ['semicolon separated', enc(REVIEWS.replace(/,/g, ';')), 'NOT_COMMA_SEPARATED', 1, null],
    ['tab separated', enc(REVIEWS.replace(/,/g, '\t')), 'NOT_COMMA_SEPARATED', 1, null],
    ['an unclosed quote', enc('CHILD,DOB,REVIEW,REVIEW_CODE\n1001,"15/06/2012,01/05/2024,PN1\n'), 'NOT_CSV', null, null],
    ['an unrecognised header', enc('NAME,ADDRESS\nA,B\n'), 'UNRECOGNISED_FILE', 1, null],
  ];
  it.each(cases)('%s', (_name, bytes, code, row, column) => {
    const parsed = one('upload.csv', bytes);
    expect(parsed.tables).toEqual([]);
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({ file: 'upload.csv', row, column, code });
    expect(parsed.findings[0]!.message).toContain('upload.csv');
  });

  it('a missing column', () => {
    const parsed = one('r.csv', enc('CHILD,DOB,REVIEW\n1001,15/06/2012,01/05/2024\n'));
    expect(parsed.findings).toEqual([expect.objectContaining({ file: 'Reviews', row: 1, column: null, code: 'MISSING_COLUMN' })]);
    expect(parsed.findings[0]!.message).toContain('REVIEW_CODE');
  });

  it('an extra column', () => {
    const parsed = one('r.csv', enc('CHILD,DOB,REVIEW,REVIEW_CODE,NOTES\n1001,15/06/2012,01/05/2024,PN1,x\n'));
    expect(parsed.findings).toEqual([expect.objectContaining({ file: 'Reviews', row: 1, column: 'NOTES', code: 'EXTRA_COLUMN' })]);
  });

  it('a column named in the wrong case', () => {
    const parsed = one('r.csv', enc('CHILD,DOB,Review,REVIEW_CODE\n1001,15/06/2012,01/05/2024,PN1\n'));
    expect(parsed.findings.map((f) => [f.code, f.column])).toEqual([['EXTRA_COLUMN', 'Review'], ['MISSING_COLUMN', null]]);
  });

  it('a column twice', () => {
    const parsed = one('r.csv', enc('CHILD,DOB,REVIEW,REVIEW_CODE,DOB\n1001,15/06/2012,01/05/2024,PN1,15/06/2012\n'));
    expect(parsed.findings.map((f) => [f.code, f.row, f.column])).toContainEqual(['DUPLICATE_COLUMN', 1, 'DOB']);
  });

  it('the same table twice', () => {
    const parsed = parse903Files([{ name: 'a.csv', bytes: enc(REVIEWS) }, { name: 'b.csv', bytes: enc(REVIEWS) }]);
    expect(parsed.tables).toHaveLength(1);
    expect(parsed.findings).toEqual([expect.objectContaining({ file: 'Reviews', row: null, column: null, code: 'DUPLICATE_TABLE' })]);
    expect(parsed.findings[0]!.message).toMatch(/a\.csv.*b\.csv|b\.csv.*a\.csv/);
  });

  it('a row of the wrong width is a row finding', () => {
    const u = new Upload();
    const line = u.add('Reviews', { CHILD: '1001', DOB: '15/06/2012', REVIEW: '01/06/2024', REVIEW_CODE: 'PN1' });
    u.tables.get('Reviews')![line - 1]!.push('extra');
    expect(withCode(findings(u), 'ROW_LENGTH').map((f) => [f.file, f.row, f.column])).toEqual([['Reviews', line, null]]);
  });

  it('file-level findings make the upload invalid', () => {
    const files = [...new Upload().files(), { name: 'notes.csv', bytes: enc('NAME,ADDRESS\n') }];
    const report = validate903Upload(parse903Files(files), { yearEnding: 2025 });
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'notes.csv', code: 'UNRECOGNISED_FILE' })]);
    expect(report.total).toBe(1);
  });

  it('CSV writer round trip used by the tests', () => {
    expect(toCsv([['a', 'b,c', 'd"e']])).toBe('a,"b,c","d""e"\n');
  });
});
