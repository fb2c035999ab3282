import type { ItemOf } from '../items.ts';
import { auditKeys } from '../keys.ts';
import type { Page, ScopedTable } from '../scoped-table.ts';
import type { TenantScope } from '../scopes.ts';

export interface AuditEntry {
  at: string;
  actor: { sub: string; role: string; capability: string };
  /** The kind of item read (`child`, `record`, `history`, …). */
  read: string;
  /** Bulk reads only: how many child-level items the read returned. */
  count?: number;
}

function toEntry({ at, actor, read, count }: ItemOf<'audit'>): AuditEntry {
  return { at, actor, read, ...(count !== undefined && { count }) };
}

/** Who read one child's records, newest first, one page at a time (for `GET /audit?child=ID`). */
export async function listAuditForChild(table: ScopedTable<TenantScope>, child: string, page: { limit?: number; cursor?: string } = {}): Promise<Page<AuditEntry>> {
  return listAudit(table, auditKeys.childPartition(table.scope, child), page);
}

/** Reads of many children at once (lists, jobs loading an LA-year), newest first: they name a count, not children. */
export async function listBulkAudit(table: ScopedTable<TenantScope>, page: { limit?: number; cursor?: string } = {}): Promise<Page<AuditEntry>> {
  return listAudit(table, auditKeys.bulkPartition(table.scope), page);
}

async function listAudit(table: ScopedTable<TenantScope>, pk: string, page: { limit?: number; cursor?: string }): Promise<Page<AuditEntry>> {
  const out = await table.queryPage(pk, {
    skPrefix: auditKeys.entryPrefix(), descending: true, type: 'audit', limit: page.limit ?? 50,
    ...(page.cursor !== undefined && { cursor: page.cursor }),
  });
  return { items: out.items.map(toEntry), ...(out.cursor !== undefined && { cursor: out.cursor }) };
}
