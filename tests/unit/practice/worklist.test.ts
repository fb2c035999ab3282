/** The worklist on the small hand-built LA (small-la.ts), looked at on Tue 31 March 2026. */
import { describe, expect, it } from 'vitest';
import { buildWorklist } from '../../../shared/domain/practice/worklist.ts';
import { recordsOn31March, smallLa } from './small-la.ts';

const DATE = '2026-03-31';

describe('worklist', () => {
  const rows = buildWorklist(smallLa, recordsOn31March, DATE);
  const brief = rows.map((r) => [r.date, r.child, r.reason, r.iro, `${r.record.type}:${r.record.id}`]);

  it('lists each reason once, in date order, with the record it concerns', () => {
    expect(brief).toEqual([
      // B: in care since 10 Jan 2023, before 31 March 2024 (2 years back), and no permanence decision (A has dA1).
      ['2023-01-10', 'B', 'no_permanence_decision', 'i1', 'child:B'],
      // dOld, made at A's review of 1 March 2025 (before the year), is still open: due 31 March 2025.
      ['2025-03-31', 'A', 'decision_overdue', 'i1', 'decision:dOld'],
      // F: U4 from 1 April (a start, not the placement in force), U5 and U6 moves: 3 placements; the T4 is not one.
      ['2025-04-01', 'F', 'three_or_more_placements', null, 'child:F'],
      // dB1 open, due 1 June 2025.
      ['2025-06-01', 'B', 'decision_overdue', 'i1', 'decision:dB1'],
      // card2 not happy; card3 ok with a comment (paper).
      ['2025-09-27', 'D', 'feedback_follow_up', 'i2', 'card:card2'],
      ['2025-12-22', 'D', 'feedback_follow_up', 'i2', 'card:card3'],
      // H: period from Mon 1 Dec 2025, no review: 20 working days (Christmas Day and Boxing Day skipped) → 31 Dec.
      ['2025-12-31', 'H', 'review_overdue', 'i1', 'review_sequence:H'],
      // dE1 not implemented, then reopened with a new due date of 1 March 2026.
      ['2026-03-01', 'E', 'decision_overdue', 'i2', 'decision:dE1'],
      // F in T4 (limit 7 days) since 10 March: 21 days.
      ['2026-03-10', 'F', 'temporary_placement_too_long', null, 'episode:2026-03-10'],
      // x4 raised Mon 2 March, informal alert due 10 working days later (Mon 16 March), unanswered.
      ['2026-03-16', 'E', 'dispute_step_overdue', 'i2', 'dispute:x4'],
      ['2026-03-31', 'F', 'no_iro_allocated', null, 'child:F'],
      // C: reviews 20 Mar 2025 and 10 Oct 2025 → next due 10 April 2026, within the next 20 working days (to 30 April).
      ['2026-04-10', 'C', 'review_due_soon', 'i1', 'review_sequence:C'],
    ]);
  });

  it('leaves out what is not due: A due 1 May (after the 20-working-day horizon of 30 April, Easter skipped), E’s review recorded in the platform only', () => {
    // E's last 903 review is 25 Sept 2025 (second due 25 Dec 2025, overdue) but the platform review of 18 Dec 2025 is
    // the second review: next due 18 June 2026. D and G: nothing due; G has left care.
    expect(rows.filter((r) => ['A', 'D', 'E', 'G'].includes(r.child) && r.reason.startsWith('review'))).toEqual([]);
    expect(rows.every((r) => r.detail.length > 0)).toBe(true);
    expect(rows.find((r) => r.child === 'H')!.detail).toBe('first review was due 2025-12-31');
  });

  it('gives one IRO only their rows; children with no IRO appear on the LA list only', () => {
    const mine = buildWorklist(smallLa, recordsOn31March, DATE, { iro: 'i2' });
    expect(mine.map((r) => r.record.id)).toEqual(['card2', 'card3', 'dE1', 'x4']);
    expect(buildWorklist(smallLa, recordsOn31March, DATE, { iro: 'i1' }).map((r) => r.child)).toEqual(['B', 'A', 'B', 'H', 'C']);
  });

  it('drops rows once dealt with: a review recorded in the platform, a follow-up, a response', () => {
    const later = {
      ...recordsOn31March,
      reviews: [...recordsOn31March.reviews, { id: 'rH1', child: 'H', iro: 'i1', date: '2026-03-30', participation: 'PN0' as const, spokeToChildBefore: true }],
      cards: recordsOn31March.cards.map((c) => ({ ...c, followedUp: '2026-01-05' })),
    };
    const reasons = buildWorklist(smallLa, later, DATE).map((r) => `${r.child}:${r.reason}`);
    expect(reasons).not.toContain('H:review_overdue');
    expect(reasons).not.toContain('D:feedback_follow_up');
    expect(reasons).toContain('B:decision_overdue');
  });
});
