import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse903Files } from '../../shared/domain/ssda903/parse.ts';
import type { RawTable, TableName } from '../../shared/domain/ssda903/records.ts';
import { LOCAL_AUTHORITIES } from '../../shared/domain/tenancy/local-authorities.ts';
import { generateLaReturns } from '../../shared/synthetic/generate-la.ts';
import { tablesToXml } from '../helpers/xml903.ts';

/**
 * `cli validate` as an analyst runs it: a real process started the way `npm run cli` starts it (the bundle,
 * rebuilt when stale), on generated returns written to disk.
 */
const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const work = await mkdtemp(join(tmpdir(), 'iro-validate-'));
afterAll(() => rm(work, { recursive: true, force: true }));

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', [join(ROOT, 'functions/cli/launch.mjs'), 'validate', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const json = async (...args: string[]) => {
  const r = await cli(...args, '--json');
  return { code: r.code, report: JSON.parse(r.stdout) };
};

const csvText = (t: RawTable) => [t.columns, ...t.rows].map((r) => r.join(',')).join('\n') + '\n';

async function writeReturn(dir: string, tables: RawTable[], as: 'csv' | 'xml' = 'csv'): Promise<string> {
  await mkdir(dir, { recursive: true });
  if (as === 'xml') await writeFile(join(dir, 'return.xml'), tablesToXml(tables));
  else for (const t of tables) await writeFile(join(dir, `${t.table}.csv`), csvText(t));
  return dir;
}

/**
 * Hartlepool's generated 2024 and 2025 returns (one and a half times its size: a return holds only its year's
 * reviews, and the analysts' test needs over 1000 of them) as parsed tables, to edit and write.
 */
let years: Map<number, RawTable[]>;
beforeAll(() => {
  const la = LOCAL_AUTHORITIES.find((l) => l.code === '805')!;
  const generated = generateLaReturns(la, { seed: 11, yearsEnding: [2024, 2025], scale: 1.5 });
  years = new Map([...generated].map(([y, csv]) => [y, parse903Files([...csv].map(([t, text]) => ({ name: `${t}.csv`, bytes: new TextEncoder().encode(text) }))).tables]));
});

const copy = (tables: RawTable[]) => tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) }));
const table = (tables: RawTable[], name: TableName) => tables.find((t) => t.table === name)!;

describe('cli validate --previous', () => {
  it('runs the continuity rules only when last year is given, and says so', async () => {
    // Last year's episodes still open on 31 March 2024 get another placement type: this year's first episode of
    // each such child no longer carries it on, which only 503D (a continuity rule) can see.
    const previous = copy(years.get(2024)!);
    const eps = table(previous, 'Episodes');
    const [cPlace, cDec] = [eps.columns.indexOf('PLACE'), eps.columns.indexOf('DEC')];
    let changed = 0;
    for (const row of eps.rows) {
      if (row[cDec] !== '') continue;
      row[cPlace] = row[cPlace] === 'U1' ? 'U2' : 'U1';
      changed++;
    }
    expect(changed).toBeGreaterThan(10);
    const thisYear = await writeReturn(join(work, 'prev/2025'), years.get(2025)!);
    const lastYear = await writeReturn(join(work, 'prev/2024'), previous);

    const alone = await json(thisYear);
    expect(alone.report.previousYear).toBeNull();
    expect(alone.report.queries.filter((f: { code: string }) => f.code === '503D')).toEqual([]);

    const withPrevious = await json(thisYear, '--previous', lastYear);
    expect(withPrevious.report.previousYear).toEqual({ dir: lastYear, yearEnding: 2024, children: table(previous, 'Header').rows.length });
    // 503D is a query (the DfE's severity): the return stays valid, the analyst is asked to check.
    const continuity = withPrevious.report.queries.filter((f: { code: string }) => f.code === '503D');
    expect(continuity.length).toBeGreaterThan(5);
    expect(continuity[0]).toMatchObject({ file: 'Episodes', column: 'PLACE' });
    expect(withPrevious.code).toBe(0);

    const text = await cli(thisYear, '--previous', lastYear);
    expect(text.stdout).toContain(`Previous year 2023-24 from ${lastYear}`);
    expect(text.stdout).toContain('[503D]');
  });

  it('exits 2 when PREVDIR is not a folder or holds no return', async () => {
    const empty = join(work, 'empty');
    await mkdir(empty, { recursive: true });
    const thisYear = await writeReturn(join(work, 'usage/2025'), years.get(2025)!);
    for (const prev of ['/no/such/dir', empty]) {
      const r = await cli(thisYear, '--previous', prev);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--previous');
    }
  });
});

