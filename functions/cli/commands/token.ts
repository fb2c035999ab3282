import { isRegion } from '../../../shared/domain/tenancy/regions.ts';
import { ROLES, type Role } from '../../../shared/platform/auth/principal.ts';
import { loadDevIssuer } from '../../local/dev-issuer.ts';
import { DEV_ISSUER_FILE } from '../../local/paths.ts';
import { parseArgs, stringFlag, UsageError, usageFailure } from '../args.ts';

/** `token --role ROLE [--tenant CODE] [--region NAME]`: a local dev token from the same issuer `npm start` uses. */
export async function run(args: string[]): Promise<number> {
  try {
    const parsed = parseArgs(args);
    const role = stringFlag(parsed, 'role');
    const tenant = stringFlag(parsed, 'tenant');
    const region = stringFlag(parsed, 'region');
    if (!role || !(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    if ((role === 'iro' || role === 'iro_manager') && !/^\d{3}$/.test(tenant ?? '')) throw new UsageError(`--tenant CODE (a three-digit DfE LA code) is required for ${role}`);
    if (role === 'regional_chair' && !(region && isRegion(region))) throw new UsageError('--region NAME (e.g. "South East") is required for regional_chair');
    const issuer = await loadDevIssuer(DEV_ISSUER_FILE);
    const token = await issuer.mint({ role: role as Role, ...(tenant && { tenant }), ...(region && { region }) });
    process.stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    return usageFailure(error, 'usage: token --role ROLE [--tenant CODE] [--region NAME]');
  }
}
