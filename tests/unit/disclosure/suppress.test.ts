import { describe, expect, it } from 'vitest';
import { determinedCells, publishCount, publishPercent, roundToTen, suppressCells } from '../../../shared/domain/disclosure/index.ts';

const map = (o: Record<string, number | null>) => new Map(Object.entries(o));

describe('primary suppression (DfE: 1 to 5 shown as c, zero shown)', () => {
  it('suppresses 1–5 only', () => {
    const s = suppressCells(map({ a: 0, b: 1, c: 5, d: 6, e: null }), []);
    expect([...s]).toEqual([['b', 'primary'], ['c', 'primary']]);
  });
  it('publishes a suppressed cell as {suppressed:"c"}, never a number; rounds regional/national counts', () => {
    expect(publishCount(3, 'primary', false)).toEqual({ suppressed: 'c', reason: expect.stringContaining('1 to 5') });
    expect(publishCount(0, undefined, true)).toBe(0);
    expect(publishCount(44, undefined, false)).toBe(44);
    expect(publishCount(44, undefined, true)).toBe(40);
    expect(publishCount(45, undefined, true)).toBe(50);
    expect(roundToTen(6)).toBe(10);
  });
  it('percentages are whole numbers from unrounded counts, suppressed with their counts', () => {
    expect(publishPercent(1, 3, false)).toBe(33);
    expect(publishPercent(2, 3, true)).toEqual({ suppressed: 'c', reason: expect.any(String) });
    expect(publishPercent(0, 0, false)).toBeNull();
  });
});

describe('secondary suppression', () => {
  it('a lone suppressed part: suppress the smallest non-zero other part, not the total or a zero', () => {
    // total 20 = 3 + 0 + 7 + 10: 3 could be recovered as 20 − 0 − 7 − 10, so 7 goes too.
    const s = suppressCells(map({ t: 20, a: 3, z: 0, b: 7, c: 10 }), [{ total: 't', parts: ['a', 'z', 'b', 'c'] }]);
    expect(Object.fromEntries(s)).toEqual({ a: 'primary', b: 'secondary' });
  });
  it('cascades across a row and a column (2 × 2 with totals)', () => {
    //        c1  c2 | row
    //   r1    2  10 |  12
    //   r2    8   9 |  17
    //  col   10  19 |  29
    const values = map({ r1c1: 2, r1c2: 10, r2c1: 8, r2c2: 9, r1: 12, r2: 17, c1: 10, c2: 19, t: 29 });
    const eqs = [
      { total: 'r1', parts: ['r1c1', 'r1c2'] }, { total: 'r2', parts: ['r2c1', 'r2c2'] },
      { total: 'c1', parts: ['r1c1', 'r2c1'] }, { total: 'c2', parts: ['r1c2', 'r2c2'] },
      { total: 't', parts: ['r1', 'r2'] }, { total: 't', parts: ['c1', 'c2'] },
    ];
    const s = suppressCells(values, eqs);
    // r1c1 primary → row r1 needs r1c2 (10), column c1 needs r2c1 (8); then row r2 and column c2 need r2c2.
    expect(Object.fromEntries(s)).toEqual({ r1c1: 'primary', r1c2: 'secondary', r2c1: 'secondary', r2c2: 'secondary' });
    expect(determinedCells(s, eqs)).toEqual([]);
  });
  it('combined equations: a cell every single equation hides can still be determined; the engine closes it', () => {
    // x + y = A and x − y = B (as y + B = x): each equation has two suppressed cells, together they fix x and y.
    const eqs = [{ total: 'A', parts: ['x', 'y'] }, { total: 'x', parts: ['y', 'B'] }];
    expect(determinedCells(new Map([['x', 1], ['y', 1]]), eqs)).toEqual(['x', 'y']);
    const s = suppressCells(map({ A: 10, B: 2, x: 6, y: 4 }), eqs);
    expect(determinedCells(s, eqs)).toEqual([]);
    expect(s.get('y')).toBe('primary');
    expect(s.get('B')).toBe('primary');
  });
  it('is independent of the order of cells and equations', () => {
    const values = { t: 40, a: 3, b: 7, c: 12, d: 18, u: 25, e: 4, f: 21 };
    const eqs = [{ total: 't', parts: ['a', 'b', 'c', 'd'] }, { total: 'u', parts: ['e', 'f'] }, { total: 'c', parts: ['e', 'b', 'a'] }];
    const one = Object.fromEntries([...suppressCells(map(values), eqs)].sort());
    const reversed = Object.fromEntries(Object.entries(values).reverse());
    const two = Object.fromEntries([...suppressCells(map(reversed), [...eqs].reverse().map((e) => ({ ...e, parts: [...e.parts].reverse() })))].sort());
    expect(two).toEqual(one);
  });
});
