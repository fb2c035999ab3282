/**
 * Issue 10: IRO practice records at the largest LA's size. Kent (886) with the demo's five years of synthetic
 * returns imported (untimed set-up), then timed: the bulk seed of its practice records, the tenant job that
 * stores the worklist basis, the worklist built from everything and from the basis, and route latencies of
 * GET /worklist, GET /decisions?child=, GET /disputes and POST /decisions at 1 and 50 connections (autocannon
 * in a worker thread, real tokens). When an earlier benchmark of the run left the national store (import,
 * recompute), the practice records of every LA are seeded into it too: the national seed time.
 */
import './env.ts';
import { systemActor } from '../../shared/data/audit.ts';
import { tenantKeys } from '../../shared/data/keys.ts';
import { loadLiveYears } from '../../shared/data/repositories/datasets.ts';
import { listAllRecords, loadPracticeRecords, practiceCollections } from '../../shared/data/repositories/practice-collections.ts';
import { loadWorklistInputs } from '../../shared/data/repositories/worklist.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { mergeDatasets } from '../../shared/domain/metrics/history.ts';
import { buildWorklist } from '../../shared/domain/practice/worklist.ts';
import { importReturn } from '../../shared/imports/import-return.ts';
import { generateLaReturns } from '../../shared/synthetic/generate-la.ts';
import { DEMO_SEED, DEMO_YEARS, seedPracticeRecords } from '../../functions/local/seed.ts';
import type { LocalPlatform } from '../../functions/local/platform.ts';
import { devSubject } from '../../functions/local/dev-issuer.ts';
import { createTenantSnapshotHandler } from '../../functions/jobs/tenant-snapshot/tenant-snapshot-job.ts';
import {
  type Bench, type Figure, type LoadOptions, drain, figure, fmtInt, fmtKB, fmtMs, handOver, hammer, laByCode, median, startPlatform, takeNationalStore, timed, toFiles,
} from './lib.ts';

const NAME = 'practice';
const KENT = laByCode('886');
const RUNS = 3;

const today = () => new Date().toISOString().slice(0, 10);

async function seedNational(platform: LocalPlatform, log: (s: string) => void): Promise<Figure[]> {
  const { LOCAL_AUTHORITIES } = await import('../../shared/domain/tenancy/local-authorities.ts');
  let records = 0;
  const { ms } = await timed(async () => {
    for (const [i, la] of LOCAL_AUTHORITIES.entries()) {
      records += await seedPracticeRecords(platform.data.for(tenantScope(la.code), { actor: systemActor('bench-seed') }));
      if ((i + 1) % 25 === 0) log(`  national practice seed: ${i + 1} / ${LOCAL_AUTHORITIES.length} LAs`);
    }
  });
  return [figure(NAME, `bulk seed of every LA's practice records (${LOCAL_AUTHORITIES.length} LAs, the national store's returns)`,
    `${fmtMs(ms)}: ${fmtInt(records)} records, ${fmtInt((records / ms) * 1000)} records/s`)];
}

