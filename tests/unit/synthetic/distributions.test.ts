import { describe, expect, it } from 'vitest';
import { LOCAL_AUTHORITIES } from '../../../shared/domain/tenancy/local-authorities.ts';
import { generateLaReturns } from '../../../shared/synthetic/generate-la.ts';
import { laSize } from '../../../shared/synthetic/national.ts';
import { parseCsv, share, yearStats } from './stats.ts';

// A mid-size LA (about 700 children looked after), three years, with two earlier years as the stored history
// the review sequence reads (each return holds only its year's reviews).
const sheffield = LOCAL_AUTHORITIES.find((la) => la.code === '373')!;
const years = [2023, 2024, 2025];
const out = generateLaReturns(sheffield, { seed: 1, yearsEnding: [2021, 2022, ...years] });
const FOSTER = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'];

describe.each(years)('distributions of a mid-size LA, year ending %i', (year) => {
  const s = yearStats(out.get(year)!, year, [year - 2, year - 1].map((y) => out.get(y)!));

  it('looks after about laSize children on 31 March, a third starting in the year', () => {
    const target = laSize(sheffield, 1);
    expect(Math.abs(s.cla - target) / target).toBeLessThan(0.15);
    expect(s.starters / s.duringYear).toBeGreaterThan(0.2);
    expect(s.starters / s.duringYear).toBeLessThan(0.4);
  });

  it('places most children in foster care, about a tenth in children’s homes', () => {
    const foster = share(s.place, FOSTER, s.cla);
    expect(foster).toBeGreaterThanOrEqual(0.6);
    expect(foster).toBeLessThanOrEqual(0.8);
    const kinship = share(s.place, ['U1', 'U2', 'U3'], s.cla) / foster;
    expect(kinship).toBeGreaterThan(0.1);
    expect(kinship).toBeLessThan(0.25);
    expect(share(s.place, ['K2'], s.cla)).toBeGreaterThanOrEqual(0.07);
    expect(share(s.place, ['K2'], s.cla)).toBeLessThanOrEqual(0.15);
    expect(share(s.place, ['P1'], s.cla)).toBeGreaterThan(0.03);
    expect(share(s.place, ['P1'], s.cla)).toBeLessThan(0.12);
    expect(share(s.place, ['A3', 'A4', 'A5', 'A6'], s.cla)).toBeGreaterThan(0.005);
    expect(share(s.place, ['A3', 'A4', 'A5', 'A6'], s.cla)).toBeLessThan(0.06);
  });

  it('has mostly care orders and some s20', () => {
    expect(share(s.ls, ['C1', 'C2', 'E1'], s.cla)).toBeGreaterThan(0.7);
    expect(share(s.ls, ['V2'], s.cla)).toBeGreaterThan(0.07);
    expect(share(s.ls, ['V2'], s.cla)).toBeLessThan(0.25);
  });

  it('has an older age mix', () => {
    expect(share(s.ageBands, ['10-15', '16+'], s.cla)).toBeGreaterThan(0.5);
    expect(share(s.ageBands, ['<1'], s.cla)).toBeLessThan(0.1);
  });

  it('moves about a tenth of children 3+ times and holds most reviews on time', () => {
    expect(s.threePlus / s.cla).toBeGreaterThan(0.04);
    expect(s.threePlus / s.cla).toBeLessThan(0.16);
    expect(s.reviewsOnTime / s.reviewsInYear).toBeGreaterThanOrEqual(0.75);
    expect(s.reviewsOnTime / s.reviewsInYear).toBeLessThanOrEqual(0.95);
    const pn = s.participation;
    const attended = share(pn, ['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'], 1);
    expect((pn.PN1 ?? 0) / attended).toBeGreaterThan(0.4);
    expect(((pn.PN5 ?? 0) + (pn.PN6 ?? 0) + (pn.PN7 ?? 0)) / attended).toBeGreaterThan(0.1);
  });

  it('has missing incidents, several per missing child, and returns home with some re-entry', () => {
    expect(s.missingChildren / s.duringYear).toBeGreaterThan(0.04);
    expect(s.missingChildren / s.duringYear).toBeLessThan(0.2);
    expect(s.missingIncidents / s.missingChildren).toBeGreaterThan(2);
    const leavers = Object.values(s.leavers).reduce((a, b) => a + b, 0);
    expect(s.returnedHome / leavers).toBeGreaterThan(0.2);
    expect(s.returnedHome / leavers).toBeLessThan(0.5);
    expect(share(s.leavers, ['E11', 'E12'], leavers)).toBeGreaterThan(0.02);
    expect(share(s.leavers, ['E45', 'E46', 'E47', 'E48'], leavers)).toBeGreaterThan(0.04);
    expect(share(s.leavers, ['E17', 'E5', 'E6'], leavers)).toBeGreaterThan(0.1);
    expect(s.reenteredWithin12).toBeGreaterThan(0);
  });
});

describe('people in the returns', () => {
  const tables = out.get(2025)!;
  const header = parseCsv(tables.get('Header')!);

  it('codes SEX by year (1/2 to 2023-24, M/F from 2024-25)', () => {
    expect(new Set(header.map((h) => h.SEX))).toEqual(new Set(['M', 'F']));
    expect(new Set(parseCsv(out.get(2024)!.get('Header')!).map((h) => h.SEX))).toEqual(new Set(['1', '2']));
  });

  it('gives UASC (mostly older boys) and some mothers', () => {
    const uasc = parseCsv(tables.get('UASC')!);
    expect(uasc.length).toBeGreaterThan(5);
    expect(uasc.filter((u) => u.SEX === 'M').length / uasc.length).toBeGreaterThan(0.8);
    expect(header.filter((h) => h.MOTHER === '1' && h.MC_DOB !== '').length).toBeGreaterThan(0);
    expect(header.filter((h) => h.SEX === 'M' && h.MOTHER !== '').length).toBe(0);
  });

  it('writes short-break-only children with V3/V4 episodes and no reviews', () => {
    const episodes = parseCsv(tables.get('Episodes')!);
    const shortBreak = new Set(episodes.filter((e) => e.LS === 'V3' || e.LS === 'V4').map((e) => e.CHILD));
    expect(shortBreak.size).toBeGreaterThan(3);
    const reviewed = new Set(parseCsv(tables.get('Reviews')!).map((r) => r.CHILD));
    for (const child of shortBreak) expect(reviewed.has(child)).toBe(false);
  });

  it('writes small outcome tables (OC2, OC3, AD1, PlacedAdoption, PrevPerm) for children in Header', () => {
    const ids = new Set(header.map((h) => h.CHILD));
    for (const table of ['OC2', 'OC3', 'AD1', 'PlacedAdoption', 'PrevPerm', 'SWEpisodes'] as const) {
      const rows = parseCsv(tables.get(table)!);
      expect(rows.length, table).toBeGreaterThan(0);
      for (const r of rows) expect(ids.has(r.CHILD!), `${table} ${r.CHILD}`).toBe(true);
    }
  });
});
