/**
 * Field formats of every column of every 903 table (DfE "Children looked after" technical specification, data
 * dictionary): a maximum length and the characters a value may hold. Checked on the raw cell, so no value of any
 * size or content reaches the store, a message or a report unchecked, whether or not another rule reads the column.
 */
import type { TableName } from '../records.ts';
import { childLabel, shown, type Context, type TableView } from './context.ts';

interface FieldFormat {
  max: number;
  /** Matches a whole value made only of allowed characters. */
  allowed: RegExp;
  /** The allowed characters, for messages. */
  described: string;
}

const format = (max: number, allowed: RegExp, described: string): FieldFormat => ({ max, allowed, described });
/** dd/mm/yyyy (d/m/yyyy is accepted too, so never longer than 10). */
const DATE = format(10, /^[0-9/]*$/, 'digits and /');
/** A code from a DfE code set (SEX 1, ETHNIC WBRI, PLACE Z11, REASON_PLACE_CHANGE CUSTOD, ...). */
const code = (max: number) => format(max, /^[A-Za-z0-9]*$/, 'letters and digits');
const digits = (max: number) => format(max, /^[0-9]*$/, 'digits');
const POSTCODE = format(8, /^[A-Za-z0-9 ]*$/, 'letters, digits and spaces');
/** The LA's own child identifier: up to 10 characters; hyphens and underscores are tolerated from case systems. */
const CHILD = format(10, /^[A-Za-z0-9_-]*$/, 'letters, digits, - and _');

const CHILD_AND_DOB = { CHILD, DOB: DATE };

/** Every column of TABLE_COLUMNS has a format (a unit test holds this list and columns.ts together). */
export const FIELD_FORMATS: Readonly<Record<TableName, Readonly<Record<string, FieldFormat>>>> = {
  Header: { CHILD, SEX: code(1), DOB: DATE, ETHNIC: code(4), UPN: code(13), MOTHER: digits(1), MC_DOB: DATE },
  Episodes: {
    CHILD, DECOM: DATE, RNE: code(1), LS: code(2), CIN: code(2), PLACE: code(3), PLACE_PROVIDER: code(3), DEC: DATE,
    REC: code(3), REASON_PLACE_CHANGE: code(6), HOME_POST: POSTCODE, PL_POST: POSTCODE,
    // Ofsted URN: SC and 6 digits, 7 digits for older providers, or XXXXXXX when there is none.
    URN: code(8),
  },
  Reviews: { ...CHILD_AND_DOB, REVIEW: DATE, REVIEW_CODE: code(3) },
  Missing: { ...CHILD_AND_DOB, MISSING: code(1), MIS_START: DATE, MIS_END: DATE },
  UASC: { CHILD, SEX: code(1), DOB: DATE, DUC: DATE },
  OC2: {
    ...CHILD_AND_DOB, SDQ_SCORE: digits(2), SDQ_REASON: code(4), CONVICTED: digits(1), HEALTH_CHECK: digits(1),
    IMMUNISATIONS: digits(1), TEETH_CHECK: digits(1), HEALTH_ASSESSMENT: digits(1), SUBSTANCE_MISUSE: digits(1),
    INTERVENTION_RECEIVED: digits(1), INTERVENTION_OFFERED: digits(1),
  },
  OC3: { ...CHILD_AND_DOB, IN_TOUCH: code(4), ACTIV: code(2), ACCOM: code(2) },
  AD1: {
    ...CHILD_AND_DOB, DATE_INT: DATE, DATE_MATCH: DATE, FOSTER_CARE: digits(1), NB_ADOPTR: digits(1),
    SEX_ADOPTR: code(2), LS_ADOPTR: code(3),
  },
  PlacedAdoption: { ...CHILD_AND_DOB, DATE_PLACED: DATE, DATE_PLACED_CEASED: DATE, REASON_PLACED_CEASED: code(3) },
  // LA_PERM: an LA code (3 digits) or a 9-character ONS code; DATE_PERM may write an unknown day or month as zz.
  PrevPerm: { ...CHILD_AND_DOB, PREV_PERM: code(2), LA_PERM: code(9), DATE_PERM: format(10, /^[0-9/zZ]*$/, 'digits, / and z') },
  // SW_ID: the social worker's Social Work England number (SW and digits) or the LA's own staff id.
  SWEpisodes: { ...CHILD_AND_DOB, SW_ID: code(20), SW_DECOM: DATE, SW_DEC: DATE, SW_REASON: code(6) },
};

/** Spaces around a value are ignored by every rule, but a cell may not hide a payload in them. */
const SURROUNDING_SPACES = 10;

/** A character for a message: visible ones quoted, the rest by code point (a NUL or a line break prints badly). */
function describeCharacter(c: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c) ? `"${c}"` : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One cell of the upload, as findings locate it. */
const cellKey = (file: string, row: number | null, column: string | null) => `${file}\u0000${row}\u0000${column}`;

function checkTable(ctx: Context, view: TableView, refused: ReadonlySet<string>): void {
  const formats = FIELD_FORMATS[view.table];
  const cChild = view.col('CHILD');
  view.raw.columns.forEach((column, c) => {
    const fmt = formats[column];
    // An unknown column is already refused by parsing (EXTRA_COLUMN); a repeated one is checked once.
    if (!fmt || view.col(column) !== c) return;
    for (let i = 0; i < view.length; i++) {
      const raw = view.raw.rows[i]![c];
      if (raw === undefined || raw === '') continue;
      const value = raw.trim();
      const tooLong = value.length > fmt.max || raw.length > value.length + SURROUNDING_SPACES;
      if ((!tooLong && fmt.allowed.test(value)) || refused.has(cellKey(view.table, view.line(i), column))) continue;
      if (tooLong) {
        const padded = value.length <= fmt.max ? ' with the spaces around it' : '';
        ctx.out.add('FIELD_TOO_LONG', view, i, column,
          `${childLabel(view.cell(i, cChild))}: ${column} is ${(padded ? raw : value).length.toLocaleString('en-GB')} characters long${padded}; the 903 allows at most ${fmt.max}.`);
      } else {
        const bad = [...value].find((ch) => !fmt.allowed.test(ch))!;
        ctx.out.add('FIELD_CHARACTERS', view, i, column,
          `${childLabel(view.cell(i, cChild))}: ${column} ${shown(value)} contains ${describeCharacter(bad)}; the 903 allows only ${fmt.described} in ${column}.`);
      }
    }
  });
}

/**
 * Runs after every other rule: a cell another rule already refused (an invalid date or code: their messages
 * quote at most 40 characters) is not reported twice; a query such as 168 on a UPN does not count as refused.
 */
export function checkFieldLimits(ctx: Context): void {
  const refused = new Set(ctx.out.findings.filter((f) => f.severity === 'error').map((f) => cellKey(f.file, f.row, f.column)));
  for (const view of ctx.views.values()) checkTable(ctx, view, refused);
}
