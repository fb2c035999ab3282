/**
 * The DfE's SSDA903 XML (the "expanded" return) read into the same RawTables a CSV upload gives, so validation,
 * the stored dataset and the metrics cannot tell the two apart. Pure: text in, tables and findings out; never throws.
 *
 *   EXPSSDA903 > CHILD (one per child) > HEADER: CHILDID, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB, UASC + DUC,
 *                                                 IN_TOUCH/ACTIV/ACCOM (OC3), DATE_INT … LS_ADOPTR (AD1),
 *                                                 AREVIEW*, AMISSING*, OC2, PERMANENCE, AD_PLACED*
 *                                      > EPISODE* (PL is the CSV's PLACE), SWEPISODE*
 *
 * A row of every table is the child's position (CHILD[n], 1-based): findings point at the child, and
 * elementPath() names the element. Element names follow the DfE validator's XML reader (CHILDID and PL renamed).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TABLE_COLUMNS } from './columns.ts';
import { TABLE_NAMES, type Finding, type RawTable, type TableName } from './records.ts';

/** Stable codes of the findings about an XML file's shape (all errors: the return cannot be read). */
export const XML_CODES = {
  notXml: 'NOT_WELL_FORMED_XML',
  doctype: 'XML_DOCTYPE',
  not903: 'NOT_903_XML',
  unknownElement: 'UNKNOWN_ELEMENT',
  repeatedElement: 'REPEATED_ELEMENT',
  missingHeader: 'MISSING_HEADER',
} as const;

/** XML element names that differ from the CSV column names. */
const ELEMENT_OF_COLUMN: Partial<Record<string, string>> = { CHILD: 'CHILDID', PLACE: 'PL' };
const elementOf = (column: string) => ELEMENT_OF_COLUMN[column] ?? column;

/** Tables with a repeated element of their own; every other column of their rows comes from the child's HEADER. */
const GROUPS: readonly { table: TableName; element: string; parent: 'CHILD' | 'HEADER' }[] = [
  { table: 'Episodes', element: 'EPISODE', parent: 'CHILD' },
  { table: 'SWEpisodes', element: 'SWEPISODE', parent: 'CHILD' },
  { table: 'Reviews', element: 'AREVIEW', parent: 'HEADER' },
  { table: 'Missing', element: 'AMISSING', parent: 'HEADER' },
  { table: 'OC2', element: 'OC2', parent: 'HEADER' },
  { table: 'PrevPerm', element: 'PERMANENCE', parent: 'HEADER' },
  { table: 'PlacedAdoption', element: 'AD_PLACED', parent: 'HEADER' },
];
/** Columns a group's rows take from the HEADER (they identify the child). */
const FROM_HEADER = new Set(['CHILD', 'DOB']);
/** Tables whose values are HEADER fields: Header itself, and at most one UASC, OC3 and AD1 row per child. */
const HEADER_TABLES: readonly TableName[] = ['Header', 'UASC', 'OC3', 'AD1'];
/** The HEADER flag saying the child was an unaccompanied asylum-seeking child (UASC table row). */
const UASC_FLAG = 'UASC';

const groupOf = new Map(GROUPS.map((g) => [g.table, g]));
const groupByElement = new Map(GROUPS.map((g) => [g.element, g]));
const headerLeaves = new Set([UASC_FLAG, ...HEADER_TABLES.flatMap((t) => TABLE_COLUMNS[t].map(elementOf))]);
const groupLeaves = new Map(GROUPS.map((g) => [g.element, new Set(TABLE_COLUMNS[g.table].filter((c) => !FROM_HEADER.has(c)).map(elementOf))]));

