/**
 * Regional and national snapshots (DESIGN.md §1, §5): aggregates of the LA snapshots of one year with disclosure
 * control applied BEFORE they are returned.
 *
 * Both builders compute ONE suppression pattern over the whole hierarchy given (every LA, region and England,
 * for every count, with the row relations between counts), so a region's total is suppressed or shown the same
 * in its regional snapshot and in the national one and no suppressed cell can be recovered by differencing any
 * of the published tables against each other. Pass all LA snapshots of the year to both (the rollup job does).
 * Order-independent: snapshots are deduplicated per LA and sorted, so the same set in any order gives the same
 * (deterministic, key-ordered) JSON.
 */
import { publishCount, publishPercent } from '../disclosure/publish.ts';
import { suppressCells, type Equation } from '../disclosure/suppress.ts';
import type { PublishedValue, SuppressedCell, SuppressionKind } from '../disclosure/types.ts';
import { suppressedCell } from '../disclosure/publish.ts';
import { PARTICIPATION_CODES, type ParticipationCode } from '../metrics/types.ts';
import type { IsoDate } from '../ssda903/records.ts';
import { REGIONS, type RegionName } from '../tenancy/regions.ts';
import { measureSet, reasonKey, reasonsOf, rowEquations } from './measures.ts';
import { publishPractice, type CellPublisher } from './practice.ts';
import type { LaSnapshot, NationalSnapshot, PublishedMetrics, PublishedRatio, RegionalSnapshot } from './types.ts';

const ENGLAND = 'England';

/** One snapshot per LA: the latest as-at date, then the highest dataset version (input order never matters). */
function latestPerLa(yearEnding: number, snapshots: readonly LaSnapshot[]): LaSnapshot[] {
  const byLa = new Map<string, LaSnapshot>();
  for (const s of snapshots) {
    if (s.yearEnding !== yearEnding) continue;
    const seen = byLa.get(s.la);
    if (!seen || s.asAt > seen.asAt || (s.asAt === seen.asAt && s.datasetVersion > seen.datasetVersion)) byLa.set(s.la, s);
  }
  return [...byLa.values()].sort((a, b) => (a.la < b.la ? -1 : a.la > b.la ? 1 : 0));
}

interface Entity {
  id: string;
  /** LA counts are not rounded; regional and national counts are (DESIGN §5). */
  round: boolean;
  censoredAt: IsoDate | null;
  /** IRO FTE (metric 9's caseload denominator): staff, not a count of children, so summed but never suppressed. */
  fte: number | null;
}

interface Disclosed {
  las: LaSnapshot[];
  published(entity: string): PublishedMetrics;
}

function sumOrNull(values: readonly (number | null | undefined)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (typeof v === 'number') total = (total ?? 0) + v;
  return total;
}

function minDate(dates: readonly (IsoDate | null | undefined)[]): IsoDate | null {
  let min: IsoDate | null = null;
  for (const d of dates) if (d && (min === null || d < min)) min = d;
  return min;
}

function discloseYear(yearEnding: number, snapshots: readonly LaSnapshot[]): Disclosed {
  return computeDisclosure(latestPerLa(yearEnding, snapshots));
}

