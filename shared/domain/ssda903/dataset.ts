/**
 * Typed dataset from validated 903 tables: records grouped per child, dates as ISO, blank cells null, episodes
 * sorted by DECOM. Call it only on tables that validated without errors; it stays total on anything else.
 */
import { parseUkDate } from './dates.ts';
import type {
  ChildRecords, EpisodeRecord, HeaderRecord, LaDataset, MissingRecord, RawTable, ReviewRecord, TableName, UascRecord,
} from './records.ts';


/** Reads rows by column name, trimmed, blank → null. */
function reader(table: RawTable | undefined): { rows: string[][]; get: (row: string[], col: string) => string | null } {
  const index = new Map<string, number>();
  table?.columns.forEach((c, i) => {
    if (!index.has(c)) index.set(c, i);
  });
  return {
    rows: table?.rows ?? [],
    get: (row, col) => {
      const i = index.get(col);
      const v = i === undefined ? undefined : row[i]?.trim();
      return v ? v : null;
    },
  };
}


function find(tables: RawTable[], name: TableName): RawTable | undefined {
  return tables.find((t) => t.table === name);
}

export function toDataset(tables: RawTable[], yearEnding: number): LaDataset {
  const children = new Map<string, ChildRecords>();

  const h = reader(find(tables, 'Header'));
  for (const row of h.rows) {
    const child = h.get(row, 'CHILD');
    if (child === null || children.has(child)) continue;
    const header: HeaderRecord = {
      child,
      sex: h.get(row, 'SEX') ?? '',
      dob: parseUkDate(h.get(row, 'DOB')) ?? '',
      ethnic: h.get(row, 'ETHNIC') ?? '',
      upn: h.get(row, 'UPN'),
      mother: h.get(row, 'MOTHER'),
      mcDob: parseUkDate(h.get(row, 'MC_DOB')),
    };
    children.set(child, { child, header, episodes: [], reviews: [], missing: [], uasc: null });
  }

  const e = reader(find(tables, 'Episodes'));
  for (const row of e.rows) {
    const rec = children.get(e.get(row, 'CHILD') ?? '');
    const decom = parseUkDate(e.get(row, 'DECOM'));
    if (!rec || decom === null) continue;
    const episode: EpisodeRecord = {
      child: rec.child,
      decom,
      rne: e.get(row, 'RNE') ?? '',
      ls: e.get(row, 'LS') ?? '',
      cin: e.get(row, 'CIN') ?? '',
      place: e.get(row, 'PLACE') ?? '',
      placeProvider: e.get(row, 'PLACE_PROVIDER'),
      dec: parseUkDate(e.get(row, 'DEC')),
      rec: e.get(row, 'REC'),
      reasonPlaceChange: e.get(row, 'REASON_PLACE_CHANGE'),
      homePost: e.get(row, 'HOME_POST'),
      plPost: e.get(row, 'PL_POST'),
      urn: e.get(row, 'URN'),
    };
    rec.episodes.push(episode);
  }

  const r = reader(find(tables, 'Reviews'));
  for (const row of r.rows) {
    const rec = children.get(r.get(row, 'CHILD') ?? '');
    const review = parseUkDate(r.get(row, 'REVIEW'));
    if (!rec || review === null) continue;
    const item: ReviewRecord = {
      child: rec.child,
      dob: parseUkDate(r.get(row, 'DOB')) ?? rec.header.dob,
      review,
      reviewCode: r.get(row, 'REVIEW_CODE') ?? '',
    };
    rec.reviews.push(item);
  }

  const m = reader(find(tables, 'Missing'));
  for (const row of m.rows) {
    const rec = children.get(m.get(row, 'CHILD') ?? '');
    const misStart = parseUkDate(m.get(row, 'MIS_START'));
    const type = m.get(row, 'MISSING');
    if (!rec || misStart === null || (type !== 'M' && type !== 'A')) continue;
    const item: MissingRecord = {
      child: rec.child,
      dob: parseUkDate(m.get(row, 'DOB')) ?? rec.header.dob,
      missing: type,
      misStart,
      misEnd: parseUkDate(m.get(row, 'MIS_END')),
    };
    rec.missing.push(item);
  }

  const u = reader(find(tables, 'UASC'));
  for (const row of u.rows) {
    const rec = children.get(u.get(row, 'CHILD') ?? '');
    if (!rec || rec.uasc) continue;
    const item: UascRecord = {
      child: rec.child,
      sex: u.get(row, 'SEX') ?? rec.header.sex,
      dob: parseUkDate(u.get(row, 'DOB')) ?? rec.header.dob,
      duc: parseUkDate(u.get(row, 'DUC')),
    };
    rec.uasc = item;
  }

  const sw = reader(find(tables, 'SWEpisodes'));
  for (const row of sw.rows) {
    const rec = children.get(sw.get(row, 'CHILD') ?? '');
    const swDecom = parseUkDate(sw.get(row, 'SW_DECOM'));
    const swId = sw.get(row, 'SW_ID');
    if (!rec || swDecom === null || swId === null) continue;
    (rec.socialWorkers ??= []).push({
      child: rec.child, swId, swDecom, swDec: parseUkDate(sw.get(row, 'SW_DEC')), swReason: sw.get(row, 'SW_REASON'),
    });
  }

  for (const c of children.values()) {
    c.socialWorkers?.sort((a, b) => (a.swDecom < b.swDecom ? -1 : a.swDecom > b.swDecom ? 1 : endOrder(a.swDec, b.swDec)));
    c.episodes.sort((a, b) => (a.decom < b.decom ? -1 : a.decom > b.decom ? 1 : endOrder(a.dec, b.dec)));
    c.reviews.sort((a, b) => (a.review < b.review ? -1 : a.review > b.review ? 1 : 0));
    c.missing.sort((a, b) => (a.misStart < b.misStart ? -1 : a.misStart > b.misStart ? 1 : 0));
  }
  return { yearEnding, children: [...children.values()] };
}

/** Same DECOM: the episode that ends first comes first; an open episode comes last. */
function endOrder(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
