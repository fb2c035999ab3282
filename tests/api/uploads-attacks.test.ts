/**
 * The import defects found by attacking `npm start` (issue 8, defects 1, 4, 5 and 7), each over real HTTP against
 * dynalite: every test failed on the code before its fix (a 500 with a half-written version, a 422 larger than the
 * upload, stored rows silently replaced by none, losers of a race writing whole versions).
 */
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/data/client.ts';
import { tenantKeys } from '../../shared/data/keys.ts';
import { ConcurrentUpload, DatasetNotWritable, getPointer, loadDataset, replaceDataset } from '../../shared/data/repositories/datasets.ts';
import { ScopedTable } from '../../shared/data/scoped-table.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { DEFAULT_TABLE_NAME } from '../../shared/data/table-schema.ts';
import { importReturn } from '../../shared/imports/import-return.ts';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import { usePlatform } from '../helpers/platform.ts';
import { dataset, lookedAfterChildren, rawHeader } from '../helpers/records.ts';
import { fixtureFiles, postUpload, storedKeys, type CsvFile } from '../helpers/uploads.ts';

const ctx = usePlatform();
const manager = (la: string): TokenClaims => ({ role: 'iro_manager', tenant: la });
/** Every item of an LA: pointer, manifests, version partitions, snapshots. */
const itemsOf = (la: string) => storedKeys(ctx, tenantKeys.datasetPointer(tenantScope(la), 2025).pk);

/** The fixture stored for `la`, and the recompute it queued run, so the store stays still afterwards. */
async function stored(la: string) {
  const { status } = await postUpload(ctx, manager(la), await fixtureFiles());
  expect(status).toBe(201);
  await ctx.platform.drain();
  return { items: await itemsOf(la), dataset: await loadDataset(ctx.platform.data.for(tenantScope(la)), 2025) };
}

/** Replaces the cell in `column` of the line `line` (2 = first data row) of a CSV text. */
function setCell(text: string, line: number, column: string, value: string): string {
  const lines = text.trimEnd().split('\n');
  const c = lines[0]!.split(',').indexOf(column);
  const cells = lines[line - 1]!.split(',');
  cells[c] = value;
  lines[line - 1] = cells.join(',');
  return `${lines.join('\n')}\n`;
}

const edit = (changes: Record<string, (text: string) => string>) => fixtureFiles((name, text) => changes[name]?.(text) ?? text);
const BIG = 'A'.repeat(400_000);

