import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_NAME } from '../../shared/data/table-schema.ts';
import { createDocumentClient } from '../../shared/data/client.ts';
import { loadDataset, sweepVersions } from '../../shared/data/repositories/datasets.ts';
import { ScopedTable } from '../../shared/data/scoped-table.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { importReturn } from '../../shared/imports/import-return.ts';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import { usePlatform } from '../helpers/platform.ts';
import { fixtureFiles, postUpload, type CsvFile } from '../helpers/uploads.ts';

/** Uploads over real HTTP (multipart) into dynalite, and crash safety of the versioned write. */
const ctx = usePlatform();
const kentManager: TokenClaims = { role: 'iro_manager', tenant: '886' };
const upload = (claims: TokenClaims, files: CsvFile[]) => postUpload(ctx, claims, files);

async function children(claims: TokenClaims) {
  const res = await ctx.get('/children?year=2025', claims);
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('POST /uploads', () => {
  it('201: stores every table, says how many rows, and the dashboard follows within seconds', async () => {
    const { status, body } = await upload(kentManager, await fixtureFiles());
    expect(status).toBe(201);
    // The fixture's own row counts (header line excluded).
    expect(body.rows).toEqual({ Episodes: 8, Header: 5, Missing: 2, Reviews: 6, UASC: 1 });
    expect(body.la).toBe('886');
    await ctx.platform.drain();
    const dash = (await (await ctx.get('/dashboards/la?year=2025', kentManager)).json()) as { datasetVersion: string };
    expect(dash.datasetVersion).toBe(body.datasetVersion);
    expect((await children(kentManager)).body.count).toBe(5);
  });

  it('422 lists every error with file, row and column, and changes nothing', async () => {
    const before = await children(kentManager);
    // Row 3 of Episodes: DEC (05/08/2024) moved before its DECOM (10/01/2022 → kept) by swapping to 01/01/2021.
    const broken = await fixtureFiles((name, text) => (name === 'episodes.csv' ? text.replace('1001,10/01/2022,S,C2,N1,U4,PR1,05/08/2024', '1001,10/01/2022,S,C2,N1,U4,PR1,01/01/2021') : text));
    const { status, body } = await upload(kentManager, broken);
    expect(status).toBe(422);
    expect(body.code).toBe('invalid_return');
    expect(body.errors).toContainEqual(expect.objectContaining({ file: 'Episodes', row: 2, column: 'DEC', code: '356' }));
    expect(await children(kentManager)).toEqual(before);
  });

  it('415 for a body that is not multipart, 400 without files, 403 for an iro', async () => {
    const res = await ctx.get('/uploads', kentManager, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'CHILD\n1' });
    expect(res.status).toBe(415);
    expect((await upload(kentManager, [])).status).toBe(400);
    expect((await upload({ role: 'iro', tenant: '886' }, await fixtureFiles())).status).toBe(403);
  });

  it('413 above 10 MB, and nothing changes', async () => {
    const before = await children(kentManager);
    const files = await fixtureFiles();
    files.push({ name: 'padding.csv', text: 'x'.repeat(10 * 1024 * 1024) });
    const { status, body } = await upload(kentManager, files);
    expect(status).toBe(413);
    expect(body.code).toBe('payload_too_large');
    expect(await children(kentManager)).toEqual(before);
  });

  it('409 for the uploads that lose a race; the winner is what readers see', async () => {
    const files = await fixtureFiles();
    const results = await Promise.all([1, 2, 3].map(() => upload(kentManager, files)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(2);
    const winner = results.find((r) => r.status === 201)!.body.datasetVersion;
    expect((await children(kentManager)).body.datasetVersion).toBe(winner);
  });

  it('an upload by another LA lands in that LA only', async () => {
    const before = await children(kentManager);
    const medway: TokenClaims = { role: 'iro_manager', tenant: '887' };
    expect((await upload(medway, await fixtureFiles())).status).toBe(201);
    expect(await children(kentManager)).toEqual(before);
    expect((await children({ role: 'iro', tenant: '887' })).body.la).toBe('887');
  });
});

describe('crash safety of the versioned write', () => {
  it('a client that fails after K batch writes leaves the old dataset readable and identical; a retry succeeds', async () => {
    const scope = tenantScope('886');
    const healthy = ctx.platform.data.for(scope);
    const before = await loadDataset(healthy, 2025);
    expect(before).toBeDefined();

    // A real DocumentClient against the same dynalite, whose 2nd BatchWriteItem fails as a network error would.
    const endpoint = ctx.platform.data.endpoint;
    const doc = createDocumentClient({ endpoint: endpoint! });
    let batchWrites = 0;
    doc.middlewareStack.add((next, context) => async (args) => {
      if (/BatchWrite/.test(String(context.commandName)) && ++batchWrites >= 2) throw Object.assign(new Error('socket hang up'), { name: 'NetworkingError' });
      return next(args);
    }, { step: 'initialize', name: 'crashAfterKBatchWrites' });
    const crashing = new ScopedTable(doc, DEFAULT_TABLE_NAME, scope);

    // Enough children to need several batches of 25.
    const many = await fixtureFiles((name, text) => {
      if (name !== 'header.csv') return text;
      const extra = Array.from({ length: 80 }, (_, i) => `X${i},M,01/01/2010,WBRI,,,`).join('\n');
      return `${text.trimEnd()}\n${extra}\n`;
    });
    const bytes = many.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) }));
    await expect(importReturn(crashing, bytes, { yearEnding: 2025, concurrency: 1 })).rejects.toThrow('socket hang up');
    doc.destroy();

    expect(await loadDataset(healthy, 2025)).toEqual(before);
    const retried = await importReturn(healthy, bytes, { yearEnding: 2025 });
    expect(retried.accepted).toBe(true);
    expect((await loadDataset(healthy, 2025))!.dataset.children).toHaveLength(85);
    // The crashed version is an orphan (`writing`); the sweep removes it and the superseded one once past the grace period.
    const removed = await sweepVersions(healthy, 0);
    expect(removed.length).toBeGreaterThanOrEqual(2);
    expect((await loadDataset(healthy, 2025))!.dataset.children).toHaveLength(85);
  });
});
