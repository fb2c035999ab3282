/** inferYearEnding: the collection year from the bulk of a return's dates, never moved by a few bad ones. */
import { describe, expect, it } from 'vitest';
import { inferYearEnding } from '../../../shared/domain/ssda903/dates.ts';
import { parse903Files } from '../../../shared/domain/ssda903/parse.ts';
import type { RawTable } from '../../../shared/domain/ssda903/records.ts';
import { LOCAL_AUTHORITIES } from '../../../shared/domain/tenancy/local-authorities.ts';
import { generateLaReturns } from '../../../shared/synthetic/generate-la.ts';
import { Upload } from './helper.ts';

const TODAY = '2026-12-02';
const reviews = (...dates: string[]): RawTable => ({
  table: 'Reviews', columns: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'], rows: dates.map((d) => ['1', '01/01/2010', d, 'PN1']),
});

describe('inferYearEnding', () => {
  it('takes the latest year holding at least half as many dates as the busiest', () => {
    // 2023-24 (year ending 2024): 3 dates; 2024-25: 2 dates (2 × 2 ≥ 3, so it counts); 2025-26: 1 date (1 × 2 < 3).
    const t = reviews('01/05/2023', '01/11/2023', '01/02/2024', '01/06/2024', '31/03/2025', '01/04/2025');
    expect(inferYearEnding([t], TODAY)).toEqual({ yearEnding: 2025, basis: 'dates', dates: 6, inYear: 2, afterYear: 1 });
  });

  it('is not moved by one DEC after the year end (the latest date, which the year used to follow)', () => {
    const u = new Upload();
    u.set('Episodes', 2, 'DEC', '01/04/2025');
    const { tables } = parse903Files(u.files());
    // The fixture's 23 event dates: 20 in 2024-25, two DECOMs before it (2022, 2023), and this DEC, alone in 2025-26.
    expect(inferYearEnding(tables, TODAY)).toEqual({ yearEnding: 2025, basis: 'dates', dates: 23, inYear: 20, afterYear: 1 });
  });

  it('finds each year of generated returns, whatever earlier dates they carry', () => {
    const la = LOCAL_AUTHORITIES.find((l) => l.code === '805')!;
    const years = generateLaReturns(la, { seed: 3, yearsEnding: [2023, 2024, 2025], scale: 0.3 });
    for (const [year, csv] of years) {
      const { tables } = parse903Files([...csv].map(([t, text]) => ({ name: `${t}.csv`, bytes: new TextEncoder().encode(text) })));
      const inferred = inferYearEnding(tables, TODAY);
      expect(inferred.yearEnding).toBe(year);
      expect(inferred.afterYear).toBe(0);
      // The return also holds earlier years' dates (episodes and reviews of long stays): the rule must see past them.
      expect(inferred.inYear).toBeLessThan(inferred.dates);
    }
  });

  it('falls back to the year in progress today when there is no event date', () => {
    expect(inferYearEnding([reviews('not a date')], TODAY)).toEqual({ yearEnding: 2027, basis: 'today', dates: 0, inYear: 0, afterYear: 0 });
    expect(inferYearEnding([], '2026-03-31').yearEnding).toBe(2026);
  });
});
