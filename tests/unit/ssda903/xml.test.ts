/** SSDA903 XML: the same return as CSV and as XML gives the same tables, dataset, findings and metrics. */
import { describe, expect, it } from 'vitest';
import { computeLaMetrics } from '../../../shared/domain/metrics/index.ts';
import { toDataset } from '../../../shared/domain/ssda903/dataset.ts';
import { parse903Files, type UploadedFile } from '../../../shared/domain/ssda903/parse.ts';
import type { Finding, RawTable, TableName } from '../../../shared/domain/ssda903/records.ts';
import { validate903Upload } from '../../../shared/domain/ssda903/validate/index.ts';
import { elementPath } from '../../../shared/domain/ssda903/xml.ts';
import { LOCAL_AUTHORITIES } from '../../../shared/domain/tenancy/local-authorities.ts';
import { generateLaReturns } from '../../../shared/synthetic/generate-la.ts';
import { tablesToXml } from '../../helpers/xml903.ts';

const encoder = new TextEncoder();
const file = (name: string, text: string): UploadedFile => ({ name, bytes: encoder.encode(text) });
const YEAR = 2025;

/** A generated LA's 2025 return as CSV files (Hartlepool, full size: every table of the return has rows). */
function generatedCsv(edit: (table: TableName, csv: string) => string = (_t, c) => c): UploadedFile[] {
  const la = LOCAL_AUTHORITIES.find((l) => l.code === '805')!;
  const tables = generateLaReturns(la, { seed: 7, yearsEnding: [YEAR] }).get(YEAR)!;
  return [...tables].map(([table, csv]) => file(`${table}.csv`, edit(table, csv)));
}

const asXml = (csv: UploadedFile[]) => file('return.xml', tablesToXml(parse903Files(csv).tables));
const content = (tables: RawTable[]) => tables.map((t) => ({ table: t.table, columns: t.columns, rows: t.rows }))
  .sort((a, b) => (a.table < b.table ? -1 : 1));

/** A CSV finding moved to where the XML puts it: the row becomes the position of its child in Header. */
function atChildPosition(findings: Finding[], tables: RawTable[]): Finding[] {
  const header = tables.find((t) => t.table === 'Header')!;
  const position = new Map(header.rows.map((r, i) => [r[0]!, i + 1]));
  return findings.map((f) => {
    const t = tables.find((x) => x.table === f.file);
    if (!t || f.row === null) return f;
    const child = t.rows[(t.lines?.indexOf(f.row) ?? f.row - 2)]![t.columns.indexOf('CHILD')]!;
    return { ...f, row: position.get(child)! };
  });
}

