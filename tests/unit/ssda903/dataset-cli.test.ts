/** toDataset, the report cap, and the `validate` CLI command run in-process. */
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureRun } from '../../helpers/capture.ts';
import { run } from '../../../functions/cli/commands/validate.ts';
import { load903Folder } from '../../../functions/cli/read-903-folder.ts';
import { toDataset } from '../../../shared/domain/ssda903/dataset.ts';
import { validate903 } from '../../../shared/domain/ssda903/validate/index.ts';
import { FIXTURE_DIR, Upload } from './helper.ts';
import { parse903Files } from '../../../shared/domain/ssda903/parse.ts';

describe('toDataset', () => {
  it('groups typed records per child with ISO dates, nulls and sorted episodes', async () => {
    const { tables } = await load903Folder(FIXTURE_DIR);
    const shuffled = tables.map((t) => (t.table === 'Episodes' ? { ...t, rows: [...t.rows].reverse() } : t));
    const ds = toDataset(shuffled, 2025);
    expect(ds.yearEnding).toBe(2025);
    expect(ds.children.map((c) => c.child)).toEqual(['1001', '1002', '1003', '1004', '1005']);
    const c1 = ds.children[0]!;
    expect(c1.header).toEqual({ child: '1001', sex: 'F', dob: '2012-06-15', ethnic: 'WBRI', upn: 'R886123412001', mother: '0', mcDob: null });
    expect(c1.episodes.map((e) => [e.decom, e.dec, e.rec, e.reasonPlaceChange])).toEqual([
      ['2022-01-10', '2024-08-05', 'X1', 'CARPL'], ['2024-08-05', null, null, null],
    ]);
    expect(c1.reviews.map((r) => [r.review, r.reviewCode])).toEqual([['2024-05-01', 'PN1'], ['2024-11-01', 'PN1']]);
    const c3 = ds.children[2]!;
    expect(c3.missing).toEqual([
      { child: '1003', dob: '2008-03-03', missing: 'M', misStart: '2024-10-01', misEnd: '2024-10-03' },
      { child: '1003', dob: '2008-03-03', missing: 'A', misStart: '2024-12-14', misEnd: '2024-12-15' },
    ]);
    expect(c3.uasc).toEqual({ child: '1003', sex: 'M', dob: '2008-03-03', duc: '2026-03-03' });
  });
});

describe('report cap', () => {
  it('lists at most 1,000 errors but counts them all', () => {
    const u = new Upload();
    for (let i = 0; i < 1200; i++) u.add('Reviews', { CHILD: '1001', DOB: '15/06/2012', REVIEW: `bad${i}`, REVIEW_CODE: 'PN1' });
    const report = validate903(parse903Files(u.files()).tables, { yearEnding: 2025 });
    expect(report.valid).toBe(false);
    expect(report.errors).toHaveLength(1000);
    expect(report.total).toBe(1200);
  });
});

describe('validate command', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const cli = (args: string[]) => captureRun(run, args);

  it('exits 0 on the valid fixture, with a readable report', async () => {
    const r = await cli([FIXTURE_DIR]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('year ending 2025');
    expect(r.out).toMatch(/Episodes\s+8 rows/);
    expect(r.out).toContain('VALID');
  });

  it('exits 0 with --json and the report shape', async () => {
    const r = await cli([FIXTURE_DIR, '--json', '--year-ending', '2025']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ collectionYear: { yearEnding: 2025, basis: 'flag' }, previousYear: null, valid: true, total: 0, errors: [], queries: [] });
  });

  it('exits 1 on a broken copy and reports each finding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iro903-'));
    dirs.push(dir);
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    const eps = readFileSync(join(dir, 'episodes.csv'), 'utf8').replace('1004,02/06/2024,S,V2,N1,U5,PR2,30/11/2024', '1004,02/06/2024,S,V2,N1,U5,PR2,01/06/2024');
    writeFileSync(join(dir, 'episodes.csv'), eps);
    writeFileSync(join(dir, 'notes.csv'), 'NAME;VALUE\nx;y\n');
    const json = await cli([dir, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out);
    expect(Object.keys(report)).toEqual(['collectionYear', 'previousYear', 'valid', 'total', 'errors', 'queries']);
    expect(report.valid).toBe(false);
    expect(report.errors).toContainEqual(expect.objectContaining({ file: 'Episodes', row: 7, column: 'DEC', code: '356' }));
    expect(report.errors).toContainEqual(expect.objectContaining({ file: 'notes.csv', row: 1, column: null, code: 'NOT_COMMA_SEPARATED' }));
    for (const f of [...report.errors, ...report.queries]) expect(Object.keys(f)).toEqual(['file', 'row', 'column', 'code', 'message']);
    const text = await cli([dir]);
    expect(text.code).toBe(1);
    expect(text.out).toContain('Episodes row 7, DEC: [356]');
    expect(text.out).toContain('INVALID');
  });

  it.each([
    [[]], [['a', 'b']], [[FIXTURE_DIR, '--year-ending', 'x']], [[FIXTURE_DIR, '--year-ending']], [['/no/such/dir']], [[FIXTURE_DIR, '--colour']],
  ])('exits 2 on usage problems: %j', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage');
  });
});
