/**
 * ATTACK test (DESIGN §5): take every published regional and national table, and try to recover each suppressed
 * cell from the published ones by differencing: column totals (region vs its LAs, England vs the regions), row
 * relations (reasons vs total moves, participation codes vs the rate, reviews), and the same count printed in two
 * places. The attacker is given the EXACT value of every published cell (stronger than reality: regional and
 * national counts are rounded to 10). Two attacks: iterated single-equation differencing, and full linear
 * algebra (a suppressed cell is recovered iff it is determined by the equations). Both must recover nothing.
 */
import { describe, expect, it } from 'vitest';
import { isSuppressed } from '../../../shared/domain/disclosure/types.ts';
import { buildAggregateSnapshots, buildNationalSnapshot, buildRegionalSnapshot } from '../../../shared/domain/rollup/index.ts';
import type { AggregateMetrics, LaSnapshot, NationalSnapshot, RegionalSnapshot } from '../../../shared/domain/rollup/types.ts';
import { REGIONS } from '../../../shared/domain/tenancy/regions.ts';
import { syntheticSnapshots } from '../rollup/synthetic-snapshots.ts';

const NOT_COUNTS = /(^|\.)(percent|incidentsPerMissingChild|censoredAt)$/;

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value === null || typeof value !== 'object' || isSuppressed(value)) {
    out.set(prefix, value);
    return;
  }
  for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
}

/** The true value behind a published count path, read from the LA's own metrics (same path names). */
function truth(m: AggregateMetrics, path: string): number | null {
  let v: unknown = m;
  for (const k of path.split('.')) v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k];
  return typeof v === 'number' ? v : null;
}

interface Cell {
  published: unknown;
  value: number | null;
}

function publishedCells(snapshots: LaSnapshot[], regional: RegionalSnapshot[], national: NationalSnapshot) {
  const cells = new Map<string, Cell>();
  const paths = new Set<string>();
  const byLa = new Map(snapshots.map((s) => [s.la, s]));
  const add = (entity: string, metrics: unknown, valueOf: (path: string) => number | null) => {
    const flat = new Map<string, unknown>();
    flatten(metrics, '', flat);
    for (const [path, published] of flat) {
      if (NOT_COUNTS.test(path)) continue;
      paths.add(path);
      const id = `${entity}|${path}`;
      const seen = cells.get(id);
      // The same cell printed in the regional and the national table must be published identically.
      if (seen) expect(JSON.stringify(published), id).toBe(JSON.stringify(seen.published));
      cells.set(id, { published, value: valueOf(path) });
    }
  };
  const sumOf = (las: LaSnapshot[], path: string) => {
    let total: number | null = null;
    for (const s of las) {
      const v = truth(s.metrics, path);
      if (v !== null) total = (total ?? 0) + v;
    }
    return total;
  };
  for (const r of regional) {
    const las = r.las.map((l) => byLa.get(l.la)!);
    for (const l of r.las) add(`LA:${l.la}`, l.metrics, (p) => truth(byLa.get(l.la)!.metrics, p));
    add(`REGION:${r.region}`, r.total.metrics, (p) => sumOf(las, p));
  }
  for (const r of national.regions) add(`REGION:${r.region}`, r.metrics, (p) => sumOf(snapshots.filter((s) => s.region === r.region), p));
  add('ENGLAND', national.england.metrics, (p) => sumOf(snapshots, p));
  return { cells, paths: [...paths].sort() };
}