describe('cli validate collection year', () => {
  it('keeps the year of the bulk of the dates when one DEC falls after it, and reports that DEC (385)', async () => {
    const tables = copy(years.get(2025)!);
    const eps = table(tables, 'Episodes');
    const cDec = eps.columns.indexOf('DEC');
    const i = eps.rows.findIndex((r) => r[cDec] !== '');
    eps.rows[i]![cDec] = '15/04/2025';
    const dir = await writeReturn(join(work, 'late-dec'), tables);
    const { code, report } = await json(dir);
    expect(code).toBe(1);
    expect(report.collectionYear).toMatchObject({ yearEnding: 2025, basis: 'dates', afterYear: 1 });
    expect(report.errors).toContainEqual(expect.objectContaining({ file: 'Episodes', row: i + 2, column: 'DEC', code: '385' }));
    const text = await cli(dir);
    expect(text.stdout).toMatch(/year ending 2025, inferred from the bulk of the dates: [\d,]+ of [\d,]+ event dates fall in it; 1 fall after 31\/03\/2025/);
    expect((await json(dir, '--year-ending', '2025')).report.collectionYear).toEqual({ yearEnding: 2025, basis: 'flag' });
  });
});

describe('cli validate findings for analysts', () => {
  it('lists every finding in --json, --limit N of each list, and --csv writes them all, spreadsheet-safe', async () => {
    const tables = copy(years.get(2025)!);
    const reviews = table(tables, 'Reviews');
    const cCode = reviews.columns.indexOf('REVIEW_CODE');
    for (const row of reviews.rows) row[cCode] = 'PN9';
    expect(reviews.rows.length).toBeGreaterThan(1000);
    const dir = await writeReturn(join(work, 'many'), tables);
    // A file whose name starts a formula: its finding's first cell must not run in a spreadsheet.
    await writeFile(join(dir, '=HYPERLINK("x").csv'), 'A;B\n1;2\n');

    const all = await json(dir);
    expect(all.report.errors.length).toBeGreaterThan(1000);
    expect(all.report.errors.length + all.report.queries.length).toBe(all.report.total);

    const limited = await json(dir, '--limit', '3');
    expect(limited.report.errors).toHaveLength(3);
    expect(limited.report).toMatchObject({ limit: 3, total: all.report.total });

    const csvFile = join(work, 'findings.csv');
    const r = await cli(dir, '--limit', '3', '--csv', csvFile);
    expect(r.stderr).toContain(`wrote ${all.report.total} findings to ${csvFile}`);
    const lines = (await readFile(csvFile, 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,row,column,code,severity,message');
    expect(lines).toHaveLength(all.report.total + 1);
    expect(lines).toContain(`"'=HYPERLINK(""x"").csv",1,,NOT_COMMA_SEPARATED,error,"'=HYPERLINK(""x"").csv is separated by semicolons, not commas; save it again as ""CSV UTF-8 (comma delimited)""."`);
    expect(lines.filter((l) => l.startsWith('Reviews,') && l.includes(',error,')).length).toBe(reviews.rows.length);
  });

  it('exits 2 on --limit 0 or a --csv file it cannot write', async () => {
    const dir = await writeReturn(join(work, 'limit'), years.get(2025)!);
    expect((await cli(dir, '--limit', '0')).code).toBe(2);
    expect((await cli(dir, '--csv', join(work, 'no/such/dir/f.csv'))).code).toBe(2);
  });
});

describe('cli validate on SSDA903 XML', () => {
  it('gives the CSV verdict and table counts, and names the element of each finding', async () => {
    const tables = copy(years.get(2025)!);
    const reviews = table(tables, 'Reviews');
    reviews.rows[0]![reviews.columns.indexOf('REVIEW_CODE')] = 'PN9';
    const csv = await cli(await writeReturn(join(work, 'same/csv'), tables));
    const xml = await cli(await writeReturn(join(work, 'same/xml'), tables, 'xml'));
    expect(xml.code).toBe(csv.code);
    const counts = (out: string) => out.split('\n').filter((l) => / rows /.test(l)).sort();
    expect(counts(xml.stdout)).toEqual(counts(csv.stdout));
    const child = table(tables, 'Header').rows.findIndex((r) => r[0] === reviews.rows[0]![0]) + 1;
    expect(xml.stdout).toContain(`Reviews child ${child} (CHILD[${child}]/HEADER/AREVIEW/REVIEW_CODE), REVIEW_CODE:`);
    const { report } = await json(join(work, 'same/xml'));
    expect(report.errors).toContainEqual(expect.objectContaining({ file: 'Reviews', row: child, column: 'REVIEW_CODE', path: `CHILD[${child}]/HEADER/AREVIEW/REVIEW_CODE` }));
  });

  it('reports a DOCTYPE as one file-level error (exit 1)', async () => {
    const dir = join(work, 'xxe');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'return.xml'), '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<EXPSSDA903>&e;</EXPSSDA903>\n');
    const { code, report } = await json(dir);
    expect(code).toBe(1);
    expect(report.errors[0]).toMatchObject({ file: 'return.xml', row: null, code: 'XML_DOCTYPE' });
    // Nothing of the file was read: the rest is the tables it therefore lacks.
    expect(report.errors.slice(1).map((f: { code: string }) => f.code)).toEqual(['MISSING_TABLE', 'MISSING_TABLE']);
  });
});
