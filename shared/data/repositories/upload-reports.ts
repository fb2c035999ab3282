import { randomUUID } from 'node:crypto';
import { tenantKeys } from '../keys.ts';
import type { ScopedTable } from '../scoped-table.ts';
import type { TenantScope } from '../scopes.ts';

/**
 * The report of an upload (what a rejected return got wrong, or what an accepted one replaced and queried), kept for
 * a day so the upload page can redirect to it (post/redirect/get) and offer its tables as CSV after it was shown.
 * A report may list up to 1 MB of findings, more than one DynamoDB item holds (400 KB), so it is stored in parts.
 */
export const UPLOAD_REPORT_TTL_SECONDS = 24 * 60 * 60;

/** UTF-16 units per part: at most 4 UTF-8 bytes each, so a part stays well under the 400 KB item limit. */
const PART_UNITS = 90_000;

export interface UploadReport {
  id: string;
  createdAt: string;
  createdBy: string;
  /** The report as the page wrote it (JSON text). */
  body: string;
}

/** An upload report's id: a random UUID, the only form `getUploadReport` looks up. */
export const isUploadReportId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);

/** Cuts text into parts, never between the two halves of a surrogate pair (a lone half would not survive UTF-8). */
function partsOf(text: string): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length || parts.length === 0;) {
    let end = Math.min(text.length, start + PART_UNITS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

export async function putUploadReport(table: ScopedTable<TenantScope>, createdBy: string, body: string, now = new Date()): Promise<string> {
  const id = randomUUID();
  const parts = partsOf(body);
  const stamp = { type: 'upload-report', v: 1, id, parts: parts.length, createdAt: now.toISOString(), createdBy, expiresAt: Math.floor(now.getTime() / 1000) + UPLOAD_REPORT_TTL_SECONDS };
  await table.batchPut(parts.map((text, part) => ({ ...tenantKeys.uploadReportPart(table.scope, id, part), ...stamp, part, body: text })));
  return id;
}

/**
 * The report, or undefined when there is none, it has expired (DynamoDB's TTL deletes within days, not on the
 * second, and dynalite never does), or a part is missing.
 */
export async function getUploadReport(table: ScopedTable<TenantScope>, id: string, now = new Date()): Promise<UploadReport | undefined> {
  if (!isUploadReportId(id)) return undefined;
  const { pk, skPrefix } = tenantKeys.uploadReportPrefix(table.scope, id);
  const parts = await table.query(pk, { skPrefix, type: 'upload-report' });
  const [first] = parts;
  if (!first || first.expiresAt * 1000 <= now.getTime() || parts.length !== first.parts) return undefined;
  return { id, createdAt: first.createdAt, createdBy: first.createdBy, body: parts.map((p) => p.body).join('') };
}
