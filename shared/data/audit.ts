import { randomUUID } from 'node:crypto';
import { auditKeys, type Key } from './keys.ts';
import { childOf, type Actor, type ItemOf, type StoredItem } from './items.ts';
import type { TenantScope } from './scopes.ts';

export type { Actor };

/** System jobs read as themselves: `capability` names the job (e.g. `tenant-snapshot`). */
export function systemActor(job: string): Actor {
  return { sub: `system:${job}`, role: 'system', capability: job };
}

/**
 * Recorded when a table was opened without an actor (call sites from before issue 9). The read is still
 * audited (child and time), so a missing actor shows up in the trail instead of hiding the read.
 */
export const UNATTRIBUTED: Actor = Object.freeze({ sub: 'unattributed', role: 'unknown', capability: 'unknown' });

type AuditItem = ItemOf<'audit'>;

/**
 * The per-request buffer of child-level reads, filled by ScopedTable for every item it returns and written by
 * `flush()` in one BatchWrite, so a read costs no extra round trip.
 *
 * One read operation (a GetItem or a whole paged Query) that returns items of ONE child is one entry in that
 * child's partition, so `GET /audit?child=` finds it. A read returning items of several children (the children
 * list, a job loading an LA-year, raw 903 chunks) is ONE entry in the tenant's bulk partition naming the count:
 * writing 110,000 entries for a national recompute would cost more than the read and tell a reviewer nothing
 * the bulk entry does not. Repeated reads of the same child and kind in one request are one entry.
 */
export class AuditTrail {
  private readonly pending: AuditItem[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly scope: TenantScope, readonly actor: Actor) {}

  noteRead(items: readonly StoredItem[], at = new Date().toISOString()): void {
    const children = new Set<string>();
    const kinds = new Set<string>();
    let count = 0;
    for (const item of items) {
      const child = childOf(item);
      if (child === undefined) continue;
      count++;
      kinds.add(item.type);
      children.add(child);
    }
    if (count === 0) return;
    const read = [...kinds].sort().join(',');
    const [only] = children;
    if (children.size === 1 && only !== 'many') {
      const seenKey = `${only}\u0000${read}`;
      if (this.seen.has(seenKey)) return;
      this.seen.add(seenKey);
      this.pending.push(this.entry(auditKeys.childPartition(this.scope, only!), at, { read, child: only! }));
    } else {
      this.pending.push(this.entry(auditKeys.bulkPartition(this.scope), at, { read, count }));
    }
  }

  /** The buffered entries, emptied: the caller writes them. */
  drain(): AuditItem[] {
    this.seen.clear();
    return this.pending.splice(0);
  }

  get size(): number {
    return this.pending.length;
  }

  private entry(pk: string, at: string, what: { read: string; child?: string; count?: number }): AuditItem {
    const key: Key = auditKeys.entry(pk, at, randomUUID().slice(0, 8));
    return { ...key, type: 'audit', v: 1, at, actor: this.actor, ...what };
  }
}
