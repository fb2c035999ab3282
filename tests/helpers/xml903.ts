/**
 * Writes a return's CSV tables as the DfE's SSDA903 XML (EXPSSDA903 > CHILD > HEADER … EPISODE …), child by
 * child in Header order, so tests can compare the CSV and XML of the same return. Test-only: the platform reads
 * XML, it never writes it. Throws on a return XML cannot express (a row of a child missing from Header, or two
 * UASC/OC3/AD1 rows for one child).
 */
import { parse903Files } from '../../shared/domain/ssda903/parse.ts';
import type { RawTable, TableName } from '../../shared/domain/ssda903/records.ts';

const encoder = new TextEncoder();
const escape = (v: string) => v.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const leaf = (name: string, value: string) => (value === '' ? `<${name} />` : `<${name}>${escape(value)}</${name}>`);

/** Per table, the rows of each child as column → value. */
function byChild(tables: RawTable[]): Map<TableName, Map<string, Record<string, string>[]>> {
  const out = new Map<TableName, Map<string, Record<string, string>[]>>();
  for (const t of tables) {
    const rows = new Map<string, Record<string, string>[]>();
    for (const row of t.rows) {
      const record = Object.fromEntries(t.columns.map((c, i) => [c, row[i] ?? '']));
      const list = rows.get(record.CHILD!) ?? [];
      list.push(record);
      rows.set(record.CHILD!, list);
    }
    out.set(t.table, rows);
  }
  return out;
}

const GROUP_FIELDS: Record<string, readonly string[]> = {
  AREVIEW: ['REVIEW', 'REVIEW_CODE'],
  AMISSING: ['MISSING', 'MIS_START', 'MIS_END'],
  PERMANENCE: ['PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  OC2: ['SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT',
    'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
  AD_PLACED: ['DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  EPISODE: ['DECOM', 'RNE', 'LS', 'CIN', 'PL', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'],
  SWEPISODE: ['SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
};
const GROUP_TABLE: Record<string, TableName> = {
  AREVIEW: 'Reviews', AMISSING: 'Missing', PERMANENCE: 'PrevPerm', OC2: 'OC2', AD_PLACED: 'PlacedAdoption', EPISODE: 'Episodes', SWEPISODE: 'SWEpisodes',
};

export function tablesToXml(tables: RawTable[]): string {
  const rows = byChild(tables);
  const of = (table: TableName, child: string) => rows.get(table)?.get(child) ?? [];
  const header = tables.find((t) => t.table === 'Header')!;
  const known = new Set(header.rows.map((r) => r[header.columns.indexOf('CHILD')]!));
  for (const [table, perChild] of rows) {
    for (const child of perChild.keys()) if (!known.has(child)) throw new Error(`${table} has rows of child ${child}, who is not in Header`);
  }
  const single = (table: TableName, child: string) => {
    const list = of(table, child);
    if (list.length > 1) throw new Error(`child ${child} has ${list.length} ${table} rows; XML holds one`);
    return list[0];
  };
  const group = (element: string, child: string) => of(GROUP_TABLE[element]!, child)
    .map((r) => `<${element}>${GROUP_FIELDS[element]!.map((f) => leaf(f, r[f === 'PL' ? 'PLACE' : f] ?? '')).join('')}</${element}>`).join('');
  const out = ['<?xml version="1.0" encoding="utf-8"?>\n<EXPSSDA903>'];
  for (const h of header.rows) {
    const hr = Object.fromEntries(header.columns.map((c, i) => [c, h[i] ?? '']));
    const child = hr.CHILD!;
    const uasc = single('UASC', child);
    const oc3 = single('OC3', child);
    const ad1 = single('AD1', child);
    out.push('<CHILD><HEADER>',
      leaf('CHILDID', child), leaf('UPN', hr.UPN!), leaf('SEX', hr.SEX!), leaf('DOB', hr.DOB!), leaf('ETHNIC', hr.ETHNIC!),
      leaf('UASC', uasc ? '1' : ''), uasc ? leaf('DUC', uasc.DUC!) : '',
      oc3 ? ['IN_TOUCH', 'ACTIV', 'ACCOM'].map((f) => leaf(f, oc3[f]!)).join('') : '',
      ad1 ? ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'].map((f) => leaf(f, ad1[f]!)).join('') : '',
      group('AREVIEW', child), group('AMISSING', child), leaf('MOTHER', hr.MOTHER!), leaf('MC_DOB', hr.MC_DOB!),
      group('PERMANENCE', child), group('OC2', child), group('AD_PLACED', child),
      '</HEADER>', group('EPISODE', child), group('SWEPISODE', child), '</CHILD>\n');
  }
  out.push('</EXPSSDA903>\n');
  return out.join('');
}

/** The XML of a return given as CSV files, as one uploadable file. */
export function csvFilesToXmlFile(files: { name: string; bytes: Uint8Array }[], name = 'return.xml'): { name: string; bytes: Uint8Array } {
  const parsed = parse903Files(files);
  if (parsed.findings.length > 0) throw new Error(`the CSV files do not parse: ${parsed.findings[0]!.message}`);
  return { name, bytes: encoder.encode(tablesToXml(parsed.tables)) };
}