/** The element a finding on `table`/`column` of child `position` points at, e.g. CHILD[12]/HEADER/AREVIEW/REVIEW. */
export function elementPath(table: TableName, column: string | null, position: number): string {
  const child = `CHILD[${position}]`;
  const group = groupOf.get(table);
  if (!group) return column === null ? `${child}/HEADER` : `${child}/HEADER/${elementOf(column)}`;
  const at = group.parent === 'CHILD' ? `${child}/${group.element}` : `${child}/HEADER/${group.element}`;
  if (column === null) return at;
  return FROM_HEADER.has(column) ? `${child}/HEADER/${elementOf(column)}` : `${at}/${elementOf(column)}`;
}

/** An XML file is recognised by its content: after an optional BOM and blank space, it opens with `<`. */
export function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

// Ordered output (the fastest mode here), values kept as text (CHILDID 007 is not the number 7). Entities are
// decoded by entityText below: the parser's own entity pass cost two thirds of the parse.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: false,
});

/** A node of the ordered parse: `{ TAG: [children] }`, or `{ '#text': value }`. */
type Node = { [key: string]: Node[] | string | undefined };

const TEXT = '#text';
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined XML entities and character references (no others exist: declarations are refused). */
function entityText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : PREDEFINED[e]!);
}

function tagOf(node: Node): string | null {
  for (const key in node) if (key !== ':@') return key === TEXT ? null : key;
  return null;
}

/** An element's child elements grouped by name (in document order), and its own text. */
function contents(node: Node | undefined): { elements: Map<string, Node[]>; text: string } {
  const elements = new Map<string, Node[]>();
  let text = '';
  const tag = node ? tagOf(node) : null;
  const children = tag === null ? [] : (node![tag] as Node[]);
  for (const child of children) {
    const name = tagOf(child);
    if (name === null) {
      text += String(child[TEXT] ?? '');
      continue;
    }
    const list = elements.get(name);
    if (list) list.push(child);
    else elements.set(name, [child]);
  }
  return { elements, text: entityText(text) };
}

interface Reader {
  file: string;
  findings: Finding[];
  rows: Map<TableName, string[][]>;
  lines: Map<TableName, number[]>;
}

function finding(file: string, code: string, message: string, row: number | null = null, column: string | null = null): Finding {
  return { file, row, column, code, message };
}

function unknown(r: Reader, name: string, path: string, position: number | null): void {
  r.findings.push(finding(r.file, XML_CODES.unknownElement, `<${name}> is not an SSDA903 XML element here (${path}).`, position, `${path}/${name}`));
}

/** The text of a leaf element; nested elements where a value belongs are reported and ignored. */
function leafText(r: Reader, nodes: Node[], path: string, position: number): string {
  if (nodes.length > 1) {
    r.findings.push(finding(r.file, XML_CODES.repeatedElement, `${path} appears ${nodes.length} times; give it once.`, position, path));
  }
  const { elements, text } = contents(nodes[0]);
  for (const name of elements.keys()) {
    r.findings.push(finding(r.file, XML_CODES.unknownElement, `${path} holds an element <${name}> where a value belongs.`, position, `${path}/${name}`));
  }
  return text;
}

/** The leaf values of an element's children by name, reporting elements the 903 XML does not have there. */
function leaves(r: Reader, elements: Map<string, Node[]>, known: ReadonlySet<string>, path: string, position: number, skip: ReadonlySet<string> = new Set()): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, nodes] of elements) {
    if (skip.has(name)) continue;
    if (!known.has(name)) unknown(r, name, path, position);
    else values.set(name, leafText(r, nodes, `${path}/${name}`, position));
  }
  return values;
}

function addRow(r: Reader, table: TableName, values: (column: string) => string, position: number): void {
  r.rows.get(table)!.push(TABLE_COLUMNS[table].map(values));
  r.lines.get(table)!.push(position);
}

const HEADER_GROUPS = new Set(GROUPS.filter((g) => g.parent === 'HEADER').map((g) => g.element));

