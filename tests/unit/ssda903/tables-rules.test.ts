/**
 * The OC2, OC3, AD1, PlacedAdoption, PrevPerm, UASC and SWEpisodes rules: each case breaks the full valid set in one
 * way and checks the exact file, row, column, code and severity, then a near miss that must not raise the code.
 */
import { describe, expect, it } from 'vitest';
import { SEVERITY } from '../../../shared/domain/ssda903/validate/index.ts';
import { TABLE_ERRORS, TABLE_QUERIES } from '../../../shared/domain/ssda903/validate/tables/index.ts';
import { findings, withCode } from './helper.ts';
import { TABLE_CASES, fullSet } from './tables-cases.ts';

describe('the full valid set', () => {
  it('has no finding at all', () => {
    expect(findings(fullSet())).toEqual([]);
  });
  it('raises SW17STG2 only from 2025-26', () => {
    expect(withCode(findings(fullSet()), 'SW17STG2')).toEqual([]);
  });
});

describe('table rules', () => {
  for (const c of TABLE_CASES) {
    describe(`${c.code}: ${c.name}`, () => {
      it('fails with the exact file, row, column and severity', () => {
        const u = fullSet();
        const where = c.fail(u);
        const hits = withCode(findings(u, { yearEnding: c.yearEnding ?? 2025, ...(c.previous ? { previous: c.previous } : {}) }), c.code);
        const found = hits.map((f) => ({ file: f.file, row: f.row, column: f.column }));
        for (const w of Array.isArray(where) ? where : [where]) expect(found).toContainEqual(w);
        for (const f of hits) {
          expect(f.severity).toBe(SEVERITY.get(c.code));
          expect(f.message.length).toBeGreaterThan(10);
        }
      });
      it('passes on a near miss', () => {
        const u = fullSet();
        c.pass?.(u);
        expect(withCode(findings(u, { yearEnding: c.yearEnding ?? 2025, ...(c.previous ? { previous: c.previous } : {}) }), c.code)).toEqual([]);
      });
    });
  }
});

describe('every table rule', () => {
  it('has a failing case', () => {
    const tested = new Set(TABLE_CASES.map((c) => c.code));
    expect([...TABLE_ERRORS, ...TABLE_QUERIES].filter((c) => !tested.has(c))).toEqual([]);
  });
  it('is registered with its severity', () => {
    for (const c of TABLE_ERRORS) expect(SEVERITY.get(c)).toBe('error');
    for (const c of TABLE_QUERIES) expect(SEVERITY.get(c)).toBe('query');
  });
});
