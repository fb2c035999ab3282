import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../shared/data/repositories/datasets.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import { usePlatform } from '../helpers/platform.ts';
import { csvFilesToXmlFile } from '../helpers/xml903.ts';

/** POST /uploads of the SSDA903 XML over real HTTP: the same stored dataset as the CSV files of the same return. */
const ctx = usePlatform();
const FIXTURE = join(import.meta.dirname, '../fixtures/903/valid');
const kent: TokenClaims = { role: 'iro_manager', tenant: '886' };
const medway: TokenClaims = { role: 'iro_manager', tenant: '887' };

async function csvFiles() {
  const names = (await readdir(FIXTURE)).filter((n) => n.endsWith('.csv'));
  return Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(FIXTURE, name))) })));
}

async function upload(claims: TokenClaims, files: { name: string; bytes: Uint8Array }[], type: string) {
  const form = new FormData();
  form.set('year', '2025');
  for (const f of files) form.append('files', new Blob([f.bytes], { type }), f.name);
  const res = await ctx.get('/uploads', claims, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('POST /uploads with SSDA903 XML', () => {
  it('201: the XML stores the same dataset as the CSV files of the same return', async () => {
    const csv = await upload(kent, await csvFiles(), 'text/csv');
    const xml = await upload(medway, [csvFilesToXmlFile(await csvFiles())], 'application/xml');
    expect(csv.status).toBe(201);
    expect(xml.status).toBe(201);
    // The XML carries the whole return, so the tables the CSV set leaves out are stored empty.
    expect(Object.fromEntries(Object.entries(xml.body.rows).filter(([, n]) => n !== 0))).toEqual(csv.body.rows);
    expect(csv.body.rows).toEqual({ Episodes: 8, Header: 5, Missing: 2, Reviews: 6, UASC: 1 });
    const stored = async (la: string) => (await loadDataset(ctx.platform.data.for(tenantScope(la)), 2025))!.dataset;
    const fromXml = await stored('887');
    expect(fromXml.children).toHaveLength(5);
    expect(fromXml).toEqual(await stored('886'));
  });

  it('422 for XML declaring entities, naming the file; nothing changes', async () => {
    const loadKent = () => loadDataset(ctx.platform.data.for(tenantScope('886')), 2025);
    const before = await loadKent();
    const evil = new TextEncoder().encode('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "a"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<EXPSSDA903>&b;</EXPSSDA903>\n');
    const { status, body } = await upload(kent, [{ name: 'return.xml', bytes: evil }], 'application/xml');
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({ file: 'return.xml', code: 'XML_DOCTYPE' });
    expect(await loadKent()).toEqual(before);
  });
});
