/** Placements and reasons for leaving care against the child's age (371–374, 386–460). */
import { ageOn, ukDate } from '../dates.ts';
import { childLabel, type Context } from './context.ts';

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

export function checkAges(ctx: Context): void {
  const view = ctx.views.get('Episodes');
  if (!view) return;
  for (const [child, eps] of ctx.episodesByChild) {
    const dob = ctx.headerByChild.get(child)?.dob;
    if (!dob) continue;
    for (const e of eps) {
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
