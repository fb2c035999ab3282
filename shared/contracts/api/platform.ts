import * as z from 'zod';
import { REGIONS } from '../../domain/tenancy/regions.ts';
import { LaCode, Timestamp } from './common.ts';

const REGIONS_NOTE = 'one of the nine English regions';

export const Me = z.object({
  role: z.enum(['iro', 'iro_manager', 'regional_chair', 'national', 'platform_admin']),
  subject: z.string(),
  tenant: LaCode.optional(),
  region: z.string().optional(),
}).meta({ id: 'Me', description: 'the verified caller' });

export const Tenant = z.object({ code: LaCode, name: z.string(), region: z.string().meta({ description: REGIONS_NOTE }) }).meta({ id: 'Tenant' });
export const TenantList = z.object({ tenants: z.array(Tenant) }).meta({ id: 'TenantList' });

export const JobsStatus = z.object({
  jobs: z.array(z.object({
    name: z.string(), queue: z.string(), handler: z.string(), batchSize: z.number().int(), batchingWindowSeconds: z.number().int(),
    maxConcurrency: z.number().int(), functionTimeoutSeconds: z.number().int(), memoryMb: z.number().int(), maxReceiveCount: z.number().int(),
    visibilityTimeoutSeconds: z.number().int(),
  })).meta({ description: 'the jobs manifest: the settings AWS and local runs share' }),
  queues: z.array(z.object({ queue: z.string(), visible: z.number().int(), inFlight: z.number().int(), deadLetters: z.number().int() })),
  runs: z.array(z.object({
    job: z.enum(['plan', 'tenant', 'rollup']),
    startedAt: Timestamp,
    finishedAt: Timestamp,
    messages: z.number().int(),
    failed: z.number().int(),
    detail: z.string().optional(),
  })),
}).meta({ id: 'JobsStatus' });

export const RecomputeQueued = z.object({
  queued: z.object({ type: z.literal('plan'), reason: z.string(), la: LaCode.optional() }),
}).meta({ id: 'RecomputeQueued' });

export const NewTenant = z.strictObject({
  code: LaCode,
  name: z.string().trim().min(2).max(100),
  region: z.enum(REGIONS),
}).meta({ id: 'NewTenant' });

export const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
