import { describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/data/audit.ts';
import { practiceCollections } from '../../shared/data/repositories/practice-collections.ts';
import { InvalidRecord, getRecord, historyOf, listChildRecords, listRecords, seedRecords, updateRecord } from '../../shared/data/repositories/records.ts';
import { WriteRefused } from '../../shared/data/scoped-table.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { implementDecision, makeDecision } from '../../shared/domain/practice/decisions.ts';
import type { Decision } from '../../shared/domain/practice/records.ts';
import { usePlatform } from '../helpers/platform.ts';

/** The bulk seed path (demo seed, benchmarks) on dynalite: the same items the revisioned path writes, only faster. */
const ctx = usePlatform();
const seeder = systemActor('demo-seed');
const table = () => ctx.platform.data.for(tenantScope('886'), { actor: seeder });
const { decisions, contacts } = practiceCollections;

const decision = (id: string, child: string, due = '2025-03-01'): Decision => makeDecision({
  id, child, review: 'rv-1', made: '2025-02-01', text: 'Arrange a dentist appointment', topic: 'health', owner: { role: 'Social worker', name: 'Sam Smith' }, due,
});

describe('seedRecords', () => {
  it('writes each record at revision 1 with its history item by the seeding actor, and indexes it under its child', async () => {
    const seeded = [decision('s1', 'K001'), decision('s2', 'K002'), decision('s3', 'K001')];
    await seedRecords(table(), decisions, seeded.map((fields) => ({ id: fields.id, fields })));
    const s1 = await getRecord(table(), decisions, 's1');
    expect(s1).toMatchObject({ id: 's1', rev: 1, child: 'K001', createdBy: 'system:demo-seed', updatedBy: 'system:demo-seed', fields: seeded[0] });
    const history = await historyOf(table(), decisions, 's1');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ rev: 1, actor: seeder });
    expect(history[0]!.changes.map((c) => c.field).sort()).toEqual(Object.keys(seeded[0]!).sort());
    expect((await listChildRecords(table(), decisions, 'K001')).map((r) => r.id)).toEqual(['s1', 's3']);
    // A seeded record changes through the revisioned path like any other.
    const done = implementDecision(s1!.fields, '2025-02-20');
    if (!done.ok) throw new Error(done.refusal.message);
    expect(await updateRecord(table(), decisions, 's1', 1, done.value)).toMatchObject({ rev: 2, fields: { status: 'implemented' } });
  });

  it('refuses a collection that already holds records, and writes nothing', async () => {
    await expect(seedRecords(table(), decisions, [{ id: 's9', fields: decision('s9', 'K009') }])).rejects.toBeInstanceOf(WriteRefused);
    expect(await getRecord(table(), decisions, 's9')).toBeUndefined();
  });

  it('checks every record first: one invalid record or a repeated id names the field and writes nothing', async () => {
    const contact = (id: string, date: string) => ({ id, fields: { id, child: 'K001', iro: 'i1', date, kind: 'visit' as const, with: 'child' as const } });
    await expect(seedRecords(table(), contacts, [contact('c1', '2025-01-01'), contact('c2', '2025-02-30')])).rejects.toMatchObject({
      name: 'InvalidRecord', issues: [expect.objectContaining({ field: '1.date' })],
    });
    await expect(seedRecords(table(), contacts, [contact('c1', '2025-01-01'), contact('c1', '2025-01-02')])).rejects.toBeInstanceOf(InvalidRecord);
    expect((await listRecords(table(), contacts)).items).toEqual([]);
  });
});
