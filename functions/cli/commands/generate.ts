/**
 * `generate --out DIR [--seed N] [--las N] [--year-ending YYYY]` (DESIGN.md §7): synthetic 903 returns for the
 * first N LAs of the registry (default all 153), five consecutive collection years ending at --year-ending
 * (default 2025), written as DIR/<la-code>/<yearEnding>/<table>.csv. Each return holds only its year, as the DfE
 * expects; the two earliest years are the stored history the look-back metrics of the last three need. Progress goes to stderr, the summary to
 * stdout. Exit 0; 2 on a usage problem.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCAL_AUTHORITIES } from '../../../shared/domain/tenancy/local-authorities.ts';
import { generateLaReturns } from '../../../shared/synthetic/generate-la.ts';
import { UsageError, intFlag, parseArgs, stringFlag, usageFailure } from '../args.ts';

const USAGE = 'usage: npm run cli -- generate --out DIR [--seed N] [--las N] [--year-ending YYYY]';
const FLAGS = new Set(['out', 'seed', 'las', 'year-ending']);
export const DEFAULT_SEED = 1;
export const DEFAULT_YEAR_ENDING = 2025;
const YEARS = 5;

interface Options {
  out: string;
  seed: number;
  las: number;
  yearEnding: number;
}

function options(args: string[]): Options {
  const parsed = parseArgs(args);
  for (const name of parsed.flags.keys()) if (!FLAGS.has(name)) throw new UsageError(`unknown option --${name}`);
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
  const out = stringFlag(parsed, 'out');
  if (out === undefined) throw new UsageError('--out DIR is required');
  const seed = intFlag(parsed, 'seed') ?? DEFAULT_SEED;
  if (seed > 0xffffffff) throw new UsageError('--seed must fit in 32 bits');
  const las = intFlag(parsed, 'las') ?? LOCAL_AUTHORITIES.length;
  if (las < 1 || las > LOCAL_AUTHORITIES.length) throw new UsageError(`--las must be 1-${LOCAL_AUTHORITIES.length}`);
  const yearEnding = intFlag(parsed, 'year-ending') ?? DEFAULT_YEAR_ENDING;
  // The generator's history starts in 1998 and children's dates stay inside its calendar (to 2100).
  if (yearEnding < 2019 || yearEnding > 2090) throw new UsageError(`--year-ending must be 2019-2090, got ${yearEnding}`);
  return { out, seed, las, yearEnding };
}

function countRows(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n - 1;
}

export async function run(args: string[]): Promise<number> {
  let opts: Options;
  try {
    opts = options(args);
  } catch (err) {
    return usageFailure(err, USAGE);
  }
  const started = performance.now();
  const years = Array.from({ length: YEARS }, (_, i) => opts.yearEnding - YEARS + 1 + i);
  const las = LOCAL_AUTHORITIES.slice(0, opts.las);
  const tty = process.stderr.isTTY === true;
  let children = 0;
  let rows = 0;
  let bytes = 0;
  // Writing one LA's files overlaps with generating the next (the fs work runs on libuv's pool).
  let pending: Promise<unknown> = Promise.resolve();
  for (const [n, la] of las.entries()) {
    const returns = generateLaReturns(la, { seed: opts.seed, yearsEnding: years });
    const writes: Promise<unknown>[] = [];
    for (const [year, tables] of returns) {
      const dir = join(opts.out, la.code, String(year));
      for (const [table, text] of tables) {
        rows += countRows(text);
        bytes += text.length;
        if (table === 'Header' && year === opts.yearEnding) children += countRows(text);
      }
      writes.push(mkdir(dir, { recursive: true }).then(() =>
        Promise.all([...tables].map(([table, text]) => writeFile(join(dir, `${table}.csv`), text)))));
    }
    await pending;
    pending = Promise.all(writes);
    const line = `[${n + 1}/${las.length}] ${la.code} ${la.name}`;
    process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
  }
  await pending;
  if (tty) process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `Generated ${las.length} LAs, collection years ${years[0]}-${years[years.length - 1]} (seed ${opts.seed}) in ${opts.out}\n` +
      `  children in the ${opts.yearEnding} returns: ${children}\n` +
      `  rows: ${rows} in ${las.length * YEARS} returns (${(bytes / 1e6).toFixed(1)} MB)\n` +
      `  seconds: ${seconds.toFixed(1)}\n`,
  );
  return 0;
}
