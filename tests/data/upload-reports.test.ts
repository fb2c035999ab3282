import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/data/audit.ts';
import { tenantKeys } from '../../shared/data/keys.ts';
import { listBulkAudit } from '../../shared/data/repositories/audit.ts';
import { getUploadReport, putUploadReport, UPLOAD_REPORT_TTL_SECONDS } from '../../shared/data/repositories/upload-reports.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { DEFAULT_TABLE_NAME } from '../../shared/data/table-schema.ts';
import { useStore } from './store.ts';

/** Upload reports (the upload page's findings and what an upload replaced) on a real dynalite. */
const store = useStore();
const CAMDEN = tenantScope('202');
const manager: Actor = { sub: 'manager-1', role: 'iro_manager', capability: 'upload.create' };

async function storedParts(id: string) {
  const { pk, skPrefix } = tenantKeys.uploadReportPrefix(CAMDEN, id);
  const out = await store.raw.send(new QueryCommand({
    TableName: DEFAULT_TABLE_NAME, KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': pk, ':s': skPrefix },
  }));
  return out.Items ?? [];
}

describe('upload reports', () => {
  it('a 1 MB report is stored in parts under the 400 KB item limit and read back whole, emoji at the cuts intact', async () => {
    // 90,000 UTF-16 units a part; '😀' is a surrogate pair (2 units). After `{"findings":"xy` (15 units) the pairs start
    // at odd offsets, so unit 89,999 is the first half of a pair: the first part ends one unit early, at 89,999.
    const body = JSON.stringify({ findings: `xy${'😀'.repeat(300_000)}`, total: 1 });
    const table = store.data.for(CAMDEN, { actor: manager });
    const id = await putUploadReport(table, manager.sub, body);
    const parts = await storedParts(id);
    // 15 + 600,000 + 12 (`","total":1}`) = 600,027 units: 89,999, then 510,028 in parts of 90,000 → 1 + 6 = 7 parts.
    expect(parts).toHaveLength(7);
    expect((parts[0]!.body as string).length).toBe(89_999);
    for (const part of parts) expect(Buffer.byteLength(JSON.stringify(part))).toBeLessThan(400 * 1024);
    const read = await getUploadReport(table, id);
    expect(read?.body).toBe(body);
    expect(read?.createdBy).toBe('manager-1');
  });

  it('is gone once past its day, for another LA, and for an id that is not one', async () => {
    const table = store.data.for(CAMDEN, { actor: manager });
    const made = new Date('2026-12-01T10:00:00Z');
    const id = await putUploadReport(table, manager.sub, '{"outcome":"accepted"}', made);
    const [part] = await storedParts(id);
    expect(part!.expiresAt).toBe(made.getTime() / 1000 + UPLOAD_REPORT_TTL_SECONDS);
    expect(await getUploadReport(table, id, new Date('2026-12-02T09:59:59Z'))).toMatchObject({ id, body: '{"outcome":"accepted"}' });
    expect(await getUploadReport(table, id, new Date('2026-12-02T10:00:00Z'))).toBeUndefined();
    // Kent's table looks in Kent's partition: Camden's report is not there.
    expect(await getUploadReport(store.data.for(tenantScope('886'), { actor: manager }), id, made)).toBeUndefined();
    expect(await getUploadReport(table, 'not-an-id', made)).toBeUndefined();
  });

  it('reading a report is audited as a read of many children (its findings quote their rows)', async () => {
    const session = store.data.session(manager);
    const table = session.for(CAMDEN);
    const id = await putUploadReport(table, manager.sub, '{"outcome":"rejected"}');
    const before = (await listBulkAudit(store.data.for(CAMDEN))).items.length;
    await getUploadReport(table, id);
    await session.flush();
    const entries = (await listBulkAudit(store.data.for(CAMDEN))).items;
    expect(entries).toHaveLength(before + 1);
    expect(entries[0]).toMatchObject({ read: 'upload-report', count: 1, actor: manager });
  });
});