/** The whole year's hierarchy, suppressed jointly. */
function computeDisclosure(las: LaSnapshot[]): Disclosed {
  const reasons = reasonsOf(las.map((s) => s.metrics));
  const measures = measureSet(reasons);
  const key = (entity: string, measure: string) => `${entity}|${measure}`;
  const values = new Map<string, number | null>();
  const entities = new Map<string, Entity>();
  const equations: Equation[] = [];

  const lasOf = new Map<RegionName, LaSnapshot[]>(REGIONS.map((r) => [r, []]));
  for (const s of las) {
    lasOf.get(s.region)?.push(s);
    const laId = `LA:${s.la}`;
    entities.set(laId, { id: laId, round: false, censoredAt: s.metrics.reunification?.censoredAt ?? s.asAt, fte: s.metrics.iroPractice?.caseload.fte ?? null });
    for (const [m, v] of measures.read(s.metrics)) values.set(key(laId, m), v);
  }
  const sum = (ids: readonly string[], m: string): number | null => {
    let total: number | null = null;
    for (const id of ids) {
      const v = values.get(key(id, m));
      if (v !== null && v !== undefined) total = (total ?? 0) + v;
    }
    return total;
  };
  const regionIds: string[] = [];
  for (const region of REGIONS) {
    const members = (lasOf.get(region) ?? []).map((s) => `LA:${s.la}`);
    const id = `REGION:${region}`;
    regionIds.push(id);
    entities.set(id, {
      id, round: true, censoredAt: minDate(members.map((m) => entities.get(m)?.censoredAt)), fte: sumOrNull(members.map((m) => entities.get(m)?.fte)),
    });
    for (const m of measures.names) {
      values.set(key(id, m), sum(members, m));
      if (members.length > 0) equations.push({ total: key(id, m), parts: members.map((la) => key(la, m)) });
    }
  }
  entities.set(ENGLAND, {
    id: ENGLAND, round: true, censoredAt: minDate(regionIds.map((r) => entities.get(r)?.censoredAt)), fte: sumOrNull(regionIds.map((r) => entities.get(r)?.fte)),
  });
  for (const m of measures.names) {
    values.set(key(ENGLAND, m), sum(regionIds, m));
    equations.push({ total: key(ENGLAND, m), parts: regionIds.map((r) => key(r, m)) });
  }
  for (const id of entities.keys()) equations.push(...rowEquations((m) => key(id, m), reasons));

  const status = suppressCells(values, equations);

  function published(id: string): PublishedMetrics {
    const entity = entities.get(id)!;
    const value = (m: string) => values.get(key(id, m)) ?? null;
    const kind = (m: string): SuppressionKind | undefined => status.get(key(id, m));
    const count = (m: string): PublishedValue => publishCount(value(m), kind(m), entity.round);
    const ratio = (num: string, den: string): PublishedRatio => ({
      numerator: count(num),
      denominator: count(den),
      percent: publishPercent(value(num), value(den), kind(num) !== undefined || kind(den) !== undefined),
    });
    /** numerator / denominator × scale to one decimal place, suppressed with either count. */
    const rate = (num: string, den: string, scale: number): number | SuppressedCell | null => {
      const [n, d] = [value(num), value(den)];
      if (n === null || d === null) return null;
      if (kind(num) || kind(den)) return suppressedCell('rate');
      return d === 0 ? null : Math.round((10 * scale * n) / d) / 10;
    };
    const cells: CellPublisher = { value, hidden: (m) => kind(m) !== undefined, count, ratio, rate };
    const hasPrevious = value('reunification.previousYear.denominator') !== null;
    return {
      cla: { count: count('cla.count'), duringYear: count('cla.duringYear') },
      shortTermStability: ratio('shortTermStability.numerator', 'cla.count'),
      longTermStability: ratio('longTermStability.numerator', 'longTermStability.denominator'),
      placementMoves: {
        oneOrMore: ratio('placementMoves.oneOrMore.numerator', 'cla.duringYear'),
        twoOrMore: ratio('placementMoves.twoOrMore.numerator', 'cla.duringYear'),
        total: count('placementMoves.total'),
        reasons: Object.fromEntries(reasons.map((r) => [r, count(reasonKey(r))])),
      },
      reviewTimeliness: {
        onTime: ratio('reviewTimeliness.onTime.numerator', 'reviewTimeliness.onTime.denominator'),
        overdue: { count: count('reviewTimeliness.overdue.count') },
      },
      participation: {
        codes: Object.fromEntries(PARTICIPATION_CODES.map((c) => [c, count(`participation.codes.${c}`)])) as Record<ParticipationCode, PublishedValue>,
        rate: ratio('participation.rate.numerator', 'participation.rate.denominator'),
      },
      missing: {
        children: ratio('missing.children.numerator', 'cla.duringYear'),
        incidents: count('missing.incidents'),
        incidentsPerMissingChild: rate('missing.incidents', 'missing.children.numerator', 1),
        away: { children: ratio('missing.away.children.numerator', 'cla.duringYear'), incidents: count('missing.away.incidents') },
      },
      longTermStabilitySameCarer: ratio('longTermStabilitySameCarer.numerator', 'longTermStability.denominator'),
      reunification: {
        episodes: count('reunification.episodes'),
        children: count('reunification.children'),
        reentryWithin12Months: ratio('reunification.reentryWithin12Months.numerator', 'reunification.children'),
        censoredAt: entity.censoredAt,
        previousYear: hasPrevious ? ratio('reunification.previousYear.numerator', 'reunification.previousYear.denominator') : null,
      },
      twoYearStability: ratio('twoYearStability.numerator', 'twoYearStability.denominator'),
      socialWorkerChanges: value('socialWorkerChanges.one.numerator') === null ? null : {
        one: ratio('socialWorkerChanges.one.numerator', 'cla.count'),
        two: ratio('socialWorkerChanges.two.numerator', 'cla.count'),
        threePlus: ratio('socialWorkerChanges.threePlus.numerator', 'cla.count'),
      },
      iroPractice: publishPractice(cells, entity.fte),
    };
  }
  return { las, published };
}

/** The regional chair's view: the region's LAs named side by side (not rounded) and the regional totals. */
function regionalView(year: Disclosed, region: RegionName, yearEnding: number): RegionalSnapshot {
  const total = year.published(`REGION:${region}`);
  return {
    region,
    yearEnding,
    las: year.las
      .filter((s) => s.region === region)
      .map((s) => {
        const metrics = year.published(`LA:${s.la}`);
        return { la: s.la, name: s.name, cla: metrics.cla.count, metrics };
      }),
    total: { cla: total.cla.count, metrics: total },
  };
}

/** The national view: the nine regions and England; no LA is named or coded anywhere. */
function nationalView(year: Disclosed, yearEnding: number): NationalSnapshot {
  const england = year.published(ENGLAND);
  return {
    yearEnding,
    regions: REGIONS.map((region) => {
      const metrics = year.published(`REGION:${region}`);
      return { region, cla: metrics.cla.count, metrics };
    }),
    england: { cla: england.cla.count, metrics: england },
  };
}

/**
 * Every published aggregate of a year from one joint suppression: the nine regional snapshots (in REGIONS
 * order) and the national one. Order-independent: the same set of LA snapshots in any order gives the same result.
 */
export function buildAggregateSnapshots(yearEnding: number, snapshots: readonly LaSnapshot[]): { regional: RegionalSnapshot[]; national: NationalSnapshot } {
  const year = discloseYear(yearEnding, snapshots);
  return { regional: REGIONS.map((region) => regionalView(year, region, yearEnding)), national: nationalView(year, yearEnding) };
}

export function buildRegionalSnapshot(region: RegionName, yearEnding: number, snapshots: readonly LaSnapshot[]): RegionalSnapshot {
  return regionalView(discloseYear(yearEnding, snapshots), region, yearEnding);
}

export function buildNationalSnapshot(yearEnding: number, snapshots: readonly LaSnapshot[]): NationalSnapshot {
  return nationalView(discloseYear(yearEnding, snapshots), yearEnding);
}
