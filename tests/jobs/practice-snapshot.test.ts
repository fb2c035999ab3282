import { describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/data/audit.ts';
import { practiceCollections } from '../../shared/data/repositories/practice-collections.ts';
import { createRecord, getRecord, historyOf } from '../../shared/data/repositories/records.ts';
import { getLaSnapshot } from '../../shared/data/repositories/snapshots.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { makeDecision } from '../../shared/domain/practice/decisions.ts';
import { dataset, lookedAfterChildren } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * Metric 9 and the nightly deadlines through the real pipeline (tick → plan → tenant → rollup on dynalite and
 * fauxqs), read back over real HTTP. "Today" is 10 June 2025, so the 2025 year is as at 31 March 2025.
 */
const ctx = usePlatform({ now: () => new Date('2025-06-10T02:00:00Z') });
const YEAR = 2025;
const c = { suppressed: 'c', reason: expect.any(String) };

const kentTable = () => ctx.platform.data.for(tenantScope('886'), { actor: systemActor('test-setup') });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(path: string, claims: Parameters<typeof ctx.get>[1]): Promise<any> {
  const res = await ctx.get(path, claims);
  expect(res.status, `${path} → ${res.status}: ${await res.clone().text()}`).toBe(200);
  return res.json();
}

async function run() {
  await ctx.platform.tick();
  await ctx.platform.drain();
}

describe('metric 9 and the nightly deadlines in the pipeline', () => {
  it('setup: Kent keeps practice records for its 40 children, Medway (3 children) keeps none', async () => {
    await ctx.seed('886', dataset(YEAR, lookedAfterChildren('K', 40)));
    await ctx.seed('887', dataset(YEAR, lookedAfterChildren('M', 3)));
    const t = kentTable();
    const c = practiceCollections;
    await createRecord(t, c.iros, 'i1', { id: 'i1', name: 'Ada Lovelace', fte: 1, activeFrom: '2020-01-01', activeTo: null });
    // Every child has had IRO i1 since 12 January 2024 (their care started on 10 January 2024).
    await Promise.all(lookedAfterChildren('K', 40).map((k) => createRecord(t, c.allocations, `a-${k.child}`, { id: `a-${k.child}`, child: k.child, iro: 'i1', from: '2024-01-12', to: null })));
    await createRecord(t, c.reviews, 'rev-zq1', { id: 'rev-zq1', child: 'K001', iro: 'i1', date: '2025-01-15', participation: 'PN1', spokeToChildBefore: true });
    const decision = makeDecision({
      id: 'dec-zq1', child: 'K001', review: 'rev-zq1', made: '2025-01-15', text: 'Arrange weekly contact with grandmother', topic: 'contact',
      owner: { role: 'Social worker', name: 'Sam Smith' }, due: '2025-02-14',
    });
    await createRecord(t, c.decisions, 'dec-zq1', decision);
    await createRecord(t, c.feedbackCards, 'card1', {
      id: 'card1', review: 'rev-zq1', child: 'K001', iro: 'i1', answer: 'not_happy', comment: null, received: '2025-01-20', source: 'paper', followedUp: null,
    });
    await run();
  });

  it('the nightly run marks the decision overdue once: the day after its due date, kept by a re-run', async () => {
    const stored = await getRecord(kentTable(), practiceCollections.decisions, 'dec-zq1');
    // Due Friday 14 February 2025: overdue from Saturday the 15th, marked by the run of 10 June.
    expect(stored!.fields.overdueSince).toBe('2025-02-15');
    expect(stored!.fields.history.at(-1)).toMatchObject({ date: '2025-06-10', action: 'overdue', status: 'open' });
    expect(stored!.rev).toBe(2);
    const before = await getLaSnapshot(kentTable(), YEAR);
    await run();
    // Idempotent: no second mark, no new revision, and the LA snapshot is not rewritten (same inputs).
    expect((await getRecord(kentTable(), practiceCollections.decisions, 'dec-zq1'))!.rev).toBe(2);
    expect(await historyOf(kentTable(), practiceCollections.decisions, 'dec-zq1')).toHaveLength(2);
    expect((await getLaSnapshot(kentTable(), YEAR))!.computedAt).toBe(before!.computedAt);
  });

  it('the LA sees its own metric 9 unsuppressed', async () => {
    const m = (await json(`/dashboards/la?year=${YEAR}`, { role: 'iro', tenant: '886' })).metrics.iroPractice;
    // 40 children on one full-time IRO: 40 per FTE, below the Handbook's 50–70.
    expect(m.caseload).toEqual({ children: 40, fte: 1, perFte: 40, iros: { below: 1, within: 0, above: 0 } });
    // All 40 looked after on 1 April 2024 and on 31 March 2025 kept i1 throughout.
    expect(m.sameIroThroughYear).toEqual({ numerator: 40, denominator: 40, rate: 1 });
    // One decision made in the year, still open and past its due date as at 31 March.
    expect(m.decisions).toMatchObject({ made: 1, implemented: 0, notImplemented: 0, awaiting: 1, overdue: 1 });
    // One review held in the year (the platform's rev-zq1; no 903 reviews), one card returned for it.
    expect(m.rateMyReview).toEqual({ answers: { good: 0, ok: 0, not_happy: 1 }, responseRate: { numerator: 1, denominator: 1, rate: 1 } });
    const medway = (await json(`/dashboards/la?year=${YEAR}`, { role: 'iro', tenant: '887' })).metrics;
    expect(medway.iroPractice).toBeUndefined();
  });

  it('regional and national snapshots carry metric 9 with the small counts suppressed and no record detail', async () => {
    const se = await json(`/dashboards/region?year=${YEAR}`, { role: 'regional_chair', region: 'South East' });
    const kent = se.las.find((l: { la: string }) => l.la === '886').metrics.iroPractice;
    expect(kent.caseload.children).toBe(40);
    expect(kent.rateMyReview.answers.not_happy).toEqual(c);
    expect(kent.decisions.made).toEqual(c);
    expect(se.las.find((l: { la: string }) => l.la === '887').metrics.iroPractice).toBeNull();
    // The region is Kent alone for metric 9: the same cells suppressed, counts rounded to 10.
    expect(se.total.metrics.iroPractice.caseload.children).toBe(40);
    expect(se.total.metrics.iroPractice.rateMyReview.answers.not_happy).toEqual(c);
    const national = await json(`/dashboards/national?year=${YEAR}`, { role: 'national' });
    expect(national.england.metrics.iroPractice.sameIroThroughYear).toEqual({ numerator: 40, denominator: 40, percent: 100 });
    expect(national.england.metrics.iroPractice.decisions.overdue).toEqual(c);
    const text = JSON.stringify([se, national]);
    for (const detail of ['Ada Lovelace', 'grandmother', 'Sam Smith', 'K001', '"i1"', 'dec-zq1', 'rev-zq1', 'card1']) expect(text).not.toContain(detail);
  });

  it('a new practice record changes the inputs, so the next run recomputes the LA snapshot', async () => {
    await createRecord(kentTable(), practiceCollections.feedbackCards, 'card2', {
      id: 'card2', review: 'rev-zq1', child: 'K001', iro: 'i1', answer: 'good', comment: null, received: '2025-01-21', source: 'link', followedUp: null,
    });
    await run();
    const m = (await json(`/dashboards/la?year=${YEAR}`, { role: 'iro', tenant: '886' })).metrics.iroPractice;
    expect(m.rateMyReview.answers).toEqual({ good: 1, ok: 0, not_happy: 1 });
  });
});
