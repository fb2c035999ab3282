/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) and the draws the generator needs.
 * Never Math.random: the same seed must give byte-identical returns on every machine and Node version,
 * and sfc32 uses only 32-bit integer arithmetic, which is exact in JS.
 */

/** 32-bit FNV-1a of a string: turns LA codes and labels into seed words. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** A weighted choice table, built once so that a draw is a short scan (tables here are small). */
export interface Table<T> {
  readonly values: readonly T[];
  readonly cumulative: Float64Array;
  readonly total: number;
}

export function table<T>(entries: readonly (readonly [T, number])[]): Table<T> {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], i) => {
    total += weight;
    cumulative[i] = total;
  });
  if (!(total > 0)) throw new Error('a choice table needs a positive total weight');
  return { values: entries.map(([value]) => value), cumulative, total };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeded from any number of 32-bit words (seed, LA hash, child index, …): each word sequence is its own stream. */
  constructor(...words: number[]) {
    let state = 0x6a09e667;
    for (const word of words) {
      let out: number;
      [state, out] = splitmix32(state ^ (word >>> 0));
      state = (state + out) | 0;
    }
    let w: number;
    [state, w] = splitmix32(state);
    this.a = w;
    [state, w] = splitmix32(state);
    this.b = w;
    [state, w] = splitmix32(state);
    this.c = w;
    [state, w] = splitmix32(state);
    this.d = w;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)]!;
  }

  from<T>(t: Table<T>): T {
    const x = this.next() * t.total;
    const cum = t.cumulative;
    for (let i = 0; i < cum.length; i++) if (x < cum[i]!) return t.values[i]!;
    return t.values[t.values.length - 1]!;
  }

  /** Standard normal (Box–Muller; one value per call keeps the stream simple to reason about). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-space sigma. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Exponential with the given mean. */
  exp(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }
}