/** The attacker's equations, written from the published structure (not taken from the implementation). */
function equations(regional: RegionalSnapshot[], paths: string[]): { total: string; parts: string[] }[] {
  const eqs: { total: string; parts: string[] }[] = [];
  const entities = ['ENGLAND', ...REGIONS.map((r) => `REGION:${r}`), ...regional.flatMap((r) => r.las.map((l) => `LA:${l.la}`))];
  for (const p of paths) {
    for (const r of regional) if (r.las.length) eqs.push({ total: `REGION:${r.region}|${p}`, parts: r.las.map((l) => `LA:${l.la}|${p}`) });
    eqs.push({ total: `ENGLAND|${p}`, parts: REGIONS.map((r) => `REGION:${r}|${p}`) });
  }
  const reasons = paths.filter((p) => p.startsWith('placementMoves.reasons.'));
  const code = (c: string) => `participation.codes.${c}`;
  for (const e of entities) {
    const c = (p: string) => `${e}|${p}`;
    eqs.push({ total: c('placementMoves.total'), parts: reasons.map(c) });
    eqs.push({ total: c('participation.rate.numerator'), parts: ['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6'].map((x) => c(code(x))) });
    eqs.push({ total: c('participation.rate.denominator'), parts: [c('participation.rate.numerator'), c(code('PN7'))] });
    eqs.push({ total: c('reviewTimeliness.onTime.denominator'), parts: ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'].map((x) => c(code(x))) });
    // Copies of one count.
    for (const [a, b] of [
      ['cla.count', 'shortTermStability.denominator'],
      ['cla.duringYear', 'placementMoves.oneOrMore.denominator'],
      ['cla.duringYear', 'placementMoves.twoOrMore.denominator'],
      ['cla.duringYear', 'missing.children.denominator'],
      ['cla.duringYear', 'missing.away.children.denominator'],
      ['longTermStability.denominator', 'longTermStabilitySameCarer.denominator'],
      ['reunification.children', 'reunification.reentryWithin12Months.denominator'],
    ] as const) eqs.push({ total: c(a), parts: [c(b)] });
  }
  return eqs;
}

/** Attack 1: repeatedly solve any equation with a single unknown. Returns the recovered cells. */
function differencingAttack(cells: Map<string, Cell>, eqs: { total: string; parts: string[] }[]): string[] {
  const known = new Map<string, number>();
  const unknown = new Set<string>();
  for (const [id, c] of cells) {
    if (typeof c.published === 'number') known.set(id, c.value!);
    else if (isSuppressed(c.published)) unknown.add(id);
  }
  const recovered: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of eqs) {
      const all = [e.total, ...e.parts].filter((k) => cells.has(k) && cells.get(k)!.published !== null);
      const open = all.filter((k) => unknown.has(k));
      if (open.length !== 1) continue;
      const x = open[0]!;
      const sign = x === e.total ? 1 : -1;
      const rest = e.parts.filter((k) => k !== x && known.has(k)).reduce((a, k) => a + known.get(k)!, 0);
      const v = sign === 1 ? rest : (known.get(e.total) ?? 0) - rest;
      expect(v).toBe(cells.get(x)!.value); // the attack really works when it fires
      recovered.push(x);
      unknown.delete(x);
      known.set(x, v);
      changed = true;
    }
  }
  return recovered;
}

/** Attack 2: sparse Gaussian elimination over all equations; a suppressed cell is recovered iff determined. */
function linearAttack(cells: Map<string, Cell>, eqs: { total: string; parts: string[] }[]): string[] {
  const index = new Map<string, number>();
  const names: string[] = [];
  for (const [id, c] of cells) if (isSuppressed(c.published)) index.set(id, names.push(id) - 1);
  const rows: Map<number, number>[] = []; // fully reduced rows (coefficients only; right-hand sides are irrelevant)
  const pivotRow = new Map<number, number>();
  for (const e of eqs) {
    const row = new Map<number, number>();
    const addTerm = (k: string, coeff: number) => {
      const i = index.get(k);
      if (i !== undefined) row.set(i, (row.get(i) ?? 0) + coeff);
    };
    addTerm(e.total, 1);
    for (const p of e.parts) addTerm(p, -1);
    for (const [v, a] of [...row]) {
      const r = pivotRow.get(v);
      if (r === undefined || Math.abs(a) < 1e-12) continue;
      for (const [w, b] of rows[r]!) row.set(w, (row.get(w) ?? 0) - a * b);
    }
    for (const [v, a] of row) if (Math.abs(a) < 1e-9) row.delete(v);
    // Reduce again until no pivot variable remains (a subtraction can reintroduce none: pivots are eliminated from rows).
    if (row.size === 0) continue;
    const pivot = Math.min(...row.keys());
    const scale = row.get(pivot)!;
    for (const [v, a] of row) row.set(v, a / scale);
    for (const other of rows) {
      const a = other.get(pivot);
      if (a === undefined) continue;
      for (const [w, b] of row) {
        const next = (other.get(w) ?? 0) - a * b;
        if (Math.abs(next) < 1e-9) other.delete(w);
        else other.set(w, next);
      }
    }
    pivotRow.set(pivot, rows.push(row) - 1);
  }
  return rows.filter((r) => r.size === 1).map((r) => names[[...r.keys()][0]!]!);
}

