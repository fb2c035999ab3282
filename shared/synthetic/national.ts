/**
 * How many children each LA looks after at 31 March, so that England sums to about 84,000 (DfE CLA 2024-25
 * order of magnitude) with a believable spread. Each LA has a rough prior (approximate recent CLA counts,
 * rounded, from memory of the DfE tables: good enough for synthetic data, not statistics), perturbed by a
 * seeded log-normal factor and rescaled so the 153 LAs sum to the national total.
 */
import { LOCAL_AUTHORITIES, type LocalAuthority } from '../domain/tenancy/local-authorities.ts';
import { Rng, hashString } from './prng.ts';

export const NATIONAL_CLA = 84_000;

/** The two tiny LAs keep a handful of children whatever the seed; rescaling would make them implausible. */
const TINY: Readonly<Record<string, number>> = { '201': 8, '420': 3 };

const PRIOR: Readonly<Record<string, number>> = {
  // London
  '202': 200, '203': 380, '204': 370, '205': 200, '206': 330, '207': 100, '208': 370, '209': 420, '210': 440,
  '211': 290, '212': 260, '213': 170, '301': 350, '302': 350, '303': 300, '304': 320, '305': 330, '306': 550,
  '307': 350, '308': 400, '309': 390, '310': 190, '311': 270, '312': 400, '313': 270, '314': 130, '315': 160,
  '316': 380, '317': 230, '318': 110, '319': 230, '320': 320,
  // West Midlands metropolitan
  '330': 2000, '331': 750, '332': 620, '333': 800, '334': 550, '335': 650, '336': 520,
  // North West metropolitan
  '340': 430, '341': 1500, '342': 550, '343': 650, '344': 830, '350': 630, '351': 340, '352': 1300, '353': 600,
  '354': 600, '355': 600, '356': 400, '357': 650, '358': 400, '359': 600,
  // Yorkshire and the Humber metropolitan
  '370': 370, '371': 620, '372': 600, '373': 680, '380': 1450, '381': 370, '382': 650, '383': 1400, '384': 700,
  // North East metropolitan
  '390': 450, '391': 600, '392': 300, '393': 350, '394': 620,
  // unitaries and counties
  '800': 200, '801': 680, '802': 250, '803': 250, '805': 300, '806': 550, '807': 330, '808': 450, '810': 600,
  '811': 400, '812': 400, '813': 250, '815': 450, '816': 280, '821': 360, '822': 300, '823': 330, '825': 500,
  '826': 380, '830': 950, '831': 650, '838': 480, '839': 530, '840': 1050, '841': 300, '845': 650, '846': 380,
  '850': 1700, '851': 400, '852': 470, '855': 700, '856': 650, '857': 40, '860': 1400, '861': 900, '865': 480,
  '866': 380, '867': 110, '868': 130, '869': 170, '870': 280, '871': 220, '872': 130, '873': 700, '874': 400,
  '876': 310, '877': 400, '878': 900, '879': 520, '880': 350, '881': 1150, '882': 320, '883': 330, '884': 380,
  '885': 900, '886': 2300, '887': 470, '888': 2000, '889': 400, '890': 580, '891': 1000, '892': 700, '893': 600,
  '894': 420, '895': 550, '896': 500, '908': 600, '916': 850, '919': 1050, '921': 250, '925': 780, '926': 1150,
  '929': 400, '931': 850, '933': 600, '935': 950, '936': 1100, '937': 850, '938': 950, '940': 600, '941': 650,
  '942': 420, '943': 250,
};

/** Unknown LAs (not in the registry) get a mid-size prior. */
const DEFAULT_PRIOR = 450;

function rawWeight(la: LocalAuthority, seed: number): number {
  const rng = new Rng(seed, hashString(`size:${la.code}`));
  return (PRIOR[la.code] ?? DEFAULT_PRIOR) * Math.exp(0.12 * rng.normal());
}

const cache = new Map<number, { scale: number; tinyTotal: number }>();

function scaleFor(seed: number): { scale: number; tinyTotal: number } {
  let entry = cache.get(seed);
  if (!entry) {
    let raw = 0;
    let tinyTotal = 0;
    for (const la of LOCAL_AUTHORITIES) {
      if (la.code in TINY) tinyTotal += tinySize(la, seed);
      else raw += rawWeight(la, seed);
    }
    entry = { scale: (NATIONAL_CLA - tinyTotal) / raw, tinyTotal };
    cache.set(seed, entry);
  }
  return entry;
}

function tinySize(la: LocalAuthority, seed: number): number {
  const rng = new Rng(seed, hashString(`size:${la.code}`));
  return Math.max(1, TINY[la.code]! + rng.int(-2, 2));
}

/** Children looked after at 31 March for this LA under this seed (at least 1). */
export function laSize(la: LocalAuthority, seed: number): number {
  if (la.code in TINY) return tinySize(la, seed);
  return Math.max(1, Math.round(rawWeight(la, seed) * scaleFor(seed).scale));
}