export const bench: Bench = {
  name: NAME,
  title: 'IRO practice records: bulk seed, worklist build, route latencies (Kent, five years)',
  async run(ctx) {
    const out: Figure[] = [];
    const national = takeNationalStore();
    if (national) {
      try {
        out.push(...await seedNational(national.platform, ctx.log));
      } finally {
        await handOver(national, ctx, ['dashboards']);
      }
    } else {
      ctx.log('no national store in this run: the national seed figure needs `import` before `practice` (npm run bench -- import practice)');
    }

    const platform = await startPlatform();
    try {
      const table = platform.data.for(tenantScope(KENT.code), { actor: systemActor('bench') });
      const returns = generateLaReturns(KENT, { seed: DEMO_SEED, yearsEnding: DEMO_YEARS });
      const imported = await timed(async () => {
        for (const yearEnding of DEMO_YEARS) {
          const outcome = await importReturn(table, toFiles(returns.get(yearEnding)!), { yearEnding });
          if (!outcome.accepted) throw new Error(`${KENT.name} ${yearEnding} rejected`);
        }
      });
      ctx.log(`set-up: imported ${KENT.name}'s ${DEMO_YEARS.join(', ')} returns in ${fmtMs(imported.ms)}`);

      const seeded = await timed(() => seedPracticeRecords(table));
      out.push(figure(NAME, `bulk seed of ${KENT.name}'s practice records (rev 1 + history, BatchWrite)`,
        `${fmtMs(seeded.ms)}: ${fmtInt(seeded.value)} records, ${fmtInt((seeded.value / seeded.ms) * 1000)} records/s`, { note: 'the revisioned path (three round trips a record) measured ~160 records/s' }));

      // The tenant job for Kent alone (a tick would queue all 153 LAs), through the handler the Lambda runs.
      const tenantJob = createTenantSnapshotHandler(platform.jobDeps);
      const message = { messageId: 'bench', body: JSON.stringify({ type: 'tenant', la: KENT.code, reason: 'bench' }), attributes: { ApproximateReceiveCount: '1' } };
      const job = await timed(() => tenantJob({ Records: [message] } as unknown as Parameters<typeof tenantJob>[0], {} as Parameters<typeof tenantJob>[1]));
      if (job.value.batchItemFailures.length > 0) throw new Error('the tenant job failed');
      const { pk, skPrefix } = tenantKeys.worklistBasisPrefix(table.scope);
      const chunks = await table.query(pk, { skPrefix, type: 'worklist-basis' });
      const basisBytes = chunks.reduce((n, c) => n + Buffer.byteLength(c.data), 0);
      out.push(figure(NAME, `tenant job for ${KENT.name} after the seed (metrics 1–9 for five years, deadlines, child index, worklist basis)`,
        fmtMs(job.ms), { note: `basis ${chunks.length} chunks, ${fmtKB(basisBytes)}` }));

      // The worklist built from everything (what every request did before the basis) and from the basis.
      const date = today();
      const full = { load: [] as number[], build: [] as number[], rows: 0 };
      const basis = { load: [] as number[], build: [] as number[], rows: 0 };
      let practiceCount = 0;
      let children = 0;
      for (let i = 0; i < RUNS; i++) {
        const loaded = await timed(async () => {
          const [years, records] = await Promise.all([loadLiveYears(table), loadPracticeRecords(table)]);
          return { dataset: mergeDatasets(years.map((y) => y.dataset)), records };
        });
        const built = await timed(() => buildWorklist(loaded.value.dataset, loaded.value.records, date));
        full.load.push(loaded.ms);
        full.build.push(built.ms);
        full.rows = built.value.length;
        children = loaded.value.dataset.children.length;
        practiceCount = Object.values(loaded.value.records).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
        const fromBasis = await timed(() => loadWorklistInputs(table, date));
        if (fromBasis.value?.source !== 'basis') throw new Error(`the worklist did not read the basis (${fromBasis.value?.source})`);
        const builtFromBasis = await timed(() => buildWorklist(fromBasis.value!.dataset, fromBasis.value!.records, date));
        basis.load.push(fromBasis.ms);
        basis.build.push(builtFromBasis.ms);
        basis.rows = builtFromBasis.value.length;
      }
      if (basis.rows !== full.rows) throw new Error(`basis gave ${basis.rows} rows, everything ${full.rows}`);
      out.push(figure(NAME, `worklist of ${KENT.name} from everything: load (5 years, ${fmtInt(children)} children; ${fmtInt(practiceCount)} records) / build, median of ${RUNS}`,
        `${fmtMs(median(full.load))} / ${fmtMs(median(full.build))}`, { note: `${fmtInt(full.rows)} rows` }));
      out.push(figure(NAME, `worklist of ${KENT.name} from the stored basis: load / build, median of ${RUNS}`,
        `${fmtMs(median(basis.load))} / ${fmtMs(median(basis.build))}`, { target: 'route < 1 s p50', met: median(basis.load) + median(basis.build) < 1000, note: 'same rows' }));

      // Route latencies over HTTP.
      const managerToken = await platform.issuer.mint({ role: 'iro_manager', tenant: KENT.code });
      const iroToken = await platform.issuer.mint({ role: 'iro', tenant: KENT.code, sub: devSubject({ role: 'iro', tenant: KENT.code }) });
      const decisions = await listAllRecords(table, practiceCollections.decisions);
      const child = decisions[Math.floor(decisions.length / 2)]!.fields.child;
      const review = decisions.find((d) => d.fields.child === child)!.fields.review;
      const newDecision = JSON.stringify({
        id: '[<id>]', child, review, made: '2026-11-20', text: 'Arrange a visit to the new school before the move', topic: 'education',
        owner: { role: 'Social worker', name: 'Sam Smith' }, due: '2027-01-15',
      });
      const routes: { label: string; path: string; token: string; load?: Pick<LoadOptions, 'method' | 'body'> }[] = [
        { label: 'GET /worklist (IRO manager, whole LA)', path: '/worklist', token: managerToken },
        { label: 'GET /worklist (the demo IRO)', path: '/worklist', token: iroToken },
        { label: `GET /decisions?child= (one child)`, path: `/decisions?child=${child}`, token: managerToken },
        { label: 'GET /disputes (the first page, 100 of the LA)', path: '/disputes', token: managerToken },
        { label: 'POST /decisions', path: '/decisions', token: managerToken, load: { method: 'POST', body: newDecision } },
      ];
      // One local process serves every connection, so 50 connections measure a queue (p50 ≈ 50 × the service time),
      // not Lambda, where each concurrent request has an instance of its own: the 50-connection figures show what
      // one instance sustains (req/s) and that nothing fails under contention. Each 50-connection run is a fixed
      // number of requests so every queued request is counted, and the server drains before the next route.
      for (const route of routes) {
        for (const connections of [1, 50]) {
          const load = connections === 1
            ? { connections, duration: ctx.options.duration }
            : { connections, duration: ctx.options.duration, amount: 4 * connections, timeout: 300 };
          ctx.log(`${route.label}: ${connections} connection(s)`);
          const r = await hammer(`${platform.url}${route.path}`, route.token, { ...load, ...route.load });
          await drain(platform.url);
          const ok = r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;
          const shape = load.amount ? `${load.amount} requests` : `${load.duration} s`;
          out.push(figure(NAME, `${route.label}, ${connections} connection${connections > 1 ? 's' : ''} × ${shape}`,
            `p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.rps.toFixed(1)} req/s`,
            { ...(route.path === '/worklist' && connections === 1 && { target: 'p50 < 1 s', met: r.p50 < 1000 }), note: `${fmtInt(r.total)} requests${ok ? '' : `, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`}` }));
        }
      }
      return out;
    } finally {
      await platform.stop();
    }
  },
};
