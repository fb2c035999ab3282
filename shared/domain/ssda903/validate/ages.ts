/**
 * Placements, legal statuses and reasons for leaving care against the child's age (352, 358, 359, 371–374,
 * 386–460, and 234 from 2025-26).
 */
import { addYears, ageOn, ukDate } from '../dates.ts';
import { childLabel, shown, type Context } from './context.ts';

/** Minimum age on DECOM for a placement type. */
const PLACE_MIN_AGE: ReadonlyMap<string, { code: string; age: number; what: string }> = new Map([
  ['K3', { code: '371', age: 16, what: 'supported accommodation (K3)' }],
  ['H5', { code: '371', age: 16, what: 'semi-independent living (H5)' }],
  ['P2', { code: '371', age: 16, what: 'independent living (P2)' }],
  ['R5', { code: '372', age: 10, what: 'a young offender institution or secure training centre (R5)' }],
  ['S1', { code: '373', age: 4, what: 'a residential school (S1)' }],
  ['P3', { code: '374', age: 14, what: 'residential employment (P3)' }],
]);

/** Age limits on DEC for a reason episode ceased: min (at least) or max (under). */
const REC_AGE: ReadonlyMap<string, { code: string; min?: number; under?: number; what: string }> = new Map([
  ['E11', { code: '386', under: 18, what: 'adopted' }],
  ['E12', { code: '386', under: 18, what: 'adopted' }],
  ['E5', { code: '387', min: 14, what: 'moved into independent living' }],
  ['E6', { code: '387', min: 14, what: 'moved into independent living' }],
  ['E7', { code: '389', min: 16, what: 'transferred to adult social care' }],
  ['E45', { code: '407', under: 18, what: 'left on a special guardianship order' }],
  ['E46', { code: '407', under: 18, what: 'left on a special guardianship order' }],
  ['E17', { code: '460', min: 18, what: 'stayed with their carers aged 18+ (staying put)' }],
]);

/** Youth justice legal statuses (358: not for a child under 10). */
const YOUTH_JUSTICE_LS = new Set(['J1', 'J2', 'J3']);

export function checkAges(ctx: Context): void {
  const view = ctx.views.get('Episodes');
  if (!view) return;
  const { year } = ctx;
  for (const [child, eps] of ctx.episodesByChild) {
    const dob = ctx.headerByChild.get(child)?.dob;
    if (!dob) continue;
    const eighteen = addYears(dob, 18);
    const ten = addYears(dob, 10);
    for (const e of eps) {
      if (e.rne === 'S' && e.decom! >= eighteen) {
        ctx.out.add('352', view, e.i, 'RNE', `${childLabel(child)} started to be looked after on ${ukDate(e.decom!)}, aged 18 or over (DOB ${ukDate(dob)}).`);
      }
      // 358: the DfE compares DECOM with the 10th birthday inclusively: a child starting on it is still flagged.
      if (e.ls !== null && YOUTH_JUSTICE_LS.has(e.ls) && e.decom! <= ten) {
        ctx.out.add('358', view, e.i, 'LS', `${childLabel(child)}: legal status ${e.ls} from ${ukDate(e.decom!)}, but the child was not yet over 10 (DOB ${ukDate(dob)}).`);
      }
      // 359: after 18 a child stays looked after only as V2 in a community home (K2).
      if (e.dec === null && eighteen < year.end && !(e.ls === 'V2' && e.place === 'K2')) {
        ctx.out.add('359', view, e.i, 'LS',
          `${childLabel(child)} turned 18 on ${ukDate(eighteen)} and is still looked after, but not under LS V2 in a community home (K2): LS ${shown(e.ls)}, PLACE ${shown(e.place)}.`);
      }
      if (year.yearEnding >= 2026 && e.reasonPlaceChange === 'CUSTOD' && e.decom! < ten) {
        ctx.out.add('234', view, e.i, 'REASON_PLACE_CHANGE', `${childLabel(child)} was under 10 on ${ukDate(e.decom!)} so cannot have moved placement to custody (CUSTOD).`);
      }
      const place = e.place === null ? undefined : PLACE_MIN_AGE.get(e.place);
      if (place && e.decom! >= dob) {
        const age = ageOn(dob, e.decom!);
        if (age < place.age) {
          ctx.out.add(place.code, view, e.i, 'PLACE',
            `${childLabel(child)} was ${age} when placed in ${place.what} on ${ukDate(e.decom!)}; the minimum age is ${place.age}.`);
        }
      }
      const rec = e.rec === null ? undefined : REC_AGE.get(e.rec);
      if (rec && e.dec !== null && e.dec >= dob) {
        const age = ageOn(dob, e.dec);
        if ((rec.min !== undefined && age < rec.min) || (rec.under !== undefined && age >= rec.under)) {
          const limit = rec.min !== undefined ? `at least ${rec.min}` : `under ${rec.under}`;
          ctx.out.add(rec.code, view, e.i, 'REC',
            `${childLabel(child)} was ${age} on ${ukDate(e.dec)} when they ${rec.what} (REC ${e.rec}); the child should be ${limit}.`);
        }
      }
    }
  }
}
