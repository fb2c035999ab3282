import { randomUUID } from 'node:crypto';
import { platformKeys } from '../keys.ts';
import type { ScopedTable } from '../scoped-table.ts';
import type { DataScope } from '../scopes.ts';

type JobsTable = ScopedTable<Extract<DataScope, { kind: 'platform' | 'rollup' }>>;

export interface JobRun {
  job: 'plan' | 'tenant' | 'rollup';
  startedAt: string;
  finishedAt: string;
  messages: number;
  failed: number;
  detail?: string;
}

/** Job runs kept for a week (TTL attribute `expiresAt`, honoured in AWS) for GET /admin/jobs. */
export async function recordJobRun(table: JobsTable, run: JobRun): Promise<void> {
  const expiresAt = Math.floor(Date.now() / 1000) + 7 * 86_400;
  await table.put({ ...platformKeys.jobRun(run.finishedAt, randomUUID().slice(0, 8)), type: 'job-run', v: 1, ...run, expiresAt });
}

export async function lastJobRuns(table: JobsTable, limit = 20): Promise<JobRun[]> {
  const { pk, skPrefix } = platformKeys.jobRunPrefix();
  const items = await table.query(pk, { skPrefix, descending: true, limit, type: 'job-run' });
  return items.map(({ job, startedAt, finishedAt, messages, failed, detail }) => ({ job, startedAt, finishedAt, messages, failed, ...(detail !== undefined && { detail }) }));
}
