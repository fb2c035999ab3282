import * as z from 'zod';
import { Timestamp } from './common.ts';
import { ChildId } from './children.ts';

export const AuditQuery = z.strictObject({
  child: ChildId.meta({ param: { name: 'child', in: 'query' } }),
  limit: z.coerce.number().int().min(1).max(200).optional().meta({ param: { name: 'limit', in: 'query' }, description: 'entries a page (default 50)' }),
  cursor: z.string().max(2000).optional().meta({ param: { name: 'cursor', in: 'query' }, description: 'from the previous page' }),
});

export const AuditEntry = z.object({
  at: Timestamp,
  actor: z.object({ sub: z.string(), role: z.string(), capability: z.string() }),
  read: z.string().meta({ description: 'the kind of record read (child, record, history, ...)' }),
  count: z.number().int().optional(),
}).meta({ id: 'AuditEntry' });

export const AuditPage = z.object({
  entries: z.array(AuditEntry).meta({ description: 'newest first' }),
  cursor: z.string().optional().meta({ description: 'present when there are older entries' }),
}).meta({ id: 'AuditPage' });
