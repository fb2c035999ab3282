/** Synthetic practice records for a generated mid-size LA: determinism, validity, consistency with the 903, distributions. */
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../../shared/domain/calendar/dates.ts';
import { mergeDatasets } from '../../../shared/domain/metrics/history.ts';
import { isLookedAfterOn } from '../../../shared/domain/metrics/looked-after.ts';
import { isIroActiveOn } from '../../../shared/domain/practice/allocations.ts';
import { isDecisionOverdue } from '../../../shared/domain/practice/decisions.ts';
import { highestStage } from '../../../shared/domain/practice/disputes.ts';
import { iroPracticeMetrics } from '../../../shared/domain/practice/metrics.ts';
import { refuseUnknownChild } from '../../../shared/domain/practice/outcome.ts';
import {
  allocationSchema, contactSchema, iroSchema, newDecisionSchema, newDisputeSchema, practiceReviewSchema, siblingGroupSchema,
} from '../../../shared/domain/practice/records.ts';
import { buildWorklist } from '../../../shared/domain/practice/worklist.ts';
import { toDataset } from '../../../shared/domain/ssda903/dataset.ts';
import { parse903Files } from '../../../shared/domain/ssda903/parse.ts';
import { LOCAL_AUTHORITIES } from '../../../shared/domain/tenancy/local-authorities.ts';
import { generateLaReturns } from '../../../shared/synthetic/generate-la.ts';
import { generatePracticeRecords } from '../../../shared/synthetic/practice/generate.ts';

// Sheffield, about 700 children looked after; the two years the practice records span, merged as the tenant job does.
const sheffield = LOCAL_AUTHORITIES.find((la) => la.code === '373')!;
const years = [2024, 2025];
const returns = generateLaReturns(sheffield, { seed: 1, yearsEnding: years });
const encoder = new TextEncoder();
const dataset = mergeDatasets(years.map((y) => toDataset(parse903Files([...returns.get(y)!].map(([t, text]) => ({ name: `${t}.csv`, bytes: encoder.encode(text) }))).tables, y)));
const records = generatePracticeRecords(dataset, { seed: 1, laCode: '373' });
const asAt = '2025-03-31';
const metrics = iroPracticeMetrics(dataset, records, { yearEnding: 2025 });

