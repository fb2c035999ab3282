/**
 * `npm run bench [-- NAME ...] [--years=2023,2024,2025] [--duration=5] [--connections=100] [--runs=15] [--wait-quiet] [--profile] [--scale=1]`
 *
 * Runs each benchmark module in turn (or only those named) and PRINTS figures: a compact log while running,
 * then the same figures as a Markdown table to paste into the README. Nothing here fails on speed; a
 * benchmark that throws prints its error and the run continues. Every figure carries the 1-minute load
 * average it was measured under (the box has few cores and is shared), flagged when above the core count.
 */
import './env.ts';
import os from 'node:os';
import { CORES, DEFAULT_OPTIONS, disposeShared, nationalScale, setNationalScale, load1, type Bench, type BenchOptions, type Figure } from './lib.ts';

const MODULES: Record<string, () => Promise<{ bench: Bench }>> = {
  parse: () => import('./parse.ts'),
  cli: () => import('./cli.ts'),
  import: () => import('./import.ts'),
  metrics: () => import('./metrics.ts'),
  recompute: () => import('./recompute.ts'),
  practice: () => import('./practice.ts'),
  dashboards: () => import('./dashboards.ts'),
  bundles: () => import('./bundles.ts'),
  audit: () => import('./audit.ts'),
  report: () => import('./report.ts'),
};

function parseArgs(argv: string[]): { names: string[]; options: BenchOptions; waitQuiet: boolean } {
  const options = { ...DEFAULT_OPTIONS };
  const names: string[] = [];
  let waitQuiet = false;
  for (const arg of argv) {
    const [key, value = ''] = arg.split('=', 2) as [string, string?];
    if (key === '--years') options.recomputeYears = value.split(',').map(Number).filter(Number.isFinite).sort();
    else if (key === '--duration') options.duration = Number(value);
    else if (key === '--connections') options.connections = Number(value);
    else if (key === '--runs') options.metricsRuns = Number(value);
    else if (key === '--wait-quiet') waitQuiet = true;
    else if (key === '--profile') options.profile = true;
    else if (key === '--scale') setNationalScale(Number(value));
    else if (key.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else if (!(key in MODULES)) throw new Error(`unknown benchmark ${key} (known: ${Object.keys(MODULES).join(', ')})`);
    else names.push(key);
  }
  // Always in the canonical order, so the national store can be handed from import to recompute to dashboards.
  const order = Object.keys(MODULES);
  return { names: names.length ? order.filter((n) => names.includes(n)) : order, options, waitQuiet };
}

/** With --wait-quiet: wait (up to 2 minutes) for the 1-minute load to drop below the core count (+1 for the bench itself). */
async function waitForQuiet(log: (s: string) => void): Promise<void> {
  const deadline = Date.now() + 120_000;
  if (load1() < CORES + 1) return;
  log(`  waiting for load ${load1().toFixed(2)} < ${CORES + 1} ...`);
  while (load1() >= CORES + 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5000));
}

function machine(): string[] {
  const cpus = os.cpus();
  return [
    `CPU: ${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length}`,
    `memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB total, ${(os.freemem() / 1024 ** 3).toFixed(1)} GB free`,
    `node ${process.version} (${process.platform} ${process.arch}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`,
  ];
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

function markdown(figures: Figure[], failures: { name: string; error: string }[]): string {
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${machine().join('; ')}.`,
    ...(nationalScale() === 1 ? [] : [`**Smoke run: national returns at --scale=${nationalScale()}; national figures are not comparable.**`]),
    `Load = 1-minute load average when the figure was taken (${CORES} cores; the bench itself keeps 1–2 threads busy, so ⚠ marks load above ${CORES + 1}: other work on the box, figure may be noisy).`,
    '',
    '| benchmark | figure | value | target | load |',
    '|---|---|---|---|---|',
  ];
  for (const f of figures) {
    const target = f.target ? `${f.target} ${f.met === undefined ? '' : f.met ? '✅' : '❌'}`.trim() : '';
    const value = f.note ? `${f.value} (${f.note})` : f.value;
    lines.push(`| ${cell(f.benchmark)} | ${cell(f.figure)} | ${cell(value)} | ${cell(target)} | ${f.load.toFixed(2)}${f.load > CORES + 1 ? ' ⚠' : ''} |`);
  }
  for (const f of failures) lines.push(`| ${f.name} | FAILED | ${cell(f.error)} | | |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { names, options, waitQuiet } = parseArgs(process.argv.slice(2));
  console.log('# npm run bench');
  for (const line of machine()) console.log(line);
  console.log(`benchmarks: ${names.join(', ')}; options: ${JSON.stringify(options)}`);
  const figures: Figure[] = [];
  const failures: { name: string; error: string }[] = [];
  const started = performance.now();
  try {
    for (const [i, name] of names.entries()) {
      const log = (line: string) => console.log(`  ${line}`);
      const t0 = performance.now();
      try {
        if (waitQuiet) await waitForQuiet(log);
        const { bench } = await MODULES[name]!();
        console.log(`\n## ${bench.name}: ${bench.title}  (load ${load1().toFixed(2)})`);
        const got = await bench.run({ later: new Set(names.slice(i + 1)), options, log });
        for (const f of got) {
          const target = f.target ? `  [target ${f.target}: ${f.met ? 'met' : 'MISSED'}]` : '';
          console.log(`  • ${f.figure}: ${f.value}${f.note ? ` (${f.note})` : ''}${target}  (load ${f.load.toFixed(2)})`);
        }
        figures.push(...got);
      } catch (error) {
        const message = (error as Error)?.stack ?? String(error);
        console.log(`\n!! ${name} failed: ${message}`);
        failures.push({ name, error: ((error as Error)?.message ?? String(error)).split('\n')[0]!.slice(0, 200) });
      }
      console.log(`  (${name} took ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await disposeShared();
  }
  console.log(`\n# Report (Markdown; ${((performance.now() - started) / 1000).toFixed(0)} s in all)\n`);
  console.log(markdown(figures, failures));
}

await main();
