import { describe, expect, it } from 'vitest';
import { LOCAL_AUTHORITIES } from '../../../shared/domain/tenancy/local-authorities.ts';
import { NATIONAL_CLA, laSize } from '../../../shared/synthetic/national.ts';

const byName = (name: string) => LOCAL_AUTHORITIES.find((la) => la.name === name)!;

describe('national sizing', () => {
  it.each([1, 2, 12345])('sums the 153 LAs to about 84,000 (seed %i)', (seed) => {
    const total = LOCAL_AUTHORITIES.reduce((sum, la) => sum + laSize(la, seed), 0);
    expect(LOCAL_AUTHORITIES).toHaveLength(153);
    expect(Math.abs(total - NATIONAL_CLA) / NATIONAL_CLA).toBeLessThan(0.05);
  });

  it('has a realistic spread', () => {
    const seed = 1;
    expect(laSize(byName('City of London'), seed)).toBeLessThanOrEqual(15);
    expect(laSize(byName('Isles of Scilly'), seed)).toBeLessThanOrEqual(8);
    for (const big of ['Kent', 'Birmingham', 'Lancashire']) {
      const n = laSize(byName(big), seed);
      expect(n, big).toBeGreaterThanOrEqual(1500);
      expect(n, big).toBeLessThanOrEqual(2600);
    }
    const boroughs = LOCAL_AUTHORITIES.filter((la) => la.region === 'London' && la.name !== 'City of London')
      .map((la) => laSize(la, seed));
    const inRange = boroughs.filter((n) => n >= 100 && n <= 700).length;
    expect(inRange / boroughs.length).toBeGreaterThan(0.9);
  });

  it('is deterministic per seed and varies between seeds', () => {
    const kent = byName('Kent');
    expect(laSize(kent, 7)).toBe(laSize(kent, 7));
    const a = LOCAL_AUTHORITIES.map((la) => laSize(la, 7));
    const b = LOCAL_AUTHORITIES.map((la) => laSize(la, 8));
    expect(a).not.toEqual(b);
  });
});