function readChild(r: Reader, node: Node, position: number): void {
  const path = `CHILD[${position}]`;
  const child = contents(node).elements;
  for (const name of child.keys()) {
    if (name !== 'HEADER' && groupByElement.get(name)?.parent !== 'CHILD') unknown(r, name, path, position);
  }
  const headers = child.get('HEADER') ?? [];
  if (headers.length === 0) {
    r.findings.push(finding(r.file, XML_CODES.missingHeader, `${path} has no HEADER element, so the child cannot be read.`, position, `${path}/HEADER`));
    return;
  }
  if (headers.length > 1) {
    r.findings.push(finding(r.file, XML_CODES.repeatedElement, `${path} has ${headers.length} HEADER elements; a child has one.`, position, `${path}/HEADER`));
  }
  const header = contents(headers[0]).elements;
  const fields = leaves(r, header, headerLeaves, `${path}/HEADER`, position, HEADER_GROUPS);
  const field = (column: string) => fields.get(elementOf(column)) ?? '';

  addRow(r, 'Header', field, position);
  const uasc = field(UASC_FLAG);
  if ((uasc !== '' && uasc !== '0') || field('DUC') !== '') addRow(r, 'UASC', field, position);
  for (const table of ['OC3', 'AD1'] as const) {
    // A child has an OC3 or AD1 row when any of the table's own fields is given (as the DfE's reader decides).
    if (TABLE_COLUMNS[table].some((c) => !FROM_HEADER.has(c) && field(c) !== '')) addRow(r, table, field, position);
  }
  for (const group of GROUPS) {
    const parent = group.parent === 'CHILD' ? child : header;
    const at = group.parent === 'CHILD' ? `${path}/${group.element}` : `${path}/HEADER/${group.element}`;
    for (const item of parent.get(group.element) ?? []) {
      const own = leaves(r, contents(item).elements, groupLeaves.get(group.element)!, at, position);
      addRow(r, group.table, (c) => (FROM_HEADER.has(c) ? field(c) : own.get(elementOf(c)) ?? ''), position);
    }
  }
}

/**
 * Reads one SSDA903 XML document: every table of the return (empty ones included, as the XML always carries
 * the whole return), or file-level findings when it cannot be read. A DOCTYPE or entity declaration is refused
 * before parsing: 903 XML has none, and they are how XXE and "billion laughs" attacks work.
 */
export function parse903Xml(file: string, text: string): { tables: RawTable[]; findings: Finding[] } {
  const refused = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (refused) {
    return { tables: [], findings: [finding(file, XML_CODES.doctype,
      `${file} declares a ${refused[1]!.toUpperCase()}; SSDA903 XML has none, and such declarations can read files or exhaust memory (XXE, entity expansion), so the file was not read.`)] };
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return { tables: [], findings: [finding(file, XML_CODES.notXml, `${file} is not well-formed XML (line ${line}, column ${col}): ${msg}`)] };
  }
  const top = contents({ document: parser.parse(text) as Node[] }).elements;
  const [rootName, roots] = [...top][0] ?? [];
  const root = contents(roots?.[0]).elements;
  const children = root.get('CHILD') ?? [];
  if (rootName === undefined || children.length === 0) {
    return { tables: [], findings: [finding(file, XML_CODES.not903,
      `${file} is XML but not an SSDA903 return: its root <${rootName ?? ''}> holds no CHILD elements (expected EXPSSDA903 > CHILD > HEADER, EPISODE).`)] };
  }
  const r: Reader = { file, findings: [], rows: new Map(), lines: new Map() };
  for (const t of TABLE_NAMES) {
    r.rows.set(t, []);
    r.lines.set(t, []);
  }
  for (const name of root.keys()) if (name !== 'CHILD') unknown(r, name, rootName, null);
  children.forEach((child, i) => readChild(r, child, i + 1));
  const tables = TABLE_NAMES.map((table): RawTable => ({
    table, columns: [...TABLE_COLUMNS[table]], rows: r.rows.get(table)!, lines: r.lines.get(table)!, fileName: file,
  }));
  return { tables, findings: r.findings };
}
