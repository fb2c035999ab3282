/**
 * Each episode's placement details against its placement type and legal status: provider (178, 213, 526–531,
 * 550), Ofsted URN (218, 222), postcodes (214, 392b, 392d, 398), and codes that cannot go together (378, 446, 516),
 * plus dates the DfE rules out (353, 355).
 */
import { isoOf, ukDate } from '../dates.ts';
import { SHORT_BREAK_LS } from './codes.ts';
import { childLabel, shown, type Context, type EpisodeRow, type TableView } from './context.ts';

/** PLACE_PROVIDER codes that cannot provide a placement type (527–531, 550), by provider. */
const PROVIDER_CANNOT: ReadonlyMap<string, { code: string; places: ReadonlySet<string> }> = new Map([
  ['PR1', { code: '527', places: new Set(['P1', 'R2', 'R5']) }],
  ['PR2', { code: '528', places: new Set(['P1', 'R2', 'R5']) }],
  ['PR3', { code: '529', places: new Set(['P1', 'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6']) }],
  ['PR4', { code: '530', places: new Set(['P1']) }],
  ['PR5', { code: '531', places: new Set(['P1']) }],
]);

/** The DfE's URN for a placement that has none. */
const NO_URN = 'XXXXXXX';
const FORMER_FOSTER_CARERS_SGO = new Set(['E45', 'E46']);
const FOSTER = new Set(['U1', 'U2', 'U3', 'U4', 'U5', 'U6']);
/** 353: no episode can start before the Children Act 1989 came into force. */
const EARLIEST_DECOM = isoOf(1991, 10, 14);
/** 446: placement orders (E1) exist from 30 December 2005; the DfE checks from 1 December. */
const EARLIEST_E1 = isoOf(2005, 12, 1);

export function checkPlacementDetails(ctx: Context): void {
  const view = ctx.views.get('Episodes');
  if (!view) return;
  const uasc = uascChildren(ctx);
  for (const e of ctx.episodes) {
    checkProvider(ctx, view, e);
    checkUrn(ctx, view, e);
    checkPostcodes(ctx, view, e, uasc);
    const who = childLabel(e.child);
    if (e.place === 'P1' && e.ls === 'V2') {
      ctx.out.add('378', view, e.i, 'LS', `${who}: placed with parents (P1) under a single period of accommodation (LS V2), which cannot go together.`);
    }
    if (e.rec !== null && FORMER_FOSTER_CARERS_SGO.has(e.rec) && (e.place === null || !FOSTER.has(e.place))) {
      ctx.out.add('516', view, e.i, 'PLACE',
        `${who}: REC ${e.rec} (special guardianship by former foster carers) but PLACE is ${shown(e.place)}, not foster care (U1–U6).`);
    }
    if (e.decom !== null && e.decom < EARLIEST_DECOM) {
      ctx.out.add('353', view, e.i, 'DECOM', `${who}: DECOM ${ukDate(e.decom)} is before 14/10/1991; no episode can start that early.`);
    }
    if (e.ls === 'E1' && e.decom !== null && e.decom < EARLIEST_E1) {
      ctx.out.add('446', view, e.i, 'LS', `${who}: LS E1 (placement order) on an episode starting ${ukDate(e.decom)}, before December 2005.`);
    }
    if (e.decomRaw !== null && e.decomRaw === e.decRaw) {
      ctx.out.add('355', view, e.i, 'DEC', `${who}: the episode starts and ends on ${e.decomRaw}, so it lasted less than 24 hours.`);
    }
  }
}

