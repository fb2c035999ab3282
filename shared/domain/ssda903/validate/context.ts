/**
 * What every rule module shares: a read-only view of each uploaded table, the typed rows built once from it,
 * the per-child groupings, and the collector that turns a rule hit into a Finding.
 */
import { TABLE_COLUMNS } from '../columns.ts';
import { collectionYear, parseUkDate, type CollectionYear } from '../dates.ts';
import type { ChildRecords, Finding, IsoDate, LaDataset, RawTable, TableName } from '../records.ts';
import { codeLists, type CodeLists } from './codes.ts';
import { DFE_MESSAGES } from './dfe-messages.ts';
import { severityOf, type Severity } from './rules.ts';

/** A RawTable read by column name; cells are trimmed and blank cells are null. */
export class TableView {
  readonly table: TableName;
  readonly raw: RawTable;
  private readonly index = new Map<string, number>();
  /** The last line number of the file that a finding may point at. */
  readonly lastLine: number;

  constructor(raw: RawTable) {
    this.raw = raw;
    this.table = raw.table;
    raw.columns.forEach((c, i) => {
      if (!this.index.has(c)) this.index.set(c, i);
    });
    this.lastLine = raw.rows.length === 0 ? 1 : this.line(raw.rows.length - 1);
  }

  get length(): number {
    return this.raw.rows.length;
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  col(column: string): number {
    return this.index.get(column) ?? -1;
  }

  /** The cell of row `i` in column index `c` (from col()), trimmed; null when blank or absent. */
  cell(i: number, c: number): string | null {
    if (c < 0) return null;
    const v = this.raw.rows[i]?.[c];
    if (v === undefined) return null;
    const t = v.trim();
    return t === '' ? null : t;
  }

  /** 1-based line in the file of row `i` (header = 1). */
  line(i: number): number {
    return this.raw.lines?.[i] ?? i + 2;
  }
}

export interface RuleFinding extends Finding {
  severity: Severity;
}

/** The last guard: a message over this many characters is cut (a rule that quoted a cell without shown()). */
const MESSAGE_LIMIT = 400;
const capMessage = (m: string) => (m.length <= MESSAGE_LIMIT ? m : `${m.slice(0, MESSAGE_LIMIT)}…`);

/** Collects findings; drops any that would point at a row or column the file does not have. */
export class Collector {
  readonly findings: RuleFinding[] = [];

  /**
   * `row` is a row index into the table (0 = first data row) or null for a table-level finding.
   * A finding on a column the file lacks is dropped: the missing column is already reported by parsing.
   * `severity` overrides the code's usual one (101 is a query for the old SEX coding, an error otherwise).
   */
  add(code: string, view: TableView, row: number | null, column: string | null, message: string, severity = severityOf(code)): void {
    if (column !== null && !view.has(column)) return;
    const line = row === null ? null : view.line(row);
    if (line !== null && (line < 1 || line > view.lastLine)) return;
    // Ours first: when the cap cuts, it cuts the DfE's general wording, not the specifics.
    const dfe = DFE_MESSAGES.get(code);
    const full = dfe === undefined ? message : `${message} DfE ${code}: ${dfe}`;
    this.findings.push({ file: view.table, row: line, column, code, message: capMessage(full), severity });
  }

