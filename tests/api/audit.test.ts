import { beforeAll, describe, expect, it } from 'vitest';
import { listBulkAudit } from '../../shared/data/repositories/audit.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { dataset, lookedAfterChildren } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';

/** Issue 9: every read of a child-level record lands in the tenant's audit trail, readable by its IRO manager. */
const ctx = usePlatform();

beforeAll(async () => {
  await ctx.seed('886', dataset(2025, lookedAfterChildren('K', 5)));
});

type Page = { entries: { at: string; actor: { sub: string; role: string; capability: string }; read: string }[]; cursor?: string };

describe('audit trail', () => {
  it('records who read a child, when and through which capability; lists are one bulk entry, not per child', async () => {
    const before = Date.now();
    expect((await ctx.get('/children/K002', { role: 'iro', tenant: '886', sub: 'iro-alice' })).status).toBe(200);
    expect((await ctx.get('/children/K002', { role: 'iro_manager', tenant: '886', sub: 'mgr-bob' })).status).toBe(200);
    expect((await ctx.get('/children', { role: 'iro', tenant: '886', sub: 'iro-carol' })).status).toBe(200);

    const res = await ctx.get('/audit?child=K002', { role: 'iro_manager', tenant: '886', sub: 'mgr-bob' });
    expect(res.status).toBe(200);
    const page = await res.json() as Page;
    expect(page.entries.map((e) => [e.actor.sub, e.actor.role, e.actor.capability, e.read])).toEqual([
      ['mgr-bob', 'iro_manager', 'children.read', 'child'],
      ['iro-alice', 'iro', 'children.read', 'child'],
    ]);
    for (const e of page.entries) expect(Date.parse(e.at)).toBeGreaterThanOrEqual(before - 1000);

    // Another child that nobody opened has no entries; the audit read itself is not audited.
    const other = await (await ctx.get('/audit?child=K004', { role: 'iro_manager', tenant: '886' })).json() as Page;
    expect(other.entries).toEqual([]);
  });

  it('pages with a cursor and refuses a forged one', async () => {
    for (let i = 0; i < 3; i++) await ctx.get('/children/K003', { role: 'iro', tenant: '886', sub: `iro-${i}` });
    const first = await (await ctx.get('/audit?child=K003&limit=2', { role: 'iro_manager', tenant: '886' })).json() as Page;
    expect(first.entries).toHaveLength(2);
    expect(first.cursor).toBeDefined();
    const second = await (await ctx.get(`/audit?child=K003&limit=2&cursor=${encodeURIComponent(first.cursor!)}`, { role: 'iro_manager', tenant: '886' })).json() as Page;
    expect(second.entries).toHaveLength(1);
    const forged = await ctx.get('/audit?child=K003&cursor=bm90LWEtY3Vyc29y', { role: 'iro_manager', tenant: '886' });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ code: 'invalid_request', errors: [{ field: 'cursor' }] });
  });

  it('a job that loads the whole LA-year leaves one bulk entry naming the count, as its system actor', async () => {
    await ctx.platform.tick();
    await ctx.platform.drain();
    const page = await listBulkAudit(ctx.platform.data.for(tenantScope('886')));
    expect(page.items).toContainEqual(expect.objectContaining({ actor: { sub: 'system:tenant', role: 'system', capability: 'tenant' }, read: 'child', count: 5 }));
  });

  it('offers no way to change or delete an audit entry', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const res = await ctx.get('/audit?child=K002', { role: 'iro_manager', tenant: '886' }, { method });
      expect(res.status, method).toBe(404);
    }
  });
});