describe('synthetic practice records', () => {
  it('are deterministic by seed and LA', () => {
    expect(generatePracticeRecords(dataset, { seed: 1, laCode: '373' })).toEqual(records);
    const other = generatePracticeRecords(dataset, { seed: 2, laCode: '373' });
    expect(other.decisions.length).toBeGreaterThan(0);
    expect(other).not.toEqual(records);
  });

  it('pass the record schemas and concern only children of the 903 returns', () => {
    const known = new Set(dataset.children.map((c) => c.child));
    const check = (schema: { safeParse: (v: unknown) => { success: boolean } }, items: readonly object[]) => {
      expect(items.length).toBeGreaterThan(0);
      expect(items.filter((i) => !schema.safeParse(i).success)).toEqual([]);
    };
    check(iroSchema, records.iros);
    check(allocationSchema, records.allocations);
    check(practiceReviewSchema, records.reviews);
    check(contactSchema, records.contacts);
    check(newDecisionSchema, records.decisions.map(({ id, child, review, made, text, topic, owner, due }) => ({ id, child, review, made, text, topic, owner, due })));
    check(newDisputeSchema, records.disputes.map(({ id, child, iro, theme, raised, alertRecipient }) => ({ id, child, iro, theme, raised, alertRecipient })));
    check(siblingGroupSchema, records.siblingGroups);
    const children = [...records.allocations, ...records.reviews, ...records.contacts, ...records.decisions, ...records.disputes, ...records.cards].map((r) => r.child);
    expect(children.map((c) => refuseUnknownChild(known, c)).filter((r) => r !== null)).toEqual([]);
    const ids = [...records.reviews, ...records.decisions, ...records.disputes, ...records.cards, ...records.allocations].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('allocate IROs in spells that never overlap and only while the IRO is active', () => {
    const byChild = new Map<string, typeof records.allocations[number][]>();
    for (const a of records.allocations) byChild.set(a.child, [...(byChild.get(a.child) ?? []), a]);
    for (const spells of byChild.values()) {
      const sorted = [...spells].sort((a, b) => (a.from < b.from ? -1 : 1));
      sorted.slice(1).forEach((s, i) => expect(sorted[i]!.to !== null && sorted[i]!.to! <= s.from, `${s.child} spells overlap`).toBe(true));
    }
    const iros = new Map(records.iros.map((i) => [i.id, i]));
    expect(records.allocations.filter((a) => !isIroActiveOn(iros.get(a.iro)!, a.from))).toEqual([]);
  });

  it('chair reviews that are the 903 reviews of the same child and date, by the child’s IRO that day', () => {
    const reviews903 = new Set(dataset.children.flatMap((c) => c.reviews.map((r) => `${c.child}|${r.review}`)));
    expect(records.reviews.filter((r) => !reviews903.has(`${r.child}|${r.date}`))).toEqual([]);
  });

  it('store overdue marks as the nightly run would', () => {
    const overdue = records.decisions.filter((d) => isDecisionOverdue(d, asAt));
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.filter((d) => d.overdueSince === null)).toEqual([]);
    expect(records.decisions.filter((d) => !isDecisionOverdue(d, asAt) && d.status !== 'implemented' && d.status !== 'not_implemented' && d.overdueSince !== null)).toEqual([]);
  });

  it('give plausible metric 9 figures', () => {
    expect(metrics.caseload.perFte).toBeGreaterThanOrEqual(50);
    expect(metrics.caseload.perFte).toBeLessThanOrEqual(70);
    expect(metrics.allocatedWithin5WorkingDays.rate).toBeGreaterThan(0.75);
    expect(metrics.allocatedWithin5WorkingDays.rate).toBeLessThan(0.95);
    expect(metrics.sameIroThroughYear.rate).toBeGreaterThan(0.7);
    expect(metrics.seenBeforeReview.rate).toBeGreaterThan(0.6);
    expect(metrics.seenBeforeReview.rate).toBeLessThan(0.8);
    expect(metrics.contactBetweenReviews.rate).toBeGreaterThan(0.4);
    expect(metrics.decisions.implementedRate.rate).toBeGreaterThan(0.8);
    expect(metrics.decisions.implementedRate.rate).toBeLessThan(0.95);
    expect(metrics.disputes.per100Cla).toBeGreaterThan(3);
    expect(metrics.disputes.per100Cla).toBeLessThan(16);
    expect(metrics.rateMyReview.responseRate.rate).toBeGreaterThan(0.18);
    expect(metrics.rateMyReview.responseRate.rate).toBeLessThan(0.45);
    const cards = metrics.rateMyReview.answers;
    expect(cards.good).toBeGreaterThan(cards.ok);
    expect(cards.ok).toBeGreaterThan(cards.not_happy);
    expect(cards.not_happy).toBeGreaterThan(0);
  });

  it('resolve most disputes informally; a few reach the DCS and the Chief Executive, a few go to Cafcass', () => {
    const stages = records.disputes.map(highestStage);
    const informal = stages.filter((s) => s === 0).length;
    expect(informal / stages.length).toBeGreaterThan(0.55);
    expect(stages.filter((s) => s >= 3).length).toBeGreaterThan(0);
    expect(stages.filter((s) => s === 4).length).toBeGreaterThan(0);
    expect(records.disputes.filter((d) => d.status === 'referred_to_cafcass').length).toBeGreaterThan(0);
    expect(records.disputes.filter((d) => d.status === 'resolved').length / records.disputes.length).toBeGreaterThan(0.7);
  });

  it('put about 80% of looked-after children in sibling groups of looked-after children, ages at most 15 years apart', () => {
    const la = new Map(dataset.children.filter((c) => c.episodes.some((e) => isLookedAfterOn(e, asAt))).map((c) => [c.child, c.header.dob]));
    const members = records.siblingGroups.flatMap((g) => g.children);
    expect(new Set(members).size).toBe(members.length);
    expect(members.filter((c) => !la.has(c))).toEqual([]);
    expect(members.length / la.size).toBeGreaterThan(0.75);
    expect(members.length / la.size).toBeLessThan(0.85);
    for (const g of records.siblingGroups) {
      const ages = g.children.map((c) => ageOn(la.get(c)!, asAt));
      expect(Math.max(...ages) - Math.min(...ages)).toBeLessThanOrEqual(15);
    }
    // The classifier sees every grouped child (all have a looked-after sibling on the date).
    const s = metrics.siblings;
    expect(s.all + s.some + s.none).toBe(members.length);
  });

  it('feed a worklist whose every row points at an existing record', () => {
    const rows = buildWorklist(dataset, records, asAt);
    const ids = new Set([...records.decisions, ...records.disputes, ...records.cards].map((r) => r.id));
    const children = new Set(dataset.children.map((c) => c.child));
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect(children.has(r.child)).toBe(true);
      if (['decision', 'dispute', 'card'].includes(r.record.type)) expect(ids.has(r.record.id)).toBe(true);
    }
    const reasons = new Set(rows.map((r) => r.reason));
    for (const reason of ['review_due_soon', 'decision_overdue', 'three_or_more_placements', 'feedback_follow_up']) expect(reasons).toContain(reason);
  });
});
