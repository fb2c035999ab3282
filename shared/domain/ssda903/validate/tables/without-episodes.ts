/**
 * DfE 1012: a child with no episode in the return should have no other data than Header and OC3 (care leavers).
 * Rows of the tables below whose CHILD has no Episodes row at all are reported, once per row, as the DfE does.
 */
import type { TableName } from '../../records.ts';
import type { Context } from '../context.ts';
import { report } from './common.ts';

const ONLY_WITH_EPISODES: readonly TableName[] = ['PlacedAdoption', 'Missing', 'Reviews', 'AD1', 'PrevPerm', 'OC2'];

export function checkWithoutEpisodes(ctx: Context): void {
  if (!ctx.views.has('Episodes')) return;
  const withEpisodes = new Set<string>();
  for (const e of ctx.episodes) if (e.child !== null) withEpisodes.add(e.child);
  for (const table of ONLY_WITH_EPISODES) {
    const view = ctx.views.get(table);
    if (!view) continue;
    const cChild = view.col('CHILD');
    for (let i = 0; i < view.length; i++) {
      const child = view.cell(i, cChild);
      if (child !== null && !withEpisodes.has(child)) report(ctx, '1012', view, i, 'CHILD', child, `a ${table} row but no episode this year`);
    }
  }
}