function publish(snapshots: LaSnapshot[]) {
  const { regional, national } = buildAggregateSnapshots(2025, snapshots);
  return { regional, national };
}

describe('disclosure ATTACK: no suppressed cell can be recovered from the published tables', () => {
  it.each([
    [1, 153], [2, 153], [3, 153], [4, 40], [5, 12],
  ])('seed %i, %i LAs', (seed, n) => {
    const snapshots = syntheticSnapshots(seed, n);
    const { regional, national } = publish(snapshots);
    const { cells, paths } = publishedCells(snapshots, regional, national);
    const suppressed = [...cells.values()].filter((c) => isSuppressed(c.published));
    // Secondary suppressions: hidden cells whose true value is not 1–5.
    const secondary = suppressed.filter((c) => !(c.value !== null && c.value >= 1 && c.value <= 5));
    expect(suppressed.length).toBeGreaterThan(50); // the data really exercises suppression
    expect(secondary.length).toBeGreaterThan(10);
    // The reason never says which suppressed counts are the small ones.
    const countReasons = new Set(suppressed.map((c) => (c.published as { reason: string }).reason).filter((r) => !r.startsWith('rate')));
    expect(countReasons.size).toBe(1);
    const eqs = equations(regional, paths);
    // The attacker's equations are true for the real values (so the attack is sound).
    for (const e of eqs) {
      const v = (k: string) => cells.get(k)?.value ?? null;
      if (v(e.total) === null || e.parts.some((p) => !cells.has(p))) continue;
      expect(e.parts.reduce((a, p) => a + (v(p) ?? 0), 0), e.total).toBe(v(e.total));
    }
    expect(differencingAttack(cells, eqs)).toEqual([]);
    expect(linearAttack(cells, eqs)).toEqual([]);
  });

  it('no count from 1 to 5 appears anywhere in a regional or national output, and rates of suppressed counts are suppressed', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { regional, national } = publish(syntheticSnapshots(seed, seed % 2 ? 153 : 30));
      for (const table of [...regional, national]) {
        const flat = new Map<string, unknown>();
        flatten(table, '', flat);
        for (const [path, v] of flat) {
          if (typeof v !== 'number' || /(^|\.)(percent|incidentsPerMissingChild|yearEnding)$/.test(path)) continue;
          expect(v >= 1 && v <= 5, `${path} = ${v}`).toBe(false);
        }
        const ratios: { numerator: unknown; denominator: unknown; percent: unknown }[] = [];
        JSON.stringify(table, (_k, v: unknown) => {
          if (v && typeof v === 'object' && 'percent' in v) ratios.push(v as (typeof ratios)[number]);
          return v;
        });
        for (const r of ratios) {
          if (isSuppressed(r.numerator) || isSuppressed(r.denominator)) expect(isSuppressed(r.percent) || r.percent === null).toBe(true);
        }
      }
    }
  });

  it('the national output names no LA and carries no LA code or child id', () => {
    const snapshots = syntheticSnapshots(7, 153);
    const text = JSON.stringify(buildNationalSnapshot(2025, snapshots));
    for (const s of snapshots) {
      expect(text).not.toContain(`"${s.la}"`);
      expect(text).not.toContain(s.name.length > 4 ? `"${s.name}"` : `"name":"${s.name}"`);
    }
    expect(text).not.toMatch(/"la"|"name"|CHILD-SECRET|LA:/);
    for (const r of REGIONS) expect(JSON.stringify(buildRegionalSnapshot(r, 2025, snapshots))).not.toContain('CHILD-SECRET');
  });
});