function checkProvider(ctx: Context, view: TableView, e: EpisodeRow): void {
  const { codes } = ctx;
  const who = childLabel(e.child);
  const provider = e.placeProvider;
  const needsNone = e.place !== null && codes.noProviderPlaces.has(e.place);
  if (provider === null) {
    if (!needsNone) ctx.out.add('526', view, e.i, 'PLACE_PROVIDER', `${who}: PLACE_PROVIDER is blank for placement ${shown(e.place)}; it is needed for every placement but temporary ones (T0–T4) and Z1 (Z11–Z14 from 2025-26).`);
    return;
  }
  if (!codes.placeProvider.has(provider)) {
    ctx.out.add('178', view, e.i, 'PLACE_PROVIDER', `${who}: PLACE_PROVIDER ${shown(provider)} is not a valid code (PR0–PR5).`);
    return;
  }
  if (needsNone) {
    ctx.out.add('213', view, e.i, 'PLACE_PROVIDER', `${who}: PLACE_PROVIDER ${provider} is given for placement ${e.place}, which has no provider; leave it blank.`);
    return;
  }
  const cannot = PROVIDER_CANNOT.get(provider);
  if (cannot && e.place !== null && cannot.places.has(e.place)) {
    ctx.out.add(cannot.code, view, e.i, 'PLACE_PROVIDER', `${who}: PLACE_PROVIDER ${provider} cannot provide placement ${e.place}.`);
  }
  if (provider === 'PR0' && e.place !== null && e.place !== 'P1') {
    ctx.out.add('550', view, e.i, 'PLACE_PROVIDER', `${who}: PLACE_PROVIDER PR0 (parents) goes only with placement P1, not ${e.place}.`);
  }
}

function checkUrn(ctx: Context, view: TableView, e: EpisodeRow): void {
  if (e.place === null) return;
  const who = childLabel(e.child);
  const exempt = ctx.codes.noUrnPlaces.has(e.place);
  if (exempt && e.urn !== null && e.urn !== NO_URN) {
    ctx.out.add('222', view, e.i, 'URN', `${who}: URN ${shown(e.urn)} is given for placement ${e.place}, which has no Ofsted URN; leave it blank.`);
  }
  // 218: a registered placement open at some point in the year needs its URN; short breaks have none (214). The
  // DfE exempts placements outside England by PL_LA, from the national postcode list (NOT-IMPLEMENTED.md): here
  // none is, so this stays a query.
  const shortBreak = e.ls !== null && SHORT_BREAK_LS.has(e.ls);
  if (!exempt && !shortBreak && e.urn === null && e.decom !== null && (e.dec === null || e.dec >= ctx.year.start)) {
    ctx.out.add('218', view, e.i, 'URN', `${who}: URN is blank for placement ${e.place}; a registered placement needs its Ofsted URN (XXXXXXX when it has none).`);
  }
}

function checkPostcodes(ctx: Context, view: TableView, e: EpisodeRow, uasc: ReadonlySet<string>): void {
  const who = childLabel(e.child);
  const shortBreak = e.ls !== null && SHORT_BREAK_LS.has(e.ls);
  if (shortBreak) {
    if (e.plPost !== null || e.urn !== null) {
      ctx.out.add('214', view, e.i, e.plPost !== null ? 'PL_POST' : 'URN', `${who}: a short break (LS ${e.ls}) has no placement location; leave PL_POST and URN blank.`);
    }
    if (e.homePost !== null || e.plPost !== null) {
      ctx.out.add('398', view, e.i, e.homePost !== null ? 'HOME_POST' : 'PL_POST', `${who}: a short break (LS ${e.ls}) has no placement distance; leave HOME_POST and PL_POST blank.`);
    }
    return;
  }
  // 392b: postcodes are needed for every child but UASC, whose home postcode is unknown.
  if ((e.homePost === null || e.plPost === null) && (e.child === null || !uasc.has(e.child))) {
    ctx.out.add('392b', view, e.i, e.homePost === null ? 'HOME_POST' : 'PL_POST', `${who} is looked after but ${e.homePost === null ? 'HOME_POST' : 'PL_POST'} is blank.`);
  }
  if (e.place !== 'P1' && e.homePost !== null && e.homePost === e.plPost) {
    ctx.out.add('392d', view, e.i, 'PL_POST', `${who}: PL_POST is the home postcode ${shown(e.homePost)} but the placement is ${shown(e.place)}, not with parents (P1).`);
  }
}

/** Children the UASC table names (a row with any date beyond CHILD); empty when it was not uploaded. */
function uascChildren(ctx: Context): Set<string> {
  const out = new Set<string>();
  const view = ctx.views.get('UASC');
  if (!view) return out;
  const cChild = view.col('CHILD');
  const cDuc = view.col('DUC');
  const cDob = view.col('DOB');
  for (let i = 0; i < view.length; i++) {
    const child = view.cell(i, cChild);
    if (child !== null && (view.cell(i, cDuc) !== null || view.cell(i, cDob) !== null)) out.add(child);
  }
  return out;
}
