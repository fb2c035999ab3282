import { describe, expect, it } from 'vitest';
import { LOCAL_AUTHORITIES } from '../../../shared/domain/tenancy/local-authorities.ts';
import { generateLaReturns } from '../../../shared/synthetic/generate-la.ts';
import { Rng } from '../../../shared/synthetic/prng.ts';

const southampton = LOCAL_AUTHORITIES.find((la) => la.code === '852')!;
const years = [2023, 2024, 2025];

function flatten(out: ReturnType<typeof generateLaReturns>): string {
  return [...out].map(([y, tables]) => [...tables].map(([t, text]) => `# ${y} ${t}\n${text}`).join('')).join('');
}

describe('synthetic 903 determinism', () => {
  it('gives byte-identical returns for the same LA and seed', () => {
    const a = flatten(generateLaReturns(southampton, { seed: 42, yearsEnding: years, scale: 0.5 }));
    const b = flatten(generateLaReturns(southampton, { seed: 42, yearsEnding: years, scale: 0.5 }));
    expect(a.length).toBeGreaterThan(10_000);
    expect(a).toContain('# 2025 Reviews\nCHILD,DOB,REVIEW,REVIEW_CODE\n');
    expect(b).toBe(a);
  });

  it('gives different returns for a different seed', () => {
    const a = generateLaReturns(southampton, { seed: 42, yearsEnding: [2025] }).get(2025)!.get('Episodes');
    const b = generateLaReturns(southampton, { seed: 43, yearsEnding: [2025] }).get(2025)!.get('Episodes');
    expect(b).not.toBe(a);
  });

  it("keeps a year's files the same whichever other years are asked for", () => {
    const alone = generateLaReturns(southampton, { seed: 5, yearsEnding: [2024], scale: 0.5 }).get(2024)!;
    const inRun = generateLaReturns(southampton, { seed: 5, yearsEnding: [2023, 2024, 2025], scale: 0.5 }).get(2024)!;
    for (const [table, text] of alone) expect(inRun.get(table), table).toBe(text);
  });

  it('returns every table for each year, SWEpisodes only from 2023-24', () => {
    const out = generateLaReturns(southampton, { seed: 1, yearsEnding: years, scale: 0.3 });
    expect([...out.keys()]).toEqual(years);
    expect([...out.get(2023)!.keys()]).not.toContain('SWEpisodes');
    expect([...out.get(2025)!.keys()].sort()).toEqual(
      ['AD1', 'Episodes', 'Header', 'Missing', 'OC2', 'OC3', 'PlacedAdoption', 'PrevPerm', 'Reviews', 'SWEpisodes', 'UASC'],
    );
    expect(out.get(2025)!.get('Header')!.split('\n')[0]).toBe('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB');
  });

  it('seeds independent PRNG streams', () => {
    const draw = (...words: number[]) => {
      const rng = new Rng(...words);
      return Array.from({ length: 5 }, () => rng.nextUint32());
    };
    expect(draw(1, 2, 3)).toEqual(draw(1, 2, 3));
    expect(draw(1, 2, 3)).not.toEqual(draw(1, 2, 4));
    expect(draw(1, 2, 3)).not.toEqual(draw(1, 3, 2));
    const rng = new Rng(9);
    const xs = Array.from({ length: 10_000 }, () => rng.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});