  /** A finding about a table that was not uploaded at all. */
  addMissingTable(table: TableName, message: string): void {
    this.findings.push({ file: table, row: null, column: null, code: 'MISSING_TABLE', message, severity: 'error' });
  }
}

export interface HeaderRow {
  i: number;
  child: string | null;
  sex: string | null;
  dobRaw: string | null;
  dob: IsoDate | null;
  ethnic: string | null;
  upn: string | null;
  mother: string | null;
  mcDobRaw: string | null;
  mcDob: IsoDate | null;
}

export interface EpisodeRow {
  i: number;
  child: string | null;
  decomRaw: string | null;
  decom: IsoDate | null;
  rne: string | null;
  ls: string | null;
  cin: string | null;
  place: string | null;
  placeProvider: string | null;
  decRaw: string | null;
  dec: IsoDate | null;
  rec: string | null;
  reasonPlaceChange: string | null;
  homePost: string | null;
  plPost: string | null;
  urn: string | null;
}

export interface ReviewRow {
  i: number;
  child: string | null;
  dobRaw: string | null;
  dob: IsoDate | null;
  reviewRaw: string | null;
  review: IsoDate | null;
  reviewCode: string | null;
}

export interface MissingRow {
  i: number;
  child: string | null;
  dobRaw: string | null;
  dob: IsoDate | null;
  missing: string | null;
  startRaw: string | null;
  start: IsoDate | null;
  endRaw: string | null;
  end: IsoDate | null;
}

export interface Context {
  year: CollectionYear;
  codes: CodeLists;
  out: Collector;
  views: Map<TableName, TableView>;
  header: HeaderRow[];
  episodes: EpisodeRow[];
  reviews: ReviewRow[];
  missing: MissingRow[];
  /** First Header row of each child. */
  headerByChild: Map<string, HeaderRow>;
  /** Each child's episodes with a valid DECOM, not exact duplicates, sorted by DECOM then DEC (open last). */
  episodesByChild: Map<string, EpisodeRow[]>;
  reviewsByChild: Map<string, ReviewRow[]>;
  /** Each child's missing incidents with a valid MIS_START, sorted by it. */
  missingByChild: Map<string, MissingRow[]>;
  /** Row indexes that repeat an earlier row exactly, per table. */
  duplicates: Map<TableName, Set<number>>;
  previous?: LaDataset;
  /** Last year's records of each child; empty without the previous year. */
  previousByChild: Map<string, ChildRecords>;
}

function groupBy<T extends { child: string | null }>(rows: T[], keep: (r: T) => boolean): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    if (r.child === null || !keep(r)) continue;
    const list = map.get(r.child);
    if (list) list.push(r);
    else map.set(r.child, [r]);
  }
  return map;
}

/** Rows that repeat an earlier row of the same table exactly, cell for cell. */
/**
 * Rows identical to an earlier row. Duplicates share their first cell (CHILD), so rows are grouped by it and
 * compared cell by cell inside the group: no per-row key string (this ran at a tenth of validation time).
 */
function findDuplicates(view: TableView): Set<number> {
  const dups = new Set<number>();
  const rows = view.raw.rows;
  const byFirstCell = new Map<string, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const first = rows[i]![0] ?? '';
    const group = byFirstCell.get(first);
    if (!group) {
      byFirstCell.set(first, [i]);
      continue;
    }
    const row = rows[i]!;
    if (group.some((j) => sameRow(rows[j]!, row))) dups.add(i);
    else group.push(i);
  }
  return dups;
}

/** Cell by cell from the second column: the first is the shared CHILD, the second usually a date that differs. */
function sameRow(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let c = 1; c < a.length; c++) if (a[c] !== b[c]) return false;
  return true;
}

/** Builds one typed row per data row; `make` resolves column indexes once and returns the per-row builder. */
function readRows<T>(view: TableView | undefined, make: (col: (name: string) => number) => (i: number) => T): T[] {
  if (!view) return [];
  const build = make((name) => view.col(name));
  const rows: T[] = new Array(view.length);
  for (let i = 0; i < view.length; i++) rows[i] = build(i);
  return rows;
}

