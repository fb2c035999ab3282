/**
 * Field limits (issue 8, defect 1): every column of every 903 table has a maximum length and allowed characters,
 * so a 400 KB cell in a column no other rule reads (UPN, URN, SW_ID, UASC SEX) is an error naming file, row and
 * column before anything is written.
 */
import { describe, expect, it } from 'vitest';
import { TABLE_COLUMNS } from '../../../shared/domain/ssda903/columns.ts';
import { TABLE_NAMES } from '../../../shared/domain/ssda903/records.ts';
import { FIELD_FORMATS } from '../../../shared/domain/ssda903/validate/field-limits.ts';
import { Upload, findings, validateUpload, type Found } from './helper.ts';

const BIG = 'A'.repeat(400_000);
const fieldFindings = (all: Found[]) => all.filter((f) => f.code.startsWith('FIELD_'));

/** An SWEpisodes table for child 1001 (in care from 10/01/2022), one social worker. */
function withSocialWorker(u: Upload, swId: string): Upload {
  return u.put('SWEpisodes', [['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'], ['1001', '15/06/2012', swId, '10/01/2022', '', '']]);
}

describe('field formats', () => {
  it('cover exactly the columns of every table', () => {
    for (const table of TABLE_NAMES) expect(Object.keys(FIELD_FORMATS[table]).sort(), table).toEqual([...TABLE_COLUMNS[table]].sort());
  });

  it('the valid set has no field finding and no error at all (so the cases below change one thing)', () => {
    const { report, all } = validateUpload(withSocialWorker(new Upload(), 'SW8861001'));
    expect(report.errors).toEqual([]);
    expect(fieldFindings(all)).toEqual([]);
  });
});

describe('FIELD_TOO_LONG', () => {
  it.each([
    ['Header', 'UPN', 2],
    ['Episodes', 'URN', 3],
  ] as const)('a 400 KB %s %s (a column no other rule refuses) is an error at its row and column, with a short message', (table, column, row) => {
    const all = findings(new Upload().set(table, row, column, BIG));
    const found = all.filter((f) => f.code === 'FIELD_TOO_LONG');
    expect(found).toEqual([expect.objectContaining({ file: table, row, column, severity: 'error' })]);
    expect(found[0]!.message).toContain('400,000 characters');
    // The message never quotes the value: it stays small whatever the cell's size.
    expect(found[0]!.message.length).toBeLessThan(200);
  });

  // UASC SEX must agree with Header (INT21) and SW_ID must start SW or XX (SW02STG1): those DfE rules refuse the
  // cell first, so field limits does not report it again; the upload is still refused at that file, row and column,
  // in a message that quotes only the start of the value.
  it.each([
    ['UASC SEX', () => new Upload().set('UASC', 2, 'SEX', BIG), 'UASC', 'SEX', 'INT21'],
    ['SWEpisodes SW_ID', () => withSocialWorker(new Upload(), BIG), 'SWEpisodes', 'SW_ID', 'SW02STG1'],
  ] as const)('a 400 KB %s is one short error at its row and column, from the DfE rule that reads it', (_, upload, file, column, code) => {
    const { report, all } = validateUpload(upload());
    expect(report.valid).toBe(false);
    const atCell = all.filter((f) => f.file === file && f.column === column);
    expect(atCell).toEqual([expect.objectContaining({ file, row: 2, column, code, severity: 'error' })]);
    expect(atCell[0]!.message).toContain('(400000 characters)');
    expect(atCell[0]!.message.length).toBeLessThan(300);
  });

  it('holds at the limit and fails one past it (URN: SC and 6 digits is 8 characters)', () => {
    expect(fieldFindings(findings(new Upload().set('Episodes', 2, 'URN', 'SC999999')))).toEqual([]);
    expect(fieldFindings(findings(new Upload().set('Episodes', 2, 'URN', 'SC9999999')))).toEqual([
      expect.objectContaining({ file: 'Episodes', row: 2, column: 'URN', code: 'FIELD_TOO_LONG' }),
    ]);
  });

  it('ignores a few spaces around a value but not a payload of them', () => {
    expect(fieldFindings(findings(new Upload().set('Header', 2, 'SEX', ' F ')))).toEqual([]);
    const padded = fieldFindings(findings(new Upload().set('Header', 2, 'UPN', ' '.repeat(50_000))));
    expect(padded).toEqual([expect.objectContaining({ file: 'Header', row: 2, column: 'UPN', code: 'FIELD_TOO_LONG' })]);
    expect(padded[0]!.message).toContain('50,000 characters long with the spaces around it');
  });
});

describe('FIELD_CHARACTERS', () => {
  it('a character outside the field\'s set is an error naming it', () => {
    const found = fieldFindings(findings(new Upload().set('Episodes', 4, 'HOME_POST', 'ME14<1XX')));
    expect(found).toEqual([expect.objectContaining({ file: 'Episodes', row: 4, column: 'HOME_POST', code: 'FIELD_CHARACTERS', severity: 'error' })]);
    expect(found[0]!.message).toContain('contains "<"');
  });

  it('an invisible character is named by its code point, and a formula in an id is refused', () => {
    const bell = fieldFindings(findings(withSocialWorker(new Upload(), 'SW1\u0007')));
    expect(bell).toEqual([expect.objectContaining({ file: 'SWEpisodes', row: 2, column: 'SW_ID', code: 'FIELD_CHARACTERS' })]);
    expect(bell[0]!.message).toContain('U+0007');
    const formula = fieldFindings(findings(new Upload().set('Episodes', 2, 'URN', '=1+1')));
    expect(formula).toEqual([expect.objectContaining({ column: 'URN', code: 'FIELD_CHARACTERS' })]);
  });

  it('PrevPerm DATE_PERM may write an unknown day and month as zz', () => {
    const prevPerm = (date: string) => new Upload().put('PrevPerm', [['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'], ['1001', '15/06/2012', 'P1', '886', date]]);
    expect(fieldFindings(findings(prevPerm('zz/zz/2015')))).toEqual([]);
    // Not a date either, so DfE 632 refuses the cell, and field limits do not report it again.
    const atCell = findings(prevPerm('zz/zz/2015!')).filter((f) => f.file === 'PrevPerm' && f.column === 'DATE_PERM');
    expect(atCell.map((f) => f.code)).toEqual(['632']);
  });
});

describe('one finding per refused cell', () => {
  it('a cell its own rule already refuses (a date, a code) is not reported again', () => {
    const all = findings(new Upload().set('Episodes', 2, 'DECOM', `zz/01/2022${'9'.repeat(5000)}`));
    const atCell = all.filter((f) => f.file === 'Episodes' && f.row === 2 && f.column === 'DECOM');
    expect(atCell.map((f) => f.code)).toEqual(['141']); // DECOM not a real date
  });

  it('a query on the cell does not count: a UPN with a "<" is a 168 query and a FIELD_CHARACTERS error', () => {
    const atCell = findings(new Upload().set('Header', 2, 'UPN', 'R886<23412001')).filter((f) => f.column === 'UPN');
    expect(atCell.map((f) => [f.code, f.severity]).sort()).toEqual([['168', 'query'], ['FIELD_CHARACTERS', 'error']]);
  });
});
