// zod/mini: the same schemas at a tenth of the bundle size (every Lambda parses these messages).
import * as z from 'zod/mini';

/** Job message bodies, parsed with the same schemas by every consumer (Lambda and local poller alike). */
export const planMessage = z.object({
  type: z.literal('plan'),
  reason: z.string().check(z.maxLength(100)),
  /** Recompute one LA only (after an upload); absent = every registered LA (the nightly run). */
  la: z.optional(z.string().check(z.regex(/^\d{3}$/))),
});

export const tenantMessage = z.object({
  type: z.literal('tenant'),
  la: z.string().check(z.regex(/^\d{3}$/)),
  reason: z.string().check(z.maxLength(100)),
});

export const rollupMessage = z.object({
  type: z.literal('rollup'),
  yearEnding: z.int().check(z.minimum(2000), z.maximum(2100)),
});

export type PlanMessage = z.infer<typeof planMessage>;
export type TenantMessage = z.infer<typeof tenantMessage>;
export type RollupMessage = z.infer<typeof rollupMessage>;

/** The fixed body EventBridge Scheduler sends nightly (infra) and the local scheduler tick sends. */
export const NIGHTLY_PLAN: PlanMessage = { type: 'plan', reason: 'nightly' };
