/** The sibling placement classifier: same PL_POST, URN and PLACE_PROVIDER on the date = placed together. */
import { describe, expect, it } from 'vitest';
import { classifySiblingPlacements, siblingsByChild } from '../../../shared/domain/practice/siblings.ts';
import { chain, child, dataset } from '../metrics/factories.ts';

const at = (plPost: string | null, urn = 'XXXXXXX', placeProvider = 'PR1', place = 'U4') => ({ plPost, urn, placeProvider, place });
const groups = [{ id: 'g', children: ['P', 'Q', 'R', 'S'], recorded: '2025-01-01' }];

describe('sibling placement classifier', () => {
  it('needs all three fields equal: a different URN or provider at the same postcode is a different placement', () => {
    const la = dataset(
      child('P', { episodes: chain([{ decom: '2024-01-01', ...at('AB1 2CD') }]) }),
      child('Q', { episodes: chain([{ decom: '2024-01-01', ...at('AB1 2CD') }]) }),
      child('R', { episodes: chain([{ decom: '2024-01-01', ...at('AB1 2CD', 'SC000001', 'PR4', 'U6') }]) }),
      child('S', { episodes: chain([{ decom: '2024-01-01', ...at('AB1 2CD', 'XXXXXXX', 'PR2') }]) }),
    );
    const rows = classifySiblingPlacements(la, groups, '2025-03-31');
    expect(rows.map((r) => [r.child, r.placement, r.siblings, r.together, r.foster])).toEqual([
      ['P', 'some', 3, 1, true], ['Q', 'some', 3, 1, true], ['R', 'none', 3, 0, true], ['S', 'none', 3, 0, true],
    ]);
  });

  it('counts only siblings looked after on the date (short breaks are not care), and never matches a blank PL_POST', () => {
    const la = dataset(
      child('P', { episodes: chain([{ decom: '2024-01-01', ...at(null) }]) }),
      child('Q', { episodes: chain([{ decom: '2024-01-01', ...at(null) }]) }),
      // R left on 31 March itself (DEC = date is no longer looked after); S is on a short break (V3).
      child('R', { episodes: chain([{ decom: '2024-01-01', ...at(null) }], { dec: '2025-03-31', rec: 'E13' }) }),
      child('S', { episodes: chain([{ decom: '2025-03-01', ls: 'V3', ...at(null) }]) }),
    );
    const rows = classifySiblingPlacements(la, groups, '2025-03-31');
    expect(rows.map((r) => [r.child, r.placement, r.siblings])).toEqual([['P', 'none', 1], ['Q', 'none', 1]]);
    // The day before, R was still there.
    expect(classifySiblingPlacements(la, groups, '2025-03-30').map((r) => r.siblings)).toEqual([2, 2, 2]);
  });

  it('takes the union of a child’s groups', () => {
    const map = siblingsByChild([{ id: 'a', children: ['P', 'Q'], recorded: '2025-01-01' }, { id: 'b', children: ['Q', 'R'], recorded: '2025-01-01' }]);
    expect([...map.get('Q')!].sort()).toEqual(['P', 'R']);
    expect([...map.get('P')!]).toEqual(['Q']);
  });
});
