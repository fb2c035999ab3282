import { describe, expect, it } from 'vitest';
import { toDataset } from '../../../shared/domain/ssda903/dataset.ts';
import { parse903Files } from '../../../shared/domain/ssda903/parse.ts';
import type { LaDataset } from '../../../shared/domain/ssda903/records.ts';
import { validate903 } from '../../../shared/domain/ssda903/validate/index.ts';
import { LOCAL_AUTHORITIES } from '../../../shared/domain/tenancy/local-authorities.ts';
import { generateLaReturns } from '../../../shared/synthetic/generate-la.ts';

const encoder = new TextEncoder();
const summary = (findings: { code: string; file: string; row: number | null; message: string }[]) =>
  findings.slice(0, 5).map((f) => `${f.code} ${f.file}:${f.row} ${f.message}`);

// Tiny, London, a big county with many UASC, a unitary, a metropolitan borough; different seeds.
const cases: [string, number, number[], number][] = [
  ['201', 1, [2023, 2024, 2025], 1],
  ['420', 2, [2023, 2024, 2025], 1],
  ['212', 3, [2023, 2024, 2025], 1],
  ['886', 4, [2023, 2024, 2025], 0.4],
  ['852', 5, [2023, 2024, 2025], 1],
  ['354', 6, [2024, 2025, 2026], 0.6],
];

describe.each(cases)('LA %s (seed %i) passes the 903 validator', (code, seed, years, scale) => {
  const la = LOCAL_AUTHORITIES.find((l) => l.code === code)!;
  const out = generateLaReturns(la, { seed, yearsEnding: years, scale });
  let previous: LaDataset | undefined;

  it.each(years)('year ending %i: every table parses and validates with no errors', (year) => {
    const files = [...out.get(year)!].map(([table, text]) => ({ name: `${table}.csv`, bytes: encoder.encode(text) }));
    const parsed = parse903Files(files);
    expect(summary(parsed.findings)).toEqual([]);
    expect(parsed.tables).toHaveLength(files.length);
    const report = validate903(parsed.tables, { yearEnding: year, ...(previous ? { previous } : {}) });
    expect(summary(report.errors)).toEqual([]);
    expect(report.valid).toBe(true);
    // Queries are allowed by the DfE but the generator aims for none; a stray random one is tolerated.
    expect(report.queries.length, summary(report.queries).join('\n')).toBeLessThanOrEqual(3);
    previous = toDataset(parsed.tables, year);
    expect(previous.children.length).toBeGreaterThan(0);
  });
});
