import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/data/client.ts';
import { DEFAULT_TABLE_NAME } from '../../shared/data/table-schema.ts';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import type { usePlatform } from './platform.ts';

/** The valid 903 fixture (tests/fixtures/903/valid) as named CSV texts, optionally edited per file. */
export const FIXTURE = join(import.meta.dirname, '../fixtures/903/valid');

export interface CsvFile {
  name: string;
  text: string;
}

export async function fixtureFiles(edit: (name: string, text: string) => string = (_n, t) => t): Promise<CsvFile[]> {
  const names = (await readdir(FIXTURE)).filter((n) => n.endsWith('.csv'));
  return Promise.all(names.map(async (name) => ({ name, text: edit(name, await readFile(join(FIXTURE, name), 'utf8')) })));
}

/** POST /uploads over real HTTP (multipart): the files, the year and any other form fields. */
export async function postUpload(
  ctx: ReturnType<typeof usePlatform>, claims: TokenClaims, files: CsvFile[], fields: Record<string, string> = {}, year = '2025',
) {
  const form = new FormData();
  form.set('year', year);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  for (const f of files) form.append('files', new Blob([f.text], { type: 'text/csv' }), f.name);
  const res = await ctx.get('/uploads', claims, { method: 'POST', body: form });
  const text = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * Every item key in the local table whose partition starts with `pkPrefix` (a Scan, which only a test may do:
 * it sees what an import really left behind, whatever the version ids).
 */
export async function storedKeys(ctx: ReturnType<typeof usePlatform>, pkPrefix: string): Promise<{ pk: string; sk: string }[]> {
  const doc = createDocumentClient({ endpoint: ctx.platform.data.endpoint! });
  try {
    const keys: { pk: string; sk: string }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await doc.send(new ScanCommand({
        TableName: DEFAULT_TABLE_NAME, ProjectionExpression: 'pk, sk', ExclusiveStartKey: start,
        FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': pkPrefix },
      }));
      keys.push(...((out.Items ?? []) as { pk: string; sk: string }[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return keys.sort((a, b) => (a.pk + a.sk < b.pk + b.sk ? -1 : 1));
  } finally {
    doc.destroy();
  }
}
