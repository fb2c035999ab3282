/**
 * `cli validate` as a whole process, as an analyst runs it (`npm run cli` = node + the esbuild bundle):
 * - an LA of about 9,000 rows and the largest LA, median of 5 runs each (target < 0.2 s for the 9,000-row LA),
 *   beside the same command through tsx (how it ran before the bundle), median of 3;
 * - every LA's return of one year, one process per LA, one after another: rows validated per second of wall time.
 * The returns are written to a temporary folder first; the bundle is built (if stale) before any timing.
 */
import './env.ts';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureCliBundle } from '../../functions/cli/bundle.mjs';
import { type Bench, type Figure, YEAR, figure, fmtInt, fmtMs, largestLa, median, nationalReturns, type LaReturn } from './lib.ts';

const NAME = 'cli';
const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

const rowsOf = (r: LaReturn) => r.files.reduce((n, f) => n + new TextDecoder().decode(f.bytes).split('\n').filter((l) => l !== '').length - 1, 0);

async function writeLa(base: string, r: LaReturn): Promise<string> {
  const dir = join(base, r.la.code);
  await mkdir(dir, { recursive: true });
  await Promise.all(r.files.map((f) => writeFile(join(dir, f.name), f.bytes)));
  return dir;
}

/** Wall time of one whole `validate` process (exit 1 is a verdict, not a failure). */
async function timeProcess(command: string, args: string[]): Promise<number> {
  const started = performance.now();
  await exec(command, args, { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 }).catch((e: { code?: unknown }) => {
    if (e.code !== 1) throw e;
  });
  return performance.now() - started;
}

export const bench: Bench = {
  name: NAME,
  title: '`cli validate` as a whole process (bundle vs tsx), and national rows/s',
  async run(ctx) {
    const main = await ensureCliBundle();
    const { returns } = nationalReturns(YEAR);
    const rows = new Map(returns.map((r) => [r.la.code, rowsOf(r)]));
    const near9k = returns.reduce((best, r) => (Math.abs(rows.get(r.la.code)! - 9000) < Math.abs(rows.get(best.la.code)! - 9000) ? r : best));
    const biggest = returns.find((r) => r.la.code === largestLa().la.code)!;
    const base = await mkdtemp(join(tmpdir(), 'iro-bench-cli-'));
    const out: Figure[] = [];
    try {
      for (const [label, r, target] of [['≈9,000-row LA', near9k, 200], ['largest LA', biggest, undefined]] as const) {
        const dir = await writeLa(base, r);
        const args = ['validate', dir, '--year-ending', String(YEAR)];
        const bundled = median(await sequence(5, () => timeProcess('node', [main, ...args])));
        const viaTsx = median(await sequence(3, () => timeProcess('npx', ['tsx', 'functions/cli/main.ts', ...args])));
        ctx.log(`${r.la.name}: ${fmtInt(rows.get(r.la.code)!)} rows, bundle ${fmtMs(bundled)}, tsx ${fmtMs(viaTsx)}`);
        out.push(figure(NAME, `validate, ${label} (${r.la.name}, ${fmtInt(rows.get(r.la.code)!)} rows), whole process, median of 5`,
          fmtMs(bundled), { note: `tsx: ${fmtMs(viaTsx)}`, ...(target !== undefined && { target: '< 0.2 s', met: bundled < target }) }));
      }
      let total = 0;
      let wall = 0;
      for (const r of returns) {
        const dir = await writeLa(base, r);
        wall += await timeProcess('node', [main, 'validate', dir, '--year-ending', String(YEAR)]);
        total += rows.get(r.la.code)!;
        await rm(dir, { recursive: true, force: true });
      }
      ctx.log(`national: ${fmtInt(total)} rows in ${returns.length} processes, ${fmtMs(wall)}`);
      out.push(figure(NAME, `validate, every LA (${returns.length} processes, ${fmtInt(total)} rows)`, `${fmtInt(total / (wall / 1000))} rows/s (${fmtMs(wall)})`));
    } finally {
      await rm(base, { recursive: true, force: true });
    }
    return out;
  },
};

async function sequence(n: number, fn: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
}
