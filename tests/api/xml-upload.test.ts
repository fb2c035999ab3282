import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../shared/data/repositories/datasets.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import { LOCAL_AUTHORITIES } from '../../shared/domain/tenancy/local-authorities.ts';
import { generateLaReturns } from '../../shared/synthetic/generate-la.ts';
import { usePlatform } from '../helpers/platform.ts';
import { csvFilesToXmlFile } from '../helpers/xml903.ts';

/** POST /uploads of the SSDA903 XML over real HTTP: the same stored dataset as the CSV files of the same return. */
const ctx = usePlatform();
const kent: TokenClaims = { role: 'iro_manager', tenant: '886' };
const medway: TokenClaims = { role: 'iro_manager', tenant: '887' };

/** A whole generated return (Hartlepool 2025: every table of the return has rows, as the XML always carries them all). */
async function csvFiles() {
  const la = LOCAL_AUTHORITIES.find((l) => l.code === '805')!;
  const tables = generateLaReturns(la, { seed: 7, yearsEnding: [2025] }).get(2025)!;
  return [...tables].map(([table, csv]) => ({ name: `${table}.csv`, bytes: new TextEncoder().encode(csv) }));
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
    expect(xml.status, JSON.stringify(xml.body).slice(0, 600)).toBe(201);
    expect(xml.body.rows).toEqual(csv.body.rows);
    expect(Object.values(csv.body.rows as Record<string, number>).every((n) => n > 0)).toBe(true);
    const stored = async (la: string) => (await loadDataset(ctx.platform.data.for(tenantScope(la)), 2025))!.dataset;
    const fromXml = await stored('887');
    expect(fromXml.children).toHaveLength(csv.body.rows.Header);
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