export function buildContext(tables: RawTable[], yearEnding: number, previous: LaDataset | undefined): Context {
  const views = new Map<TableName, TableView>();
  for (const t of tables) {
    // The first table of each name wins; parse903Files never returns two.
    if (!views.has(t.table) && TABLE_COLUMNS[t.table]) views.set(t.table, new TableView(t));
  }
  const hv = views.get('Header');
  const header = readRows<HeaderRow>(hv, (col) => {
    const [cChild, cSex, cDob, cEth, cUpn, cMother, cMc] = ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'].map(col);
    return (i) => {
      const dobRaw = hv!.cell(i, cDob!);
      const mcDobRaw = hv!.cell(i, cMc!);
      return {
        i, child: hv!.cell(i, cChild!), sex: hv!.cell(i, cSex!), dobRaw, dob: parseUkDate(dobRaw),
        ethnic: hv!.cell(i, cEth!), upn: hv!.cell(i, cUpn!), mother: hv!.cell(i, cMother!), mcDobRaw, mcDob: parseUkDate(mcDobRaw),
      };
    };
  });
  const ev = views.get('Episodes');
  const episodes = readRows<EpisodeRow>(ev, (col) => {
    const c = TABLE_COLUMNS.Episodes.map(col);
    return (i) => {
      const g = (k: number) => ev!.cell(i, c[k]!);
      const decomRaw = g(1);
      const decRaw = g(7);
      return {
        i, child: g(0), decomRaw, decom: parseUkDate(decomRaw), rne: g(2), ls: g(3), cin: g(4), place: g(5),
        placeProvider: g(6), decRaw, dec: parseUkDate(decRaw), rec: g(8), reasonPlaceChange: g(9), homePost: g(10),
        plPost: g(11), urn: g(12),
      };
    };
  });
  const rv = views.get('Reviews');
  const reviews = readRows<ReviewRow>(rv, (col) => {
    const [cChild, cDob, cRev, cCode] = ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'].map(col);
    return (i) => {
      const dobRaw = rv!.cell(i, cDob!);
      const reviewRaw = rv!.cell(i, cRev!);
      return {
        i, child: rv!.cell(i, cChild!), dobRaw, dob: parseUkDate(dobRaw), reviewRaw, review: parseUkDate(reviewRaw),
        reviewCode: rv!.cell(i, cCode!),
      };
    };
  });
  const mv = views.get('Missing');
  const missing = readRows<MissingRow>(mv, (col) => {
    const [cChild, cDob, cType, cStart, cEnd] = ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'].map(col);
    return (i) => {
      const dobRaw = mv!.cell(i, cDob!);
      const startRaw = mv!.cell(i, cStart!);
      const endRaw = mv!.cell(i, cEnd!);
      return {
        i, child: mv!.cell(i, cChild!), dobRaw, dob: parseUkDate(dobRaw), missing: mv!.cell(i, cType!), startRaw,
        start: parseUkDate(startRaw), endRaw, end: parseUkDate(endRaw),
      };
    };
  });

  const duplicates = new Map<TableName, Set<number>>();
  for (const [name, view] of views) duplicates.set(name, findDuplicates(view));
  const epDups = duplicates.get('Episodes') ?? new Set<number>();
  const misDups = duplicates.get('Missing') ?? new Set<number>();

  const headerByChild = new Map<string, HeaderRow>();
  for (const h of header) if (h.child !== null && !headerByChild.has(h.child)) headerByChild.set(h.child, h);

  const episodesByChild = groupBy(episodes, (e) => e.decom !== null && !epDups.has(e.i));
  for (const list of episodesByChild.values()) {
    list.sort((a, b) => (a.decom! < b.decom! ? -1 : a.decom! > b.decom! ? 1 : compareEnd(a.dec, b.dec) || a.i - b.i));
  }
  const reviewsByChild = groupBy(reviews, () => true);
  const missingByChild = groupBy(missing, (m) => m.start !== null && !misDups.has(m.i));
  for (const list of missingByChild.values()) list.sort((a, b) => (a.start! < b.start! ? -1 : a.start! > b.start! ? 1 : a.i - b.i));

  const year = collectionYear(yearEnding);
  const ctx: Context = {
    year, codes: codeLists(yearEnding), out: new Collector(), views, header, episodes, reviews, missing,
    headerByChild, episodesByChild, reviewsByChild, missingByChild, duplicates,
    previousByChild: new Map(previous?.children.map((c) => [c.child, c]) ?? []),
  };
  if (previous) ctx.previous = previous;
  return ctx;
}

/** Open (null) ends sort after any date. */
function compareEnd(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Is `next` the continuation of `prev` in one period of care (REC X1 and DECOM = that DEC)? */
export function continues(prev: EpisodeRow, next: EpisodeRow): boolean {
  return prev.rec === 'X1' && prev.dec !== null && prev.dec === next.decom;
}

/** A child's sorted episodes split into periods of care (an S episode or a break starts a new period). */
export function periodsOf(eps: EpisodeRow[]): EpisodeRow[][] {
  const periods: EpisodeRow[][] = [];
  let current: EpisodeRow[] = [];
  for (const e of eps) {
    const prev = current[current.length - 1];
    if (prev && continues(prev, e) && e.rne !== 'S') current.push(e);
    else {
      if (current.length > 0) periods.push(current);
      current = [e];
    }
  }
  if (current.length > 0) periods.push(current);
  return periods;
}

/** The date an episode stops counting for a duration: its DEC, or the end of the collection year when open. */
export function effectiveEnd(e: EpisodeRow, year: CollectionYear): IsoDate {
  return e.dec ?? year.end;
}

/** A message quotes at most this much of a cell: a finding must never be larger than the value it is about. */
export const QUOTE_LIMIT = 40;

/** At most QUOTE_LIMIT characters of a value, saying how long the rest is. */
export function clip(v: string): string {
  return v.length <= QUOTE_LIMIT ? v : `${v.slice(0, QUOTE_LIMIT)}… (${v.length} characters)`;
}

/** "child 123" for messages. */
export function childLabel(child: string | null): string {
  return child === null ? 'a row with no CHILD' : `child ${clip(child)}`;
}

/** Value for messages: quoted (clipped), or "blank". Every message that quotes a cell goes through here. */
export function shown(v: string | null): string {
  return v === null ? 'blank' : `"${clip(v)}"`;
}
