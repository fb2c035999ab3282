/**
 * Typed records of the SSDA903 tables the platform computes on (DESIGN.md §3).
 * Dates are ISO `YYYY-MM-DD` strings: they sort and compare as text, and serialise to DynamoDB unchanged.
 * Empty CSV cells become `null`.
 */
export type IsoDate = string;

export const TABLE_NAMES = [
  'Header', 'Episodes', 'Reviews', 'Missing', 'UASC',
  'OC2', 'OC3', 'AD1', 'PlacedAdoption', 'PrevPerm', 'SWEpisodes',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export interface HeaderRecord {
  child: string;
  sex: string;
  dob: IsoDate;
  ethnic: string;
  upn: string | null;
  mother: string | null;
  mcDob: IsoDate | null;
}

export interface EpisodeRecord {
  child: string;
  decom: IsoDate;
  rne: string;
  ls: string;
  cin: string;
  place: string;
  placeProvider: string | null;
  dec: IsoDate | null;
  rec: string | null;
  reasonPlaceChange: string | null;
  homePost: string | null;
  plPost: string | null;
  urn: string | null;
}

export interface ReviewRecord {
  child: string;
  dob: IsoDate;
  review: IsoDate;
  reviewCode: string;
}

export interface MissingRecord {
  child: string;
  dob: IsoDate;
  missing: 'M' | 'A';
  misStart: IsoDate;
  misEnd: IsoDate | null;
}

export interface UascRecord {
  child: string;
  sex: string;
  dob: IsoDate;
  duc: IsoDate | null;
}

/** A social worker episode (SWEpisodes, collected from 2023-24). */
export interface SocialWorkerRecord {
  child: string;
  swId: string;
  swDecom: IsoDate;
  swDec: IsoDate | null;
  swReason: string | null;
}

/** Every record of one child, as the metrics and the timeline read them. */
export interface ChildRecords {
  child: string;
  header: HeaderRecord;
  episodes: EpisodeRecord[];
  reviews: ReviewRecord[];
  missing: MissingRecord[];
  uasc: UascRecord | null;
  /** Absent in datasets stored before social worker episodes were kept per child, and for years before 2023-24. */
  socialWorkers?: SocialWorkerRecord[];
}

/** An LA's typed dataset for one collection year (named by the year it ends: 2025 = 2024-25). */
export interface LaDataset {
  yearEnding: number;
  children: ChildRecords[];
}

/** A table as uploaded, kept verbatim so every table of the return is stored (OC2, AD1, ... included). */
export interface RawTable {
  table: TableName;
  columns: string[];
  rows: string[][];
  /** Optional: the 1-based line of each row in the uploaded file (header = 1), when blank lines were skipped. */
  lines?: number[];
  /** Optional: the uploaded file's name, for messages. */
  fileName?: string;
}

/** One validation finding (DESIGN.md §7). `row` is the 1-based line in the file (header = 1), null for file-level. */
export interface Finding {
  file: string;
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}
