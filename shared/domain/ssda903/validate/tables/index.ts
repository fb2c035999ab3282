/** The DfE rules of the OC2, OC3, AD1, PlacedAdoption, PrevPerm, UASC and SWEpisodes tables, table by table, and 1012. */
import type { Context } from '../context.ts';
import { checkAd1 } from './ad1.ts';
import { checkOc2 } from './oc2.ts';
import { checkOc3 } from './oc3.ts';
import { checkPlacedAdoption } from './placed-adoption.ts';
import { checkPrevPerm } from './prev-perm.ts';
import { checkSwEpisodes } from './sw-episodes.ts';
import { checkUasc } from './uasc.ts';
import { checkWithoutEpisodes } from './without-episodes.ts';

export { TABLE_ERRORS, TABLE_QUERIES } from './registry.ts';

export function checkTables(ctx: Context): void {
  checkOc2(ctx);
  checkOc3(ctx);
  checkAd1(ctx);
  checkPlacedAdoption(ctx);
  checkPrevPerm(ctx);
  checkUasc(ctx);
  checkSwEpisodes(ctx);
  checkWithoutEpisodes(ctx);
}
