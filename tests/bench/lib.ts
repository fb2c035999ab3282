/**
 * Shared helpers for `npm run bench`: figures with the load they were measured under, timing, percentiles,
 * RSS sampling, the in-memory national synthetic returns, and the national platform fixture that the
 * import, recompute and dashboard benchmarks share when they run in one process.
 * Benchmarks PRINT figures; nothing here asserts on speed.
 */
import './env.ts';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { LocalPlatform } from '../../functions/local/platform.ts';
import type { UploadedFile } from '../../shared/domain/ssda903/parse.ts';
import type { TableName } from '../../shared/domain/ssda903/records.ts';
import { LOCAL_AUTHORITIES, type LocalAuthority } from '../../shared/domain/tenancy/local-authorities.ts';
import { generateLaReturns } from '../../shared/synthetic/generate-la.ts';
import { laSize } from '../../shared/synthetic/national.ts';

export const SEED = 903;
/** The collection year every single-year figure uses. */
export const YEAR = 2025;
export const CORES = os.cpus().length;

// ---------------------------------------------------------------- figures

export interface Figure {
  benchmark: string;
  figure: string;
  value: string;
  target?: string;
  /** true = meets the target, false = misses it, undefined = no target. */
  met?: boolean;
  /** 1-minute load average when the figure was taken. */
  load: number;
  note?: string;
}

export interface BenchContext {
  /** Names of the benchmarks still to run after this one in this process (for fixture hand-over). */
  later: ReadonlySet<string>;
  options: BenchOptions;
  log: (line: string) => void;
}

export interface BenchOptions {
  /** Collection years imported before the national recompute (default [YEAR]). */
  recomputeYears: number[];
  /** Autocannon duration per route, seconds. */
  duration: number;
  connections: number;
  metricsRuns: number;
  /** Print the top self-time functions of the CPU-bound benchmarks. */
  profile: boolean;
}

export const DEFAULT_OPTIONS: BenchOptions = { recomputeYears: [YEAR], duration: 5, connections: 100, metricsRuns: 15, profile: false };

export interface Bench {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}

export const load1 = () => os.loadavg()[0]!;

export function figure(benchmark: string, name: string, value: string, extra: Partial<Omit<Figure, 'benchmark' | 'figure' | 'value'>> = {}): Figure {
  return { benchmark, figure: name, value, load: load1(), ...extra };
}

// ---------------------------------------------------------------- timing and formatting

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-GB');
export const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
export const fmtMB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const fmtKB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Samples process RSS every `everyMs` until stopped; returns the peak. */
export function sampleRss(everyMs = 100): { stop(): { peak: number; samples: number } } {
  let peak = process.memoryUsage().rss;
  let samples = 1;
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    samples++;
    if (rss > peak) peak = rss;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const rss = process.memoryUsage().rss;
      return { peak: Math.max(peak, rss), samples: samples + 1 };
    },
  };
}

// ---------------------------------------------------------------- HTTP load (autocannon in a worker thread)

export interface LoadResult { mean: number; p50: number; p90: number; p99: number; max: number; rps: number; total: number; non2xx: number; errors: number; timeouts: number; bytes: number }

export interface LoadOptions {
  connections: number;
  /** Seconds. */
  duration: number;
  /**
   * Requests in all, instead of a duration: every request then completes and is counted (a duration leaves the
   * slowest, queued ones out, which flatters a slow route at many connections).
   */
  amount?: number;
  method?: 'GET' | 'POST';
  /** A JSON body; every `[<id>]` in it is replaced by a fresh id per request. */
  body?: string;
  /** Seconds before autocannon gives a request up (its default is 10: too short for a queue of slow requests). */
  timeout?: number;
}