describe('defect 1: a huge cell in a column no rule reads', () => {
  it.each([
    ['Header', 'UPN', 'header.csv', 2],
    ['Episodes', 'URN', 'episodes.csv', 3],
    ['UASC', 'SEX', 'uasc.csv', 2],
  ] as const)('a 400 KB %s %s is a 422 naming file, row and column, and writes nothing', async (table, column, file, row) => {
    const before = await stored('202');
    const { status, body, bytes } = await postUpload(ctx, manager('202'), await edit({ [file]: (t) => setCell(t, row, column, BIG) }));
    expect(status).toBe(422);
    // The DfE rule that reads the cell refuses it where there is one (UASC SEX: INT21), else the field limit.
    expect(body.errors).toContainEqual(expect.objectContaining({ file: table, row, column }));
    expect(bytes).toBeLessThan(10_000);
    expect(await itemsOf('202')).toEqual(before.items);
  });

  it('a 400 KB SWEpisodes SW_ID too', async () => {
    const before = await stored('202');
    const files: CsvFile[] = [...await fixtureFiles(), { name: 'sw.csv', text: `CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n1001,15/06/2012,${BIG},10/01/2022,,\n` }];
    const { status, body } = await postUpload(ctx, manager('202'), files);
    expect(status).toBe(422);
    expect(body.errors).toContainEqual(expect.objectContaining({ file: 'SWEpisodes', row: 2, column: 'SW_ID' }));
    expect(await itemsOf('202')).toEqual(before.items);
  });

  it('a child too large for one DynamoDB item is a 422 naming the child; nothing is written, the old dataset stays', async () => {
    const before = await stored('203');
    // 6,000 distinct reviews of child 1001 (in care from 10/01/2022): 1,000 days × PN2–PN7 (the fixture's own are PN1), about 75 bytes of JSON
    // each, so its record is about 450 KB, over the 400 KB item limit, while every row is valid.
    const reviews = Array.from({ length: 6000 }, (_, i) => {
      const day = new Date(Date.UTC(2022, 0, 10 + Math.floor(i / 6))).toISOString().slice(0, 10).split('-').reverse().join('/');
      return `1001,15/06/2012,${day},PN${(i % 6) + 2}`;
    });
    const files = await edit({ 'reviews.csv': (t) => `${t.trimEnd()}\n${reviews.join('\n')}\n` });
    const { status, body } = await postUpload(ctx, manager('203'), files);
    expect(status).toBe(422);
    expect(body.code).toBe('dataset_not_writable');
    expect(body.detail).toContain('child 1001');
    expect(body.bytes).toBeGreaterThan(400 * 1024);
    // No manifest, no version partition, no pointer change: the LA's items are exactly those before.
    expect(await itemsOf('203')).toEqual(before.items);
    expect(await loadDataset(ctx.platform.data.for(tenantScope('203')), 2025)).toEqual(before.dataset);
  });

  it('a write DynamoDB refuses half-way (ValidationException) removes the version it wrote before failing', async () => {
    const before = await stored('204');
    const scope = tenantScope('204');
    // A real DocumentClient on the same dynalite whose 2nd BatchWriteItem is refused as DynamoDB refuses an item.
    const doc = createDocumentClient({ endpoint: ctx.platform.data.endpoint! });
    let puts = 0;
    const versions = new Set<string>();
    doc.middlewareStack.add((next, context) => async (args) => {
      const input = (args.input as { RequestItems?: Record<string, { PutRequest?: { Item: { pk: string } } }[]> });
      const requests = Object.values(input.RequestItems ?? {}).flat();
      if (/BatchWrite/.test(String(context.commandName)) && requests.some((r) => r.PutRequest)) {
        for (const r of requests) versions.add(r.PutRequest!.Item.pk);
        if (++puts === 2) throw Object.assign(new Error('Item size has exceeded the maximum allowed size'), { name: 'ValidationException' });
      }
      return next(args);
    }, { step: 'initialize', name: 'refuseSecondBatch' });
    const refusing = new ScopedTable(doc, DEFAULT_TABLE_NAME, scope);
    const many = await edit({
      'header.csv': (t) => `${t.trimEnd()}\n${Array.from({ length: 80 }, (_, i) => `X${i},M,01/01/2010,WBRI,,,`).join('\n')}\n`,
    });
    const bytes = many.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) }));
    await expect(importReturn(refusing, bytes, { yearEnding: 2025, concurrency: 1 })).rejects.toBeInstanceOf(DatasetNotWritable);
    doc.destroy();
    // The first batch was written, then removed with the manifest: one partition was touched, none is left.
    expect(versions.size).toBe(1);
    const [partition] = [...versions];
    expect(await storedKeys(ctx, partition!)).toEqual([]);
    expect(await itemsOf('204')).toEqual(before.items);
    expect(await loadDataset(ctx.platform.data.for(scope), 2025)).toEqual(before.dataset);
  });
});

describe('defect 4: an error answer is never larger than its budget', () => {
  it('a 9.8 MB upload of 1 MB cells gets a small 422 naming each column', async () => {
    const before = await stored('205');
    const MB = 'B'.repeat(1_000_000);
    // 7 URNs, a UPN and a UASC SEX of 1 MB, and 0.8 MB of spaces around a HOME_POST: 9.8 MB in all.
    const files = await edit({
      'episodes.csv': (t) => {
        for (let line = 2; line <= 8; line++) t = setCell(t, line, 'URN', MB);
        return setCell(t, 2, 'HOME_POST', `${' '.repeat(800_000)}ME14 1XX`);
      },
      'header.csv': (t) => setCell(t, 3, 'UPN', MB),
      'uasc.csv': (t) => setCell(t, 2, 'SEX', MB),
    });
    expect(files.reduce((n, f) => n + f.text.length, 0)).toBeGreaterThan(9_800_000);
    const { status, body, bytes } = await postUpload(ctx, manager('205'), files);
    expect(status).toBe(422);
    expect(bytes).toBeLessThan(20_000);
    // Each huge cell is refused at its file, row and column (by the field limit, or the DfE rule that reads it).
    const huge = new Set(['HOME_POST', 'URN', 'UPN', 'SEX']);
    const atCells = new Set(body.errors.filter((f: { column: string }) => huge.has(f.column)).map((f: { file: string; column: string; row: number }) => `${f.file} ${f.column} ${f.row}`));
    expect([...atCells].sort()).toEqual([
      'Episodes HOME_POST 2', ...[2, 3, 4, 5, 6, 7, 8].map((r) => `Episodes URN ${r}`), 'Header UPN 3', 'UASC SEX 2',
    ].sort());
    expect(body.omitted).toBe(0);
    expect(await itemsOf('205')).toEqual(before.items);
  });

  it('findings past 1 MB are counted, not listed: a 3 MB column name (quoted by its finding) is left out', async () => {
    const files = await edit({
      // The header gains a column named by 3 MB of X; each of the 6 rows is then one value short (ROW_LENGTH).
      'reviews.csv': (t) => t.replace('REVIEW_CODE', `REVIEW_CODE,${'X'.repeat(3_000_000)}`),
    });
    const { status, body, bytes } = await postUpload(ctx, manager('205'), files);
    expect(status).toBe(422);
    expect(bytes).toBeLessThan(1024 * 1024 + 10_000);
    const { errors, queries, total, omitted } = body;
    expect(errors.filter((f: { code: string }) => f.code === 'ROW_LENGTH')).toHaveLength(6);
    expect(errors.some((f: { code: string }) => f.code === 'EXTRA_COLUMN')).toBe(false);
    expect(omitted).toBeGreaterThanOrEqual(1);
    expect(total).toBe(errors.length + queries.length + omitted);
  });
});

