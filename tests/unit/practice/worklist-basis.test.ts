/**
 * The stored worklist basis (worklistBasis) against the whole LA: for every date on or after the basis date the
 * worklist built from the basis is the worklist built from everything, row for row, while the basis holds a
 * fraction of the records. A generated mid-size LA (Sheffield), two years merged as the tenant job merges them.
 */
import { describe, expect, it } from 'vitest';
import { mergeDatasets } from '../../../shared/domain/metrics/history.ts';
import { buildWorklist, worklistBasis } from '../../../shared/domain/practice/worklist.ts';
import { toDataset } from '../../../shared/domain/ssda903/dataset.ts';
import { parse903Files } from '../../../shared/domain/ssda903/parse.ts';
import { LOCAL_AUTHORITIES } from '../../../shared/domain/tenancy/local-authorities.ts';
import { generateLaReturns } from '../../../shared/synthetic/generate-la.ts';
import { generatePracticeRecords } from '../../../shared/synthetic/practice/generate.ts';

const sheffield = LOCAL_AUTHORITIES.find((la) => la.code === '373')!;
const years = [2024, 2025];
const returns = generateLaReturns(sheffield, { seed: 7, yearsEnding: years });
const encoder = new TextEncoder();
const dataset = mergeDatasets(years.map((y) => toDataset(parse903Files([...returns.get(y)!].map(([t, text]) => ({ name: `${t}.csv`, bytes: encoder.encode(text) }))).tables, y)));
const records = generatePracticeRecords(dataset, { seed: 7, laCode: '373' });
const FROM = '2024-11-15';
const basis = worklistBasis(dataset, records, FROM);

describe('the worklist basis', () => {
  it('gives the same rows as the whole LA on the basis date and every later date, for the LA and for one IRO', () => {
    const iro = records.iros[0]!.id;
    for (const date of [FROM, '2024-12-24', '2025-02-03', '2025-03-31', '2025-09-01', '2026-12-02']) {
      const whole = buildWorklist(dataset, records, date);
      expect(whole.length, date).toBeGreaterThan(0);
      expect(buildWorklist(basis.dataset, basis.records, date), date).toEqual(whole);
      expect(buildWorklist(basis.dataset, basis.records, date, { iro }), date).toEqual(buildWorklist(dataset, records, date, { iro }));
    }
  });

  it('holds a fraction of the LA: no child who left care by the basis date, no closed decision or dispute', () => {
    expect(basis.dataset.children.length).toBeLessThan(dataset.children.length * 0.8);
    expect(basis.records.decisions.length).toBeLessThan(records.decisions.length / 2);
    expect(basis.records.allocations.length).toBeLessThan(records.allocations.length);
    expect(basis.records.disputes.every((d) => d.status === 'open')).toBe(true);
  });

  it('is not the worklist of an earlier date (so the equality above is not vacuous)', () => {
    const before = '2024-06-03';
    expect(buildWorklist(basis.dataset, basis.records, before)).not.toEqual(buildWorklist(dataset, records, before));
  });
});
