/**
 * Synthetic sibling groups among the children looked after on a date, consistent with the generated 903 data:
 * children recorded as placed together really share PL_POST, URN and PLACE_PROVIDER on that date (so the
 * classifier finds them together), and every other group is placed apart. Children sharing a foster home who came
 * from one home (the same HOME_POST) are the 903 generator's families (brothers and sisters who came into care
 * together) and always a group; some of those groups also have a brother or sister placed elsewhere (placed with
 * some of them).
 * About 80% of looked-after children are put in a group (seed 002); group sizes 2–4, ages at most 15 years apart.
 */
import { ageOn } from '../../domain/calendar/dates.ts';
import { isLookedAfterOn } from '../../domain/metrics/looked-after.ts';
import type { ChildTimeline } from '../../domain/metrics/timeline.ts';
import type { SiblingGroup } from '../../domain/practice/records.ts';
import { FOSTER_PLACEMENTS } from '../../domain/practice/siblings.ts';
import type { IsoDate } from '../../domain/ssda903/records.ts';
import { type Rng, table } from '../prng.ts';

const SHARE_WITH_SIBLINGS = 0.8;
const GROUP_SIZE = table<number>([[2, 55], [3, 30], [4, 15]]);
const MAX_GROUP_SIZE = 4;
const MAX_AGE_GAP_YEARS = 15;
/** Children's home residents with close ages are made siblings this often (most are not). */
const TOGETHER_CHANCE = 0.35;
const CO_RESIDENT_AGE_GAP_YEARS = 6;
/** A family sharing a foster home has a brother or sister placed elsewhere this often (placed with some). */
const ONE_PLACED_ELSEWHERE = 0.25;

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function addTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

export function generateSiblingGroups(timelines: readonly ChildTimeline[], date: IsoDate, rng: Rng): SiblingGroup[] {
  const present = timelines.flatMap((t) => {
    const e = t.episodes.find((x) => isLookedAfterOn(x, date));
    return e ? [{ t, e, key: e.plPost === null ? null : `${e.plPost}|${e.urn ?? ''}|${e.placeProvider ?? ''}` }] : [];
  });
  const placementOf = new Map(present.map(({ t, key }) => [t.child, key]));
  const close = (a: ChildTimeline, b: ChildTimeline, years: number) => Math.abs(ageOn(a.dob, date) - ageOn(b.dob, date)) <= years;
  /** Placed apart from all of `members`: not in the placement of any of them (an unknown address is apart). */
  const apart = (members: readonly ChildTimeline[], other: ChildTimeline) => {
    const key = placementOf.get(other.child);
    return key === null || members.every((m) => placementOf.get(m.child) !== key);
  };
  const grouped = new Set<string>();
  const groups: SiblingGroup[] = [];
  const record = (members: ChildTimeline[]) => {
    for (const m of members) grouped.add(m.child);
    groups.push({ id: `sg-${members[0]!.child}`, children: members.map((m) => m.child), recorded: date });
  };

  // Placed together: children the 903 shows in the same placement. In a foster home, those who came from one home
  // (the same HOME_POST) are the generator's families; in other shared placements (children's homes) a few
  // co-residents of close ages are brothers and sisters.
  const families = new Map<string, ChildTimeline[]>();
  const coResidents = new Map<string, ChildTimeline[]>();
  for (const { t, e, key } of present) {
    if (key === null) continue;
    if (!FOSTER_PLACEMENTS.has(e.place)) addTo(coResidents, key, t);
    else if (e.homePost !== null) addTo(families, `${key}|${e.homePost}`, t);
  }
  for (const residents of coResidents.values()) {
    if (residents.length < 2) continue;
    const [first, ...others] = residents;
    const mates = others.filter((o) => close(first!, o, CO_RESIDENT_AGE_GAP_YEARS)).slice(0, rng.from(GROUP_SIZE) - 1);
    // Mates are within 6 years of the first child, so within 12 of each other.
    if (mates.length > 0 && rng.chance(TOGETHER_CHANCE)) record([first!, ...mates]);
  }
  // More than four from one home in one foster home (only hand-made data has them) make several groups.
  const together = [...families.values()].flatMap((f) =>
    Array.from({ length: Math.ceil(f.length / MAX_GROUP_SIZE) }, (_, i) => f.slice(i * MAX_GROUP_SIZE, (i + 1) * MAX_GROUP_SIZE))
      .filter((g) => g.length >= 2));
  for (const family of together) for (const m of family) grouped.add(m.child);
  // A brother or sister placed elsewhere: a child in no group yet, within 15 years of each of them.
  const elsewhere = shuffle(present.map((p) => p.t).filter((t) => !grouped.has(t.child)), rng);
  for (const family of together) {
    const other = rng.chance(ONE_PLACED_ELSEWHERE) && family.length < MAX_GROUP_SIZE
      ? elsewhere.find((o) => !grouped.has(o.child) && apart(family, o) && family.every((m) => close(m, o, MAX_AGE_GAP_YEARS)))
      : undefined;
    record(other ? [...family, other] : family);
  }

  // Placed apart: the rest, until about 80% of the children are in a group.
  const target = Math.round(present.length * SHARE_WITH_SIBLINGS);
  const rest = shuffle(present.map((p) => p.t).filter((t) => !grouped.has(t.child)), rng);
  for (let i = 0; i < rest.length && grouped.size < target; i++) {
    const first = rest[i]!;
    if (grouped.has(first.child)) continue;
    const members = [first];
    const size = rng.from(GROUP_SIZE);
    for (let j = i + 1; j < rest.length && members.length < size; j++) {
      const other = rest[j]!;
      if (!grouped.has(other.child) && apart(members, other) && members.every((m) => close(m, other, MAX_AGE_GAP_YEARS))) members.push(other);
    }
    if (members.length >= 2) record(members);
  }
  return groups;
}
