import * as z from 'zod/mini';
import { REGIONS, type RegionName } from '../../domain/tenancy/regions.ts';

/** The roles of DESIGN.md §1. */
export const ROLES = ['iro', 'iro_manager', 'regional_chair', 'national', 'platform_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from verified claims only. LA roles carry their tenant, regional chairs their region. */
export type Principal =
  | { role: 'iro' | 'iro_manager'; subject: string; tenant: string }
  | { role: 'regional_chair'; subject: string; region: RegionName }
  | { role: 'national' | 'platform_admin'; subject: string };

const laCode = z.string().check(z.regex(/^\d{3}$/, 'tenant must be a three-digit DfE LA code'));

/**
 * Claims as our dev issuer writes them (`role`, `tenant`, `region`) or as Cognito ID tokens carry custom
 * attributes (`custom:role`, ...). HTTP API authorizers hand claims over as strings, so everything is a string.
 */
const claimsSchema = z.object({
  sub: z.string().check(z.minLength(1)),
  role: z.enum(ROLES),
  tenant: z.optional(laCode),
  region: z.optional(z.enum(REGIONS)),
});

export class InvalidClaims extends Error {}

export function principalFromClaims(payload: Record<string, unknown>): Principal {
  const pick = (name: string) => payload[name] ?? payload[`custom:${name}`];
  const parsed = claimsSchema.safeParse({ sub: payload.sub, role: pick('role'), tenant: pick('tenant'), region: pick('region') });
  if (!parsed.success) throw new InvalidClaims(parsed.error.issues.map((i) => `${i.path.join('.') || 'claims'}: ${i.message}`).join('; '));
  const { sub, role, tenant, region } = parsed.data;
  switch (role) {
    case 'iro':
    case 'iro_manager':
      if (!tenant) throw new InvalidClaims(`a ${role} token must carry a tenant claim`);
      return { role, subject: sub, tenant };
    case 'regional_chair':
      if (!region) throw new InvalidClaims('a regional_chair token must carry a region claim');
      return { role, subject: sub, region };
    default:
      return { role, subject: sub };
  }
}