describe('CSV and XML of the same return', () => {
  it('give identical tables, datasets and metrics', () => {
    const csv = parse903Files(generatedCsv());
    const xml = parse903Files([asXml(generatedCsv())]);
    expect(csv.findings).toEqual([]);
    expect(xml.findings).toEqual([]);
    // Every table has rows, so nothing is vacuous: the comparison covers all eleven.
    expect(csv.tables.map((t) => [t.table, t.rows.length > 0])).toEqual(csv.tables.map((t) => [t.table, true]));
    expect(content(xml.tables)).toEqual(content(csv.tables));
    const a = toDataset(csv.tables, YEAR);
    const b = toDataset(xml.tables, YEAR);
    expect(a.children.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
    const asAt = '2025-03-31';
    expect(computeLaMetrics(b, { yearEnding: YEAR, asAt })).toEqual(computeLaMetrics(a, { yearEnding: YEAR, asAt }));
  });

  it('give the same findings, the XML ones at the child position', () => {
    // Break the return in three ways the validator reports: a review code, a placement type, a DEC before DECOM.
    const broken = (table: TableName, csv: string) => {
      const lines = csv.split('\n');
      const at = (n: number, col: number, value: string) => {
        const cells = lines[n]!.split(',');
        cells[col] = value;
        lines[n] = cells.join(',');
      };
      if (table === 'Reviews') at(5, 3, 'PN9');
      if (table === 'Episodes') {
        at(3, 5, 'Q9');
        at(10, 7, '01/01/1990');
      }
      return lines.join('\n');
    };
    const csv = parse903Files(generatedCsv(broken));
    const xml = parse903Files([asXml(generatedCsv(broken))]);
    const fromCsv = validate903Upload(csv, { yearEnding: YEAR });
    const fromXml = validate903Upload(xml, { yearEnding: YEAR });
    expect(fromCsv.valid).toBe(false);
    expect(fromCsv.errors.map((f) => f.code)).toEqual(expect.arrayContaining(['356']));
    const key = (f: Finding) => `${f.file}|${f.row}|${f.column}|${f.code}|${f.message}`;
    expect(fromXml.errors.map(key).sort()).toEqual(atChildPosition(fromCsv.errors, csv.tables).map(key).sort());
    expect(fromXml.queries.map(key).sort()).toEqual(atChildPosition(fromCsv.queries, csv.tables).map(key).sort());
  });
});

const CHILD = '<CHILD><HEADER><CHILDID>C1</CHILDID><SEX>1</SEX><DOB>01/02/2010</DOB><ETHNIC>WBRI</ETHNIC>'
  + '<AREVIEW><REVIEW>01/06/2024</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW></HEADER>'
  + '<EPISODE><DECOM>01/05/2024</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><HOME_POST>A1 1AA</HOME_POST></EPISODE></CHILD>';
const xmlOf = (children: string, root = 'EXPSSDA903') => file('return.xml', `<?xml version="1.0"?>\n<${root}>${children}</${root}>`);

describe('reading SSDA903 XML', () => {
  it('maps elements to columns (CHILDID → CHILD, PL → PLACE), decodes entities, numbers rows by child', () => {
    const two = CHILD + CHILD.replace('C1', 'C2').replace('A1 1AA', 'B2 &amp; 2BB');
    const { tables, findings } = parse903Files([xmlOf(two)]);
    expect(findings).toEqual([]);
    const episodes = tables.find((t) => t.table === 'Episodes')!;
    expect(episodes.rows[1]).toEqual(['C2', '01/05/2024', 'S', 'C2', 'N1', 'U1', '', '', '', '', 'B2 & 2BB', '', '']);
    expect(episodes.lines).toEqual([1, 2]);
    expect(tables.find((t) => t.table === 'Reviews')!.rows[0]).toEqual(['C1', '01/02/2010', '01/06/2024', 'PN1']);
    // The XML is the whole return: every table is there, empty when no child has its element.
    expect(tables.map((t) => t.table).sort()).toHaveLength(11);
    expect(tables.find((t) => t.table === 'UASC')!.rows).toEqual([]);
  });

  it.each([
    ['a DOCTYPE with entities (billion laughs)', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><EXPSSDA903>&b;</EXPSSDA903>', 'XML_DOCTYPE'],
    ['an external entity (XXE)', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><EXPSSDA903>&x;</EXPSSDA903>', 'XML_DOCTYPE'],
    ['an unclosed element', '<EXPSSDA903><CHILD><HEADER></CHILD></EXPSSDA903>', 'NOT_WELL_FORMED_XML'],
    ['another XML document', '<Message><Children/></Message>', 'NOT_903_XML'],
  ])('refuses %s with one file-level error and no tables', (_what, text, code) => {
    const parsed = parse903Files([file('return.xml', text)]);
    expect(parsed.tables).toEqual([]);
    expect(parsed.findings).toEqual([expect.objectContaining({ file: 'return.xml', row: null, code })]);
    const report = validate903Upload(parsed, { yearEnding: YEAR });
    expect(report.valid).toBe(false);
    expect(report.errors[0]!.code).toBe(code);
  });

  it('says where a malformed document breaks', () => {
    const { findings } = parse903Files([file('return.xml', '<EXPSSDA903>\n<CHILD>\n<HEADER></HEADR>\n</CHILD></EXPSSDA903>')]);
    expect(findings[0]!.message).toMatch(/line 3/);
  });

  it('names the element of an unknown, repeated or missing element, at the child', () => {
    const odd = CHILD.replace('<ETHNIC>', '<NICKNAME>x</NICKNAME><ETHNIC>').replace('<SEX>1</SEX>', '<SEX>1</SEX><SEX>2</SEX>');
    const { findings } = parse903Files([xmlOf(`${CHILD}${odd}<CHILD><EPISODE/></CHILD>`)]);
    expect(findings).toEqual([
      expect.objectContaining({ row: 2, column: 'CHILD[2]/HEADER/SEX', code: 'REPEATED_ELEMENT' }),
      expect.objectContaining({ row: 2, column: 'CHILD[2]/HEADER/NICKNAME', code: 'UNKNOWN_ELEMENT' }),
      expect.objectContaining({ row: 3, column: 'CHILD[3]/HEADER', code: 'MISSING_HEADER' }),
    ]);
  });

  it('refuses the same table from the XML and a CSV file', () => {
    const parsed = parse903Files([xmlOf(CHILD), file('header.csv', 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/02/2010,WBRI,,,\n')]);
    expect(parsed.findings).toContainEqual(expect.objectContaining({ file: 'Header', code: 'DUPLICATE_TABLE' }));
  });

  it('elementPath names the element of a finding', () => {
    expect(elementPath('Reviews', 'REVIEW', 12)).toBe('CHILD[12]/HEADER/AREVIEW/REVIEW');
    expect(elementPath('Reviews', 'DOB', 12)).toBe('CHILD[12]/HEADER/DOB');
    expect(elementPath('Episodes', 'PLACE', 3)).toBe('CHILD[3]/EPISODE/PL');
    expect(elementPath('Episodes', null, 3)).toBe('CHILD[3]/EPISODE');
    expect(elementPath('Header', 'CHILD', 1)).toBe('CHILD[1]/HEADER/CHILDID');
    expect(elementPath('UASC', 'DUC', 5)).toBe('CHILD[5]/HEADER/DUC');
  });
});
