/**
 * Issue 9: what the audit trail costs a child read. One LA of 1,000 children in a real local platform (dynalite);
 * 2,000 reads of one child each way, interleaved in rounds so load on the shared box hits both alike:
 *   - bare: a plain GetItem of the child item and JSON.parse of its timeline (no schema parse, no audit): the floor;
 *   - audited read: getChildAt through a ScopedTable with an actor (parse on read + an entry buffered in memory);
 *   - request: the audited read + flush() (one BatchWrite of the one entry), as the API middleware will run it.
 * Capacity from the CapacityMeter: per child read, reads unchanged, writes = audit entries (each under 1 KB: 1 WCU).
 */
import './env.ts';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/data/client.ts';
import { getChildAt, getPointer, loadDatasetAt, replaceDataset } from '../../shared/data/repositories/datasets.ts';
import { AuditTrail } from '../../shared/data/audit.ts';
import { parseItem } from '../../shared/data/items.ts';
import { CapacityMeter } from '../../shared/data/scoped-table.ts';
import { tenantKeys } from '../../shared/data/keys.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { dataset, lookedAfterChildren, rawHeader } from '../helpers/records.ts';
import { type Bench, YEAR, figure, fmtMs, median, percentile, startPlatform } from './lib.ts';

const NAME = 'audit';
const CHILDREN = 1000;
const READS = 2000;
const ROUNDS = 10;

export const bench: Bench = {
  name: NAME,
  title: 'Audit trail: time and capacity per child read',
  async run(ctx) {
    const platform = await startPlatform();
    const doc = createDocumentClient({ endpoint: platform.data.endpoint! });
    try {
      const scope = tenantScope('886');
      const children = lookedAfterChildren('B', CHILDREN);
      const seedTable = platform.data.for(scope);
      await replaceDataset(seedTable, dataset(YEAR, children), rawHeader(children), { expectedVersion: (await getPointer(seedTable, YEAR))?.version ?? null });
      const pointer = (await getPointer(seedTable, YEAR))!;
      const actor = { sub: 'bench', role: 'iro', capability: 'children.read' };
      const ids = children.map((c) => c.child);
      const pick = (i: number) => ids[(i * 7919) % ids.length]!;

      const bare: number[] = [];
      const audited: number[] = [];
      const request: number[] = [];
      const flushes: number[] = [];
      const meter = new CapacityMeter();
      const perRound = READS / ROUNDS;
      for (let round = 0; round < ROUNDS + 1; round++) {
        const warm = round === 0; // round 0 warms connections and JIT, not counted
        for (let i = 0; i < perRound; i++) {
          const id = pick(round * perRound + i);
          let t = performance.now();
          const { Item } = await doc.send(new GetCommand({ TableName: platform.data.tableName, Key: tenantKeys.child(scope, YEAR, pointer.version, id) }));
          JSON.parse(Item!.data as string);
          if (!warm) bare.push(performance.now() - t);

          const table = platform.data.for(scope, { actor, ...(warm ? {} : { meter }) });
          t = performance.now();
          await getChildAt(table, pointer, id);
          const read = performance.now() - t;
          await table.flush();
          const total = performance.now() - t;
          if (!warm) {
            audited.push(read);
            request.push(total);
            flushes.push(total - read);
          }
        }
      }
      const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
      const p = (xs: number[]) => `median ${fmtMs(median(xs))}, p95 ${fmtMs(percentile(sorted(xs), 95))}`;
      ctx.log(`${READS} reads each way, ${CHILDREN} children`);

      const bulk = new CapacityMeter();
      const job = platform.data.for(scope, { actor: { sub: 'system:bench', role: 'system', capability: 'bench' }, meter: bulk });
      await loadDatasetAt(job, pointer);
      const rcuBefore = bulk.read;
      await job.flush();

      // The CPU the typed, audited path adds per item, away from the network: zod parse + noting the read.
      const item = { ...tenantKeys.child(scope, YEAR, pointer.version, 'B001'), type: 'child', v: 1, child: 'B001', data: JSON.stringify(children[0]) };
      const n = 100_000;
      const t0 = performance.now();
      // A fresh trail each time, as each request has: the entry (with its random id) is built every time.
      for (let i = 0; i < n; i++) new AuditTrail(scope, actor).noteRead([parseItem(item, 'child')]);
      const cpuUs = ((performance.now() - t0) * 1000) / n;

      return [
        figure(NAME, 'parse + audit note per child item (CPU)', `${cpuUs.toFixed(1)} µs`),
        figure(NAME, 'child read, bare GetItem + JSON.parse (no schema, no audit)', p(bare)),
        figure(NAME, 'child read, typed + audited (entry buffered)', p(audited), { note: `+${fmtMs(median(audited) - median(bare))} median over bare` }),
        figure(NAME, 'flush of one audit entry (one BatchWrite)', p(flushes)),
        figure(NAME, 'request: audited read + flush', p(request)),
        figure(NAME, 'capacity per child read', `${(meter.read / READS).toFixed(2)} RCU + ${(meter.write / READS).toFixed(2)} WCU`, { note: 'the WCU is the audit entry' }),
        figure(NAME, `bulk read of ${CHILDREN} children (a job's LA-year)`, `${rcuBefore} RCU + ${bulk.write} WCU`, { note: 'one bulk entry naming the count' }),
      ];
    } finally {
      doc.destroy();
      await platform.stop();
    }
  },
};