/** Drives `url` with a bearer token from a worker thread, so the load generator does not share the server's event loop. */
export function hammer(url: string, token: string, options: LoadOptions): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${token}`, ...(options.body !== undefined && { 'content-type': 'application/json' }) };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./autocannon-worker.mjs', import.meta.url), { workerData: { url, headers, ...options } });
    worker.once('message', (m: LoadResult) => {
      void worker.terminate();
      // A run that completed nothing is a broken measurement, not a figure of 0 ms.
      if (m.total === 0) reject(new Error(`no request to ${url} completed (${m.errors} errors, ${m.timeouts} timeouts)`));
      else resolve(m);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`autocannon worker exited with ${code}`)); });
  });
}

/**
 * Waits until the server answers GET /health within 50 ms: requests still in flight when autocannon stopped
 * keep the single local process busy, and would otherwise be counted against the next route measured.
 */
export async function drain(baseUrl: string, maxMs = 120_000): Promise<void> {
  const deadline = performance.now() + maxMs;
  while (performance.now() < deadline) {
    const started = performance.now();
    await fetch(`${baseUrl}/health`).then((r) => r.arrayBuffer());
    if (performance.now() - started < 50) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server was still busy ${maxMs} ms after the load stopped`);
}

// ---------------------------------------------------------------- synthetic national returns

export function laByCode(code: string): LocalAuthority {
  const la = LOCAL_AUTHORITIES.find((l) => l.code === code);
  if (!la) throw new Error(`no LA ${code}`);
  return la;
}

/** The LA with the most children looked after under SEED (the generator's own sizing). */
export function largestLa(): { la: LocalAuthority; cla: number } {
  let best = { la: LOCAL_AUTHORITIES[0]!, cla: 0 };
  for (const la of LOCAL_AUTHORITIES) {
    const cla = laSize(la, SEED);
    if (cla > best.cla) best = { la, cla };
  }
  return best;
}

const encoder = new TextEncoder();

export function toFiles(tables: Map<TableName, string>): UploadedFile[] {
  return [...tables].map(([table, csv]) => ({ name: `${table}.csv`, bytes: encoder.encode(csv) }));
}

export interface LaReturn {
  la: LocalAuthority;
  files: UploadedFile[];
  bytes: number;
}

const nationalCache = new Map<number, { returns: LaReturn[]; generateMs: number }>();

/** `--scale=0.05`: smaller national returns for a quick smoke run of the whole bench (figures not comparable). */
let scale = 1;
export function setNationalScale(value: number): void {
  if (value !== scale) nationalCache.clear();
  scale = value;
}
export const nationalScale = () => scale;

/**
 * Every LA's return of `year`, generated in memory (a year's files do not depend on which other years are
 * generated, so this is the same data as a three-year run). Kept as bytes only and memoised per process.
 */
export function nationalReturns(year: number = YEAR): { returns: LaReturn[]; generateMs: number } {
  let entry = nationalCache.get(year);
  if (!entry) {
    const started = performance.now();
    const returns = LOCAL_AUTHORITIES.map((la) => {
      const files = toFiles(generateLaReturns(la, { seed: SEED, yearsEnding: [year], scale }).get(year)!);
      return { la, files, bytes: files.reduce((n, f) => n + f.bytes.byteLength, 0) };
    });
    entry = { returns, generateMs: performance.now() - started };
    nationalCache.set(year, entry);
  }
  return entry;
}

/** Drops memoised national returns (they are ~100 MB a year). */
export function releaseNationalReturns(): void {
  nationalCache.clear();
}

// ---------------------------------------------------------------- the shared national platform

export interface NationalStore {
  platform: LocalPlatform;
  /** Collection years imported for every LA. */
  years: Set<number>;
  /** Whether a full recompute has run since the last import. */
  recomputed: boolean;
}

let store: NationalStore | undefined;

/** Takes the national store left by an earlier benchmark of this run, if any (the caller now owns it). */
export function takeNationalStore(): NationalStore | undefined {
  const s = store;
  store = undefined;
  return s;
}

/** Leaves the store for a later benchmark if one needs it; otherwise stops its platform. */
export async function handOver(s: NationalStore, ctx: BenchContext, neededBy: readonly string[]): Promise<void> {
  if (neededBy.some((n) => ctx.later.has(n))) store = s;
  else await s.platform.stop();
}

/** Stops whatever a benchmark left behind (run.ts calls it at the end, and on failure). */
export async function disposeShared(): Promise<void> {
  const s = takeNationalStore();
  if (s) await s.platform.stop();
}

export function startPlatform(): Promise<LocalPlatform> {
  return LocalPlatform.start({});
}

// ---------------------------------------------------------------- national import (also the setup of later benchmarks)

