/**
 * Test helper: the valid fixture set (tests/fixtures/903/valid) as editable tables; each test changes one thing
 * and validates the result as an upload of CSV files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse903Files } from '../../../shared/domain/ssda903/parse.ts';
import type { Finding, LaDataset, TableName } from '../../../shared/domain/ssda903/records.ts';
import { validate903Upload, type ValidationReport } from '../../../shared/domain/ssda903/validate/index.ts';

export const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures/903/valid');

const FIXTURE: Map<string, string[][]> = new Map(
  readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => {
      const records = parse(readFileSync(join(FIXTURE_DIR, f), 'utf8')) as string[][];
      return [tableOf(records[0]!), records] as const;
    }),
);

function tableOf(header: string[]): string {
  const key = header.join(',');
  if (key.startsWith('CHILD,SEX,DOB,ETHNIC')) return 'Header';
  if (key.startsWith('CHILD,DECOM')) return 'Episodes';
  if (key.startsWith('CHILD,DOB,REVIEW')) return 'Reviews';
  if (key.startsWith('CHILD,DOB,MISSING')) return 'Missing';
  if (key.startsWith('CHILD,SEX,DOB,DUC')) return 'UASC';
  throw new Error(`unknown fixture header ${key}`);
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(records: string[][]): string {
  return `${records.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

/** Episode shorthand: [DECOM, RNE, LS, PLACE, DEC, REC, REASON_PLACE_CHANGE?, PL_POST?, CIN?]. */
export type Ep = [string, string, string, string, string, string, string?, string?, string?];

/** An editable copy of the valid set. Rows are addressed by their line in the file (header = 1). */
export class Upload {
  readonly tables: Map<string, string[][]>;

  constructor() {
    this.tables = new Map([...FIXTURE].map(([k, v]) => [k, v.map((r) => [...r])]));
  }

  private records(table: string): string[][] {
    const r = this.tables.get(table);
    if (!r) throw new Error(`no ${table} in the set`);
    return r;
  }

  /** Sets one cell; `row` is the line in the file (2 = first data row). */
  set(table: string, row: number, column: string, value: string): this {
    const rec = this.records(table);
    const c = rec[0]!.indexOf(column);
    if (c < 0 || !rec[row - 1]) throw new Error(`no ${table} row ${row} column ${column}`);
    rec[row - 1]![c] = value;
    return this;
  }

  /** Appends a row given by column; returns its line in the file. */
  add(table: string, cells: Record<string, string>): number {
    if (!this.tables.has(table)) throw new Error(`no ${table}`);
    const rec = this.records(table);
    rec.push(rec[0]!.map((c) => cells[c] ?? ''));
    return rec.length;
  }

  /** Appends a copy of a row; returns the copy's line. */
  copy(table: string, row: number): number {
    const rec = this.records(table);
    rec.push([...rec[row - 1]!]);
    return rec.length;
  }

  remove(table: string, row: number): this {
    this.records(table).splice(row - 1, 1);
    return this;
  }

  drop(table: string): this {
    this.tables.delete(table);
    return this;
  }

  /** Adds a whole table given as records (header first). */
  put(table: string, records: string[][]): this {
    this.tables.set(table, records);
    return this;
  }

  /** Replaces all episodes of a child by the given ones (appended at the end); returns their lines. */
  episodes(child: string, eps: Ep[]): number[] {
    const rec = this.records('Episodes');
    const kept = rec.filter((r, i) => i === 0 || r[0] !== child);
    rec.length = 0;
    rec.push(...kept);
    return eps.map(([decom, rne, ls, place, dec, rec2, reason = '', plPost = 'ZZ1 1ZZ', cin = 'N1']) =>
      this.add('Episodes', {
        CHILD: child, DECOM: decom, RNE: rne, LS: ls, CIN: cin, PLACE: place, PLACE_PROVIDER: 'PR1', DEC: dec, REC: rec2,
        REASON_PLACE_CHANGE: reason, HOME_POST: 'AA1 1AA', PL_POST: plPost, URN: 'SC000001',
      }));
  }

  files(): { name: string; bytes: Uint8Array }[] {
    return [...this.tables].map(([t, r]) => ({ name: `${t.toLowerCase()}.csv`, bytes: new TextEncoder().encode(toCsv(r)) }));
  }
}

export type Found = Finding & { severity: 'error' | 'query' };

export function validateUpload(u: Upload, options: { yearEnding?: number; previous?: LaDataset } = {}): { report: ValidationReport; all: Found[] } {
  const report = validate903Upload(parse903Files(u.files()), { yearEnding: options.yearEnding ?? 2025, ...(options.previous ? { previous: options.previous } : {}) });
  // A finding's severity is the list it is in: 101 is an error or a query depending on the SEX coding.
  const all = [
    ...report.errors.map((f) => ({ ...f, severity: 'error' as const })),
    ...report.queries.map((f) => ({ ...f, severity: 'query' as const })),
  ];
  return { report, all };
}

export function findings(u: Upload, options: { yearEnding?: number; previous?: LaDataset } = {}): Found[] {
  return validateUpload(u, options).all;
}

export function withCode(all: Found[], code: string): Found[] {
  return all.filter((f) => f.code === code);
}

export type Where = { file: TableName | string; row: number | null; column: string | null };
