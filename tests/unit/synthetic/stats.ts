/**
 * Independent read-back of generated CSV for the distribution tests: parses the text the generator wrote
 * (not its internal model) and computes the DfE-style shares the dashboards will show.
 */
import type { TableName } from '../../../shared/domain/ssda903/records.ts';

export type Tables = Map<TableName, string>;

export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

/** dd/mm/yyyy → yyyy-mm-dd (sorts and compares as text). */
export function iso(dmy: string): string {
  return `${dmy.slice(6, 10)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`;
}

function addMonthsIso(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const d = Number(date.slice(8, 10));
  const yy = y + Math.floor(m / 12);
  const mm = (m % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${yy}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

export interface YearStats {
  cla: number;
  duringYear: number;
  starters: number;
  place: Record<string, number>;
  ls: Record<string, number>;
  ageBands: Record<string, number>;
  threePlus: number;
  oneOrMoreMoves: number;
  reviewsInYear: number;
  reviewsOnTime: number;
  participation: Record<string, number>;
  missingChildren: number;
  missingIncidents: number;
  awayChildren: number;
  leavers: Record<string, number>;
  returnedHome: number;
  reenteredWithin12: number;
}

const SHORT = new Set(['V3', 'V4']);
const TEMP = new Set(['T0', 'T1', 'T2', 'T3', 'T4']);

/**
 * Figures of one year's return. Returns hold the year's reviews only (as the DfE expects), so the review sequence
 * also reads the reviews and period starts of `earlier` returns (oldest first), as the tenant job passes history.
 */
export function yearStats(tables: Tables, yearEnding: number, earlier: readonly Tables[] = []): YearStats {
  const A = `${yearEnding - 1}-04-01`;
  const Z = `${yearEnding}-03-31`;
  const header = new Map(parseCsv(tables.get('Header')!).map((r) => [r.CHILD!, r]));
  const episodes = parseCsv(tables.get('Episodes')!).filter((e) => !SHORT.has(e.LS!));
  const byChild = new Map<string, Record<string, string>[]>();
  for (const e of episodes) {
    const list = byChild.get(e.CHILD!) ?? [];
    list.push(e);
    byChild.set(e.CHILD!, list);
  }
  const s: YearStats = {
    cla: 0, duringYear: 0, starters: 0, place: {}, ls: {}, ageBands: {}, threePlus: 0, oneOrMoreMoves: 0,
    reviewsInYear: 0, reviewsOnTime: 0, participation: {}, missingChildren: 0, missingIncidents: 0, awayChildren: 0,
    leavers: {}, returnedHome: 0, reenteredWithin12: 0,
  };
  for (const [child, eps] of byChild) {
    const during = eps.some((e) => iso(e.DECOM!) <= Z && (e.DEC === '' || iso(e.DEC!) > A));
    if (!during) continue;
    s.duringYear++;
    if (eps.some((e) => e.RNE === 'S' && iso(e.DECOM!) >= A)) s.starters++;
    const open = eps.find((e) => e.DEC === '');
    let placements = 0;
    let moves = 0;
    for (const e of eps) {
      const start = iso(e.DECOM!);
      if (TEMP.has(e.PLACE!)) continue;
      const isStart = start >= A && start <= Z;
      if (isStart && e.RNE === 'S') placements++;
      if (isStart && ['P', 'T', 'U', 'B'].includes(e.RNE!)) {
        // Returns from temporary placements are not moves (the previous episode is temporary).
        const prev = eps[eps.indexOf(e) - 1];
        if (prev && TEMP.has(prev.PLACE!)) continue;
        placements++;
        moves++;
      }
      if (start < A && (e.DEC === '' || iso(e.DEC!) > A)) placements++;
    }
    if (moves >= 1) s.oneOrMoreMoves++;
    for (const e of eps) {
      if (e.DEC !== '' && e.REC !== 'X1' && iso(e.DEC!) >= A && iso(e.DEC!) <= Z) {
        s.leavers[e.REC!] = (s.leavers[e.REC!] ?? 0) + 1;
        if (['E4A', 'E4B', 'E13'].includes(e.REC!)) {
          s.returnedHome++;
          const back = eps.find((n) => n.RNE === 'S' && iso(n.DECOM!) > iso(e.DEC!));
          if (back && daysBetween(iso(e.DEC!), iso(back.DECOM!)) <= 365) s.reenteredWithin12++;
        }
      }
    }
    if (!open) continue;
    s.cla++;
    if (placements >= 3) s.threePlus++;
    const place = TEMP.has(open.PLACE!) ? 'T' : open.PLACE!;
    s.place[place] = (s.place[place] ?? 0) + 1;
    s.ls[open.LS!] = (s.ls[open.LS!] ?? 0) + 1;
    const dob = iso(header.get(child)!.DOB!);
    const age = Number(Z.slice(0, 4)) - Number(dob.slice(0, 4)) - (Z.slice(5) < dob.slice(5) ? 1 : 0);
    const band = age < 1 ? '<1' : age < 5 ? '1-4' : age < 10 ? '5-9' : age < 16 ? '10-15' : '16+';
    s.ageBands[band] = (s.ageBands[band] ?? 0) + 1;
  }

  // Reviews: sequence per period of care (period start = latest S episode on or before the review).
  const reviews = [...earlier, tables].flatMap((t) => parseCsv(t.get('Reviews')!));
  const startsByChild = new Map<string, string[]>();
  for (const e of [...earlier, tables].flatMap((t) => parseCsv(t.get('Episodes')!))) {
    if (e.RNE !== 'S' || SHORT.has(e.LS!)) continue;
    const list = startsByChild.get(e.CHILD!) ?? [];
    list.push(iso(e.DECOM!));
    startsByChild.set(e.CHILD!, list);
  }
  const reviewsByChild = new Map<string, string[]>();
  for (const r of reviews) {
    const list = reviewsByChild.get(r.CHILD!) ?? [];
    list.push(iso(r.REVIEW!));
    reviewsByChild.set(r.CHILD!, list);
    if (iso(r.REVIEW!) >= A && iso(r.REVIEW!) <= Z) s.participation[r.REVIEW_CODE!] = (s.participation[r.REVIEW_CODE!] ?? 0) + 1;
  }
  for (const [child, dates] of reviewsByChild) {
    const starts = [...new Set((startsByChild.get(child) ?? []))].sort();
    dates.sort();
    let prev: string | null = null;
    let n = 0;
    let period = '';
    for (const d of dates) {
      const p = starts.filter((x) => x <= d).pop() ?? '';
      if (p !== period) {
        period = p;
        n = 0;
        prev = null;
      }
      // The simulation keeps first reviews either within 27 or beyond 40 calendar days, so 30 separates them.
      const onTime = n === 0 ? daysBetween(p, d) <= 30 : d <= addMonthsIso(prev!, n === 1 ? 3 : 6);
      if (d >= A && d <= Z) {
        s.reviewsInYear++;
        if (onTime) s.reviewsOnTime++;
      }
      prev = d;
      n++;
    }
  }

  const missing = parseCsv(tables.get('Missing')!);
  const missingKids = new Set(missing.filter((m) => m.MISSING === 'M').map((m) => m.CHILD));
  s.missingChildren = missingKids.size;
  s.missingIncidents = missing.filter((m) => m.MISSING === 'M').length;
  s.awayChildren = new Set(missing.filter((m) => m.MISSING === 'A').map((m) => m.CHILD)).size;
  return s;
}

export function share(part: Record<string, number>, keys: readonly string[], total: number): number {
  return keys.reduce((sum, k) => sum + (part[k] ?? 0), 0) / total;
}