export interface LaImport {
  la: LocalAuthority;
  ms: number;
  wcu: number;
  rcu: number;
  children: number;
  rows: number;
}

/**
 * Imports every LA's return of `year` through importReturn (parse, validate against the stored previous year
 * if any, versioned write, pointer flip), one LA after another as the demo seed and `cli import` do.
 */
export async function importNationalYear(platform: LocalPlatform, year: number, onLa?: (done: number, total: number) => void): Promise<LaImport[]> {
  const { importReturn } = await import('../../shared/imports/import-return.ts');
  const { tenantScope } = await import('../../shared/data/scopes.ts');
  const { CapacityMeter } = await import('../../shared/data/scoped-table.ts');
  const { returns } = nationalReturns(year);
  const out: LaImport[] = [];
  for (const [i, r] of returns.entries()) {
    const meter = new CapacityMeter();
    const started = performance.now();
    const outcome = await importReturn(platform.data.for(tenantScope(r.la.code), { meter }), r.files, { yearEnding: year });
    const ms = performance.now() - started;
    if (!outcome.accepted) {
      const first = outcome.report.errors[0];
      throw new Error(`${r.la.name} ${year} rejected: ${outcome.report.errors.length} errors, first ${first?.file} row ${first?.row} ${first?.code}`);
    }
    const counts = outcome.pointer.counts as Record<string, number>;
    const rows = Object.values(counts).reduce((n, c) => n + c, 0);
    out.push({ la: r.la, ms, wcu: meter.write, rcu: meter.read, children: counts.Header ?? 0, rows });
    onLa?.(i + 1, returns.length);
  }
  return out;
}

/** A platform with every LA's returns of `years` imported (untimed set-up for benchmarks run on their own). */
export async function ensureNationalStore(years: readonly number[], log: (s: string) => void): Promise<NationalStore> {
  const s = takeNationalStore() ?? { platform: await startPlatform(), years: new Set<number>(), recomputed: false };
  try {
    for (const year of [...years].sort()) {
      if (s.years.has(year)) continue;
      const started = performance.now();
      await importNationalYear(s.platform, year);
      s.years.add(year);
      s.recomputed = false;
      log(`set-up: imported every LA's ${year} return in ${fmtMs(performance.now() - started)}`);
    }
  } catch (error) {
    await s.platform.stop();
    throw error;
  }
  return s;
}

// ---------------------------------------------------------------- CPU profile (--profile): where the time goes

/** Local-store packages: dynalite and the storage stack under it (leveldb in memory, CRC32 of every response). */
const DYNALITE = /^(dynalite|buffer-crc32|level|abstract-level|memory-level|memdown|classic-level|level-|encoding-down|levelup|deferred-leveldown|lock|subleveldown|big\.js|lazy)/;

function areaOf(file: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
  if (pkg) {
    if (pkg.startsWith('@smithy/') || pkg.startsWith('@aws-sdk/')) return 'AWS SDK';
    if (DYNALITE.test(pkg)) return 'dynalite + storage';
    return pkg;
  }
  if (!file || file.startsWith('node:')) return 'node internals';
  return file.split('/').slice(0, 3).join('/');
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }

/** Runs `fn` under the V8 sampling profiler and returns the functions with the most self time. */
export async function profileTop(fn: () => Promise<void> | void, top = 8): Promise<string[]> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    await fn();
    const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[] } };
    const total = profile.samples.length || 1;
    const self = new Map<string, number>();
    // Also by package / app folder: a flat profile often only makes sense summed by where the code lives.
    const areas = new Map<string, number>();
    for (const node of profile.nodes) {
      const { functionName, url } = node.callFrame;
      const file = url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
      const key = `${functionName || '(anonymous)'} ${file}`.trim();
      const area = functionName.startsWith('(') ? functionName : areaOf(file);
      self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0));
      areas.set(area, (areas.get(area) ?? 0) + (node.hitCount ?? 0));
    }
    const pct = (n: number) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
    return [
      ...[...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, n]) => `${pct(n)}  ${k}`),
      `by area: ${[...areas].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, n]) => `${k} ${pct(n).trim()}`).join(', ')}`,
    ];
  } finally {
    session.disconnect();
  }
}
