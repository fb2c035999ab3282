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
 *  - Then the whole system is solved for the suppressed cells (linear algebra: combining a row total with
 *    column totals can isolate a cell even when every single equation has two or more suppressed cells); any
 *    determined cell gets one more suppression in one of its equations, and both steps repeat until none is.
 * Cells whose value is null (not available) are not published and take no part in any equation.
 */
import type { SuppressionKind } from './types.ts';

export interface Equation {
  total: string;
  parts: readonly string[];
}

/**
 * The suppressed cells whose value the equations determine, given every other cell: sparse Gauss–Jordan
 * elimination over the suppressed cells only (published cells move to the right-hand side, which does not matter
 * for whether a cell is determined). A cell is determined iff a fully reduced row has it as its only entry.
 */
export function determinedCells(suppressed: ReadonlyMap<string, unknown>, equations: readonly Equation[]): string[] {
  const index = new Map<string, number>();
  const names: string[] = [];
  for (const k of [...suppressed.keys()].sort()) index.set(k, names.push(k) - 1);
  const rows: Map<number, number>[] = [];
  const pivotOf = new Map<number, Map<number, number>>();
  const rowsWith = new Map<number, Set<Map<number, number>>>(); // column index: variable → rows holding it
  const track = (row: Map<number, number>, v: number, on: boolean) => {
    let set = rowsWith.get(v);
    if (!set) rowsWith.set(v, (set = new Set()));
    if (on) set.add(row);
    else set.delete(row);
  };
  const axpy = (target: Map<number, number>, factor: number, source: Map<number, number>, tracked: boolean) => {
    for (const [w, b] of source) {
      const had = target.has(w);
      const next = (target.get(w) ?? 0) - factor * b;
      if (Math.abs(next) < 1e-9) {
        target.delete(w);
        if (tracked && had) track(target, w, false);
      } else {
        target.set(w, next);
        if (tracked && !had) track(target, w, true);
      }
    }
  };
  for (const e of equations) {
    const row = new Map<number, number>();
    const term = (k: string, c: number) => {
      const i = index.get(k);
      if (i !== undefined) row.set(i, (row.get(i) ?? 0) + c);
    };
    term(e.total, 1);
    for (const p of e.parts) term(p, -1);
    for (const [v, a] of row) if (a === 0) row.delete(v);
    if (row.size === 0) continue;
    // Earlier rows are fully reduced, so subtracting one brings in no other pivot: one sweep suffices.
    for (const v of [...row.keys()]) {
      const pivotRow = pivotOf.get(v);
      const current = row.get(v);
      if (pivotRow && current !== undefined) axpy(row, current, pivotRow, false);
    }
    if (row.size === 0) continue;
    let pivot = Infinity;
    for (const v of row.keys()) if (v < pivot) pivot = v;
    const scale = row.get(pivot)!;
    for (const [v, a] of row) row.set(v, a / scale);
    for (const other of [...(rowsWith.get(pivot) ?? [])]) axpy(other, other.get(pivot)!, row, true);
    for (const v of row.keys()) track(row, v, true);
    rows.push(row);
    pivotOf.set(pivot, row);
  }
  return rows.filter((r) => r.size === 1).map((r) => names[r.keys().next().value!]!).sort();
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

  const suppressOneMore = (e: { total: string; parts: string[] }): boolean => {
    let pick: string | undefined;
    for (const k of e.parts) if (!status.has(k) && (pick === undefined || before(k, pick))) pick = k;
    if (pick === undefined && !status.has(e.total)) pick = e.total;
    if (pick === undefined) return false;
    status.set(pick, 'secondary');
    return true;
  };

  for (;;) {
    // Single-equation differencing: no equation may have exactly one suppressed cell.
    for (let changed = true; changed; ) {
      changed = false;
      for (const e of eqs) {
        let hidden = status.has(e.total) ? 1 : 0;
        for (const k of e.parts) if (status.has(k)) hidden++;
        if (hidden === 1 && suppressOneMore(e)) changed = true;
      }
    }
    // Combined equations (e.g. a row total and two column totals together): any suppressed cell that the
    // whole system determines gets one more suppression in an equation it is in, then check again.
    const determined = determinedCells(status, eqs);
    if (determined.length === 0) break;
    let added = false;
    for (const cell of determined) {
      for (const i of byCell.get(cell) ?? []) {
        if (suppressOneMore(eqs[i]!)) {
          added = true;
          break;
        }
      }
    }
    if (!added) break; // every equation of those cells is fully suppressed already: nothing more to do
  }
  return status;
}