describe('defect 5: a return that leaves out a stored table', () => {
  it('is refused naming the table and its stored rows; a header-only table needs replaceWithEmpty; 201 says before → after', async () => {
    const before = await stored('206');
    const withoutReviews = (await fixtureFiles()).filter((f) => f.name !== 'reviews.csv');
    const omitted = await postUpload(ctx, manager('206'), withoutReviews);
    expect(omitted.status).toBe(422);
    expect(omitted.body.code).toBe('rows_would_be_removed');
    expect(omitted.body.removals).toEqual([{ table: 'Reviews', storedRows: 6, sent: 'omitted' }]);
    expect(omitted.body.detail).toContain('Reviews (6 rows; not sent)');

    const headerOnly = await edit({ 'reviews.csv': () => 'CHILD,DOB,REVIEW,REVIEW_CODE\n' });
    const unasked = await postUpload(ctx, manager('206'), headerOnly);
    expect(unasked.status).toBe(422);
    expect(unasked.body.removals).toEqual([{ table: 'Reviews', storedRows: 6, sent: 'header only' }]);
    expect(await itemsOf('206')).toEqual(before.items);

    const bad = await postUpload(ctx, manager('206'), headerOnly, { replaceWithEmpty: 'Reviews,Nonsense' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'replaceWithEmpty', message: 'not a 903 table: "Nonsense"' }]);

    const asked = await postUpload(ctx, manager('206'), headerOnly, { replaceWithEmpty: 'Reviews' });
    expect(asked.status).toBe(201);
    expect(asked.body.replaced).toEqual({
      Episodes: { before: 8, after: 8 }, Header: { before: 5, after: 5 }, Missing: { before: 2, after: 2 },
      Reviews: { before: 6, after: 0 }, UASC: { before: 1, after: 1 },
    });
    const now = await loadDataset(ctx.platform.data.for(tenantScope('206')), 2025);
    expect(now!.dataset.children.flatMap((c) => c.reviews)).toEqual([]);
  });
});

describe('defect 7: concurrent uploads', () => {
  it('the losers of a race leave nothing behind: the winner\'s is the only version stored', async () => {
    const files = await fixtureFiles();
    const results = await Promise.all([1, 2, 3].map(() => postUpload(ctx, manager('207'), files)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const winner = results.find((r) => r.status === 201)!.body.datasetVersion as string;
    const scope = tenantScope('207');
    const partitions = new Set((await itemsOf('207')).map((k) => k.pk).filter((pk) => pk.startsWith(tenantKeys.datasetPartition(scope, 2025, ''))));
    expect([...partitions]).toEqual([tenantKeys.datasetPartition(scope, 2025, winner)]);
    const { pk, skPrefix } = tenantKeys.versionManifestPrefix(scope);
    const manifests = (await itemsOf('207')).filter((k) => k.pk === pk && k.sk.startsWith(skPrefix));
    expect(manifests).toEqual([tenantKeys.versionManifest(scope, 2025, winner)]);
  });

  it('a writer whose expected version is stale fails fast, before writing anything', async () => {
    const scope = tenantScope('208');
    const table = ctx.platform.data.for(scope);
    await ctx.seed('208', dataset(2025, lookedAfterChildren('A', 3)));
    const items = await itemsOf('208');
    expect((await getPointer(table, 2025))?.version).toBeDefined();
    // It read "no dataset yet" before another upload flipped the pointer.
    const late = dataset(2025, lookedAfterChildren('B', 3));
    await expect(replaceDataset(table, late, rawHeader(late.children), { expectedVersion: null })).rejects.toBeInstanceOf(ConcurrentUpload);
    expect(await itemsOf('208')).toEqual(items);
  });
});
