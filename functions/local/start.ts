/**
 * `npm start`: the whole platform locally on embedded dynalite + fauxqs, with demo tenants.
 *   npm start -- --fresh            wipe .data first
 *   PORT=3000                       API port
 *   TICK_MINUTES=60                 how often the local scheduler sends the nightly plan message
 */
import './quiet-env.ts';
import { rm } from 'node:fs/promises';
import { LocalPlatform } from './platform.ts';
import { DATA_DIR } from './paths.ts';
import { demoTenants } from './demo-users.ts';
import { seedDemo } from './seed.ts';

const started = performance.now();
const fresh = process.argv.includes('--fresh');
if (fresh) await rm(DATA_DIR, { recursive: true, force: true });

const port = Number(process.env.PORT ?? 3000);
const platform = await LocalPlatform.start({ dataDir: DATA_DIR, port });
const say = (line = '') => process.stdout.write(`${line}\n`);

const tenants = demoTenants();
const sample = tenants[0]!;

say(`IRO platform API on ${platform.url} (data in ${DATA_DIR}/${fresh ? ', fresh' : ''}; first response ready after ${Math.round(performance.now() - started)} ms)`);
say();
say(`Sign in (one demo user of each role): ${platform.url}/app/sign-in`);
say(`API explorer: ${platform.url}/docs`);
say();
say('Try:');
say(`  TOKEN=$(npm run --silent cli -- token --role regional_chair --region "${sample.region}")`);
say(`  curl -s -H "authorization: Bearer $TOKEN" ${platform.url}/dashboards/region`);
say();

const seedStarted = performance.now();
const { imported, skipped, practiceRecords } = await seedDemo(platform, tenants, (done, total, la) => {
  process.stderr.write(`\rseeding demo tenants ${done}/${total} (${la.name})${' '.repeat(20)}`);
});
process.stderr.write('\n');
say(`Demo tenants: ${tenants.length} LAs in ${new Set(tenants.map((t) => t.region)).size} regions (${imported} imported, ${skipped} already there; ${practiceRecords} IRO practice records written in bulk) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

await platform.tick();
await platform.drain(300_000);
say(`First recompute done: dashboards ready (${((performance.now() - started) / 1000).toFixed(1)} s since start). Ctrl-C stops everything.`);

const tickMinutes = Number(process.env.TICK_MINUTES ?? 60);
const timer = setInterval(() => { void platform.tick(); }, tickMinutes * 60_000);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    say('\nstopping…');
    void platform.stop().then(() => process.exit(0));
  });
}
