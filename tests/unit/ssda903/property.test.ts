/**
 * Property tests: random mutations of the valid set (cells blanked or changed, dates shifted, rows duplicated or
 * dropped, bytes corrupted) never make parsing or validation throw, and never yield a finding that points at a
 * row or column the file does not have.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { addDays, parseUkDate, ukDate } from '../../../shared/domain/ssda903/dates.ts';
import { parse903Files } from '../../../shared/domain/ssda903/parse.ts';
import type { Finding, LaDataset } from '../../../shared/domain/ssda903/records.ts';
import { validate903Upload } from '../../../shared/domain/ssda903/validate/index.ts';
import { toDataset } from '../../../shared/domain/ssda903/dataset.ts';
import { Upload } from './helper.ts';

const TABLES = ['Header', 'Episodes', 'Reviews', 'Missing', 'UASC'];
const VALUES = [
  '', ' ', 'X1', 'S', 'P', 'L', 'T', 'U', 'B', 'C2', 'V3', 'V4', 'L1', 'E1', 'N1', 'U1', 'U4', 'A3', 'A5', 'T0', 'T1', 'T3',
  'T4', 'K2', 'K3', 'R5', 'S1', 'P3', 'Z1', 'H5', 'E11', 'E4A', 'E8', 'E17', 'E45', 'PN0', 'PN1', 'PN9', 'M', 'A', 'F', '2',
  '1', '0', 'CARPL', 'UN1', '01/04/2024', '31/03/2025', '01/04/2025', '29/02/2024', '31/02/2024', '2024-05-01', '1/1/24',
  '15/06/2012', '1001', '1002', '1003', '9999', 'a,b', 'quote"d', 'line\nbreak', '\uFEFF', 'ÿ',
];

const op = fc.oneof(
  fc.record({ kind: fc.constant('blank' as const), t: fc.nat(), r: fc.nat(), c: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), t: fc.nat(), r: fc.nat(), c: fc.nat(), v: fc.constantFrom(...VALUES) }),
  fc.record({ kind: fc.constant('shift' as const), t: fc.nat(), r: fc.nat(), c: fc.nat(), days: fc.integer({ min: -800, max: 800 }) }),
  fc.record({ kind: fc.constant('dup' as const), t: fc.nat(), r: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), t: fc.nat(), r: fc.nat() }),
  fc.record({ kind: fc.constant('bytes' as const), t: fc.nat(), pos: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function mutate(ops: Op[]): { name: string; bytes: Uint8Array }[] {
  const u = new Upload();
  const corrupt: Op[] = [];
  for (const o of ops) {
    const table = TABLES[o.t % TABLES.length]!;
    const rec = u.tables.get(table)!;
    if (o.kind === 'bytes') {
      corrupt.push(o);
      continue;
    }
    // Every row (the header too) may already have been dropped: nothing left to mutate.
    if (rec.length === 0) continue;
    // Row 0 is the header: mutations may hit it too.
    const r = o.r % rec.length;
    const row = rec[r]!;
    if (o.kind === 'dup') rec.push([...row]);
    else if (o.kind === 'drop') rec.splice(r, 1);
    else {
      const c = o.c % row.length;
      if (o.kind === 'blank') row[c] = '';
      else if (o.kind === 'set') row[c] = o.v;
      else {
        const iso = parseUkDate(row[c]);
        if (iso) row[c] = ukDate(addDays(iso, o.days));
      }
    }
  }
  const files = u.files();
  for (const o of corrupt) {
    if (o.kind !== 'bytes') continue;
    const f = files[o.t % files.length]!;
    if (f.bytes.length > 0) f.bytes[o.pos % f.bytes.length] = o.byte;
  }
  return files;
}

/** Records in a file (header included), as the analyst would count rows. */
function recordCount(bytes: Uint8Array): number {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  try {
    return (parse(text, { relax_column_count: true, skip_empty_lines: false }) as unknown[]).length;
  } catch {
    return text.split(/\r\n|\n|\r/).length;
  }
}

function checkFindings(files: { name: string; bytes: Uint8Array }[], previous?: LaDataset): void {
  const parsed = parse903Files(files);
  const report = validate903Upload(parsed, { yearEnding: 2025, ...(previous ? { previous } : {}) });
  const all: Finding[] = [...report.errors, ...report.queries];
  expect(report.total).toBeGreaterThanOrEqual(all.length);
  expect(report.valid).toBe(report.errors.length === 0);
  for (const f of all) {
    expect(typeof f.code).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
    const table = parsed.tables.find((t) => t.table === f.file);
    const file = files.find((x) => x.name === (table?.fileName ?? f.file));
    if (!file) {
      // A table that was not uploaded (MISSING_TABLE) or an internal problem: nothing to point at.
      expect([f.row, f.column]).toEqual([null, null]);
      continue;
    }
    if (f.row !== null) {
      expect(f.row).toBeGreaterThanOrEqual(1);
      expect(f.row).toBeLessThanOrEqual(recordCount(file.bytes));
    }
    if (f.column !== null) expect(table?.columns ?? []).toContain(f.column);
  }
}

describe('mutated uploads', () => {
  const lastYear = toDataset(parse903Files(new Upload().files()).tables, 2024);

  it('never throw and only point at rows and columns that exist', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), fc.boolean(), (ops, withPrevious) => {
        checkFindings(mutate(ops), withPrevious ? lastYear : undefined);
      }),
      { numRuns: 200 },
    );
  });

  it('survive arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        checkFindings([...new Upload().files().slice(1), { name: 'junk.csv', bytes }]);
      }),
      { numRuns: 200 },
    );
  });
});
