import * as z from 'zod';

/** Job message bodies, parsed with the same schemas by every consumer (Lambda and local poller alike). */
export const planMessage = z.object({
  type: z.literal('plan'),
  reason: z.string().max(100),
  /** Recompute one LA only (after an upload); absent = every registered LA (the nightly run). */
  la: z.string().regex(/^\d{3}$/).optional(),
});

export const tenantMessage = z.object({
  type: z.literal('tenant'),
  la: z.string().regex(/^\d{3}$/),
  reason: z.string().max(100),
});

export const rollupMessage = z.object({
  type: z.literal('rollup'),
  yearEnding: z.number().int().min(2000).max(2100),
});

export type PlanMessage = z.infer<typeof planMessage>;
export type TenantMessage = z.infer<typeof tenantMessage>;
export type RollupMessage = z.infer<typeof rollupMessage>;

/** The fixed body EventBridge Scheduler sends nightly (infra) and the local scheduler tick sends. */
export const NIGHTLY_PLAN: PlanMessage = { type: 'plan', reason: 'nightly' };
