/**
 * Primary and secondary suppression of a set of linked tables (DESIGN.md §5, DfE practice for published
 * children's social care statistics). Pure and deterministic: the result depends only on the cells and
 * equations given, never on their order.
 *
 * Cells are named by string keys. An equation says `total = Σ parts` (a column total, a region against its LAs,
 * England against the regions, or a row relation such as the reasons of placement moves summing to the moves).
 *  - Primary: every count from 1 to 5 (zero is shown).
 *  - Secondary: while some equation has exactly one suppressed cell (so that cell = total − the other cells),
 *    suppress one more of its cells, preferring a part over the total, a non-zero cell over a zero, the smallest
 *    value, then the key. Repeat until no equation has exactly one suppressed cell; each new suppression is
 *    checked against every equation it is in, so cascades across rows, regions and England are followed.
 * Cells whose value is null (not available) are not published and take no part in any equation.
 */
import type { SuppressionKind } from './types.ts';

export interface Equation {
  total: string;
  parts: readonly string[];
}

export function isPrimaryCount(value: number): boolean {
  return value >= 1 && value <= 5;
}

export function suppressCells(values: ReadonlyMap<string, number | null>, equations: readonly Equation[]): Map<string, SuppressionKind> {
  const status = new Map<string, SuppressionKind>();
  const keys = [...values.keys()].sort();
  for (const k of keys) {
    const v = values.get(k);
    if (v !== null && v !== undefined && isPrimaryCount(v)) status.set(k, 'primary');
  }
  const live = (k: string) => values.get(k) !== null && values.get(k) !== undefined;
  const eqs = equations
    .map((e) => ({ total: e.total, parts: [...new Set(e.parts)].filter(live).sort() }))
    .filter((e) => live(e.total) && e.parts.length > 0)
    .sort((a, b) => (a.total < b.total ? -1 : a.total > b.total ? 1 : a.parts.join() < b.parts.join() ? -1 : a.parts.join() > b.parts.join() ? 1 : 0));
  const byCell = new Map<string, number[]>();
  eqs.forEach((e, i) => {
    for (const k of [e.total, ...e.parts]) {
      let list = byCell.get(k);
      if (!list) byCell.set(k, (list = []));
      list.push(i);
    }
  });

  const rank = (k: string): [number, number, string] => {
    const v = values.get(k) ?? 0;
    return [v === 0 ? 1 : 0, v, k];
  };
  const before = (a: string, b: string): boolean => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] !== rb[0] ? ra[0] < rb[0] : ra[1] !== rb[1] ? ra[1] < rb[1] : ra[2] < rb[2];
  };

  // Work list of equations to check, processed in index order for determinism.
  const pending = new Set<number>(eqs.map((_, i) => i));
  while (pending.size > 0) {
    const i = Math.min(...pending);
    pending.delete(i);
    const e = eqs[i]!;
    const cells = [e.total, ...e.parts];
    const hidden = cells.filter((k) => status.has(k));
    if (hidden.length !== 1) continue;
    let pick: string | undefined;
    for (const k of e.parts) if (!status.has(k) && (pick === undefined || before(k, pick))) pick = k;
    if (pick === undefined && !status.has(e.total)) pick = e.total;
    if (pick === undefined) continue;
    status.set(pick, 'secondary');
    for (const j of byCell.get(pick) ?? []) pending.add(j);
  }
  return status;
}
