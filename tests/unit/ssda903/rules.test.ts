/**
 * One failing and one passing case per rule: each starts from the valid set, changes one thing, and checks the
 * exact file, row, column, code and severity of the finding (or its absence).
 */
import { describe, expect, it } from 'vitest';
import { DFE_MESSAGES } from '../../../shared/domain/ssda903/validate/dfe-messages.ts';
import { SEVERITY } from '../../../shared/domain/ssda903/validate/index.ts';
import { TABLE_ERRORS, TABLE_QUERIES } from '../../../shared/domain/ssda903/validate/tables/index.ts';
import { Upload, findings, withCode } from './helper.ts';
import { cases } from './rule-cases.ts';

describe('the valid set', () => {
  it('has no finding at all', () => {
    expect(findings(new Upload())).toEqual([]);
  });
});

describe('rules', () => {
  for (const c of cases) {
    describe(`${c.code}: ${c.name}`, () => {
      it('fails with the exact file, row, column and severity', () => {
        const u = new Upload();
        const where = c.fail(u);
        const hits = withCode(findings(u, { yearEnding: c.yearEnding ?? 2025 }), c.code);
        expect(hits.map((f) => ({ file: f.file, row: f.row, column: f.column }))).toContainEqual(where);
        for (const f of hits) {
          expect(f.severity).toBe(c.severity ?? SEVERITY.get(c.code));
          expect(f.message.length).toBeGreaterThan(10);
          // A DfE code quotes the DfE's own message (cut only by the 400-character cap).
          const dfe = DFE_MESSAGES.get(c.code);
          if (dfe !== undefined) expect(f.message).toContain(`DfE ${c.code}: ${dfe.slice(0, 40)}`);
        }
      });
      it('passes on a near miss', () => {
        const u = new Upload();
        c.pass?.(u);
        expect(withCode(findings(u, { yearEnding: c.yearEnding ?? 2025 }), c.code)).toEqual([]);
      });
    });
  }
});

describe('every rule code is tested', () => {
  it('has a failing case for each code of the registry that rows can raise', () => {
    const tested = new Set(cases.map((c) => c.code));
    const elsewhere = new Set([
      // file level: parse.test.ts; previous year: continuity.test.ts; other tables: cross-table below
      'EMPTY_FILE', 'NOT_UTF8', 'NOT_CSV', 'NOT_COMMA_SEPARATED', 'UNRECOGNISED_FILE', 'MISSING_COLUMN', 'EXTRA_COLUMN',
      'DUPLICATE_COLUMN', 'DUPLICATE_TABLE', 'ROW_LENGTH', 'INTERNAL_ERROR', 'CHILD_NOT_IN_HEADER', 'DOB_DIFFERS',
      'INT01', 'INT02', 'INT05', 'INT06', 'INT07', 'INT11', 'INT12', 'INT14', 'INT15', 'INT16',
      // the OC2, OC3, AD1, PlacedAdoption, PrevPerm, UASC and SWEpisodes rules: tables-*.test.ts
      ...TABLE_ERRORS, ...TABLE_QUERIES,
      '502', '503A', '503B', '503C', '503D', '503E', '503F', '503G', 'NoE', '562', '202', '203', '204', '207', '208',
      '624', '626', '576',
      'FIELD_TOO_LONG', 'FIELD_CHARACTERS', // field-limits.test.ts
    ]);
    const untested = [...SEVERITY.keys()].filter((c) => !tested.has(c) && !elsewhere.has(c));
    expect(untested).toEqual([]);
  });
});
