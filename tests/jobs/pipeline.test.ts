import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { child, dataset, lookedAfterChildren } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';
import { JOBS } from '../../shared/platform/queue/jobs-manifest.ts';

/**
 * The job pipeline end to end on the real local parts: tick → plan → tenant (one per LA) → rollup, through
 * fauxqs and the same handlers the Lambdas run, with snapshots read back over real HTTP.
 */
const receipts: { queue: string; body: string; receiveCount: string }[] = [];
const ctx = usePlatform({
  wrapHandler: (queue, handler) => async (event: SQSEvent) => {
    for (const r of event.Records) receipts.push({ queue, body: r.body, receiveCount: r.attributes.ApproximateReceiveCount });
    return handler(event);
  },
});

const YEAR = 2025;
const kent = { role: 'iro_manager', tenant: '886' } as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(path: string, claims: Parameters<typeof ctx.get>[1]): Promise<any> {
  const res = await ctx.get(path, claims);
  expect(res.status, `${path} → ${res.status}: ${await res.clone().text()}`).toBe(200);
  return res.json();
}

describe('job pipeline', () => {
  it('a tick produces LA, regional and national snapshots that match the seeded data', async () => {
    // Kent (886, South East): 40 children looked after on 31 March 2025, plus two who do NOT count:
    //   K-LEFT left care on 15 Jan 2025 (DEC before 31 March), K-RESPITE only ever had V3 short breaks.
    await ctx.seed('886', dataset(YEAR, [
      ...lookedAfterChildren('K', 40),
      child('K-LEFT', [{ decom: '2024-06-01', dec: '2025-01-15', rec: 'E13' }]),
      child('K-RESPITE', [{ decom: '2025-03-01', ls: 'V3' }]),
    ]));
    // Medway (887, South East): 3 children — a count of 1 to 5, so suppressed for anyone outside Medway.
    await ctx.seed('887', dataset(YEAR, lookedAfterChildren('M', 3)));
    // Surrey (936, South East): 7. Camden (202, London): 27, one of whom starts on 31 March itself (counts: DECOM ≤ d).
    await ctx.seed('936', dataset(YEAR, lookedAfterChildren('S', 7)));
    await ctx.seed('202', dataset(YEAR, [...lookedAfterChildren('C', 26), child('C-NEW', [{ decom: '2025-03-31' }])]));

    await ctx.platform.tick();
    await ctx.platform.drain();

    // LA dashboards: each LA's own figure, never rounded or suppressed for the LA itself.
    expect((await json(`/dashboards/la?year=${YEAR}`, kent)).metrics.cla.count).toBe(40);
    expect((await json(`/dashboards/la?year=${YEAR}`, { role: 'iro', tenant: '887' })).metrics.cla.count).toBe(3);
    expect((await json(`/dashboards/la?year=${YEAR}`, { role: 'iro', tenant: '936' })).metrics.cla.count).toBe(7);
    expect((await json(`/dashboards/la?year=${YEAR}`, { role: 'iro', tenant: '202' })).metrics.cla.count).toBe(27);

    // Regional chair of the South East: its LAs side by side; Medway's 3 is suppressed, Kent's 40 shown.
    const southEast = await json(`/dashboards/region?year=${YEAR}`, { role: 'regional_chair', region: 'South East' });
    const byCode = Object.fromEntries(southEast.las.map((l: { la: string }) => [l.la, l]));
    expect(Object.keys(byCode).sort()).toEqual(['886', '887', '936']);
    expect(byCode['886'].cla).toBe(40);
    expect(byCode['887'].cla).toEqual({ suppressed: 'c', reason: expect.any(String) });

    // National: England = 40 + 3 + 7 + 27 = 77 → rounded to the nearest 10 = 80; London 27 → 30; no LA named.
    const national = await json(`/dashboards/national?year=${YEAR}`, { role: 'national' });
    expect(national.england.cla).toBe(80);
    expect(national.regions.find((r: { region: string }) => r.region === 'London').cla).toBe(30);
    const text = JSON.stringify(national);
    for (const needle of ['"886"', '"887"', '"936"', '"202"', 'Kent', 'Medway', 'Surrey', 'Camden']) expect(text).not.toContain(needle);
  });

  it('a duplicated tenant message changes nothing', async () => {
    const before = await json(`/dashboards/la?year=${YEAR}`, kent);
    const regionBefore = await json(`/dashboards/region?year=${YEAR}`, { role: 'regional_chair', region: 'South East' });
    const message = { type: 'tenant', la: '886', reason: 'duplicate test' };
    await ctx.platform.queue.send(ctx.platform.queues.tenant.url, [message, message]);
    // Rollups with nothing newer to read skip the rebuild, so the aggregates' computedAt stays put too.
    await ctx.platform.queue.send(ctx.platform.queues.rollup.url, [{ type: 'rollup', yearEnding: YEAR }, { type: 'rollup', yearEnding: YEAR }]);
    await ctx.platform.drain();
    const after = await json(`/dashboards/la?year=${YEAR}`, kent);
    // Same dataset version and as-at date: the conditional write is a no-op, so even computedAt is unchanged.
    expect(after).toEqual(before);
    expect(await json(`/dashboards/region?year=${YEAR}`, { role: 'regional_chair', region: 'South East' })).toEqual(regionBefore);
  });

  it('a poison message reaches the DLQ after maxReceiveCount while the rest of its batch succeeds', async () => {
    receipts.length = 0;
    // One batch: a good message (Camden) and a poison one (999 is no LA: the handler throws every time).
    await ctx.platform.queue.send(ctx.platform.queues.tenant.url, [
      { type: 'tenant', la: '202', reason: 'poison test' },
      { type: 'tenant', la: '999', reason: 'poison test' },
    ]);
    await ctx.platform.drain();

    const poison = receipts.filter((r) => r.queue === 'tenant' && r.body.includes('"999"'));
    const good = receipts.filter((r) => r.queue === 'tenant' && r.body.includes('"202"'));
    expect(poison.map((r) => r.receiveCount)).toEqual(['1', '2', '3']); // maxReceiveCount = 3, then redrive
    expect(good.map((r) => r.receiveCount)).toEqual(['1']); // deleted after the first, partially failed, batch

    const dlq = await ctx.platform.sqs.send(new ReceiveMessageCommand({ QueueUrl: ctx.platform.queues.tenant.dlqUrl, MaxNumberOfMessages: 10 }));
    expect(dlq.Messages?.map((m) => JSON.parse(m.Body!).la)).toEqual(['999']);

    const jobs = await json('/admin/jobs', { role: 'platform_admin' });
    expect(jobs.queues.find((q: { queue: string }) => q.queue === 'tenant')).toMatchObject({ visible: 0, deadLetters: 1 });
    expect(jobs.runs.some((r: { job: string; failed: number }) => r.job === 'tenant' && r.failed === 1)).toBe(true);
    // The settings shown are the manifest's, the ones CDK deploys (rollup: 100 per batch, 180 s, 6 × 180 + 30 s visibility).
    expect(jobs.jobs.find((j: { name: string }) => j.name === 'rollup')).toEqual({
      name: 'rollup', ...JOBS.rollup, visibilityTimeoutSeconds: 1110,
    });
    expect(jobs.jobs.map((j: { name: string }) => j.name)).toEqual(['plan', 'tenant', 'rollup']);
  });
});

describe('LA dashboard', () => {
  it('shows the LA beside its region and England, with ETag revalidation', async () => {
    const res = await ctx.get(`/dashboards/la?year=${YEAR}`, kent);
    const body = await res.json() as { metrics: { cla: { count: number } }; comparators: { region: { name: string; cla: unknown }; england: { cla: unknown } } };
    // Kent 40 beside the South East total (40 + 3 + 7 = 50, rounded to 10 → 50) and England (77 → 80).
    expect(body.metrics.cla.count).toBe(40);
    expect(body.comparators.region).toMatchObject({ name: 'South East', cla: 50 });
    expect(body.comparators.england.cla).toBe(80);
    const etag = res.headers.get('etag')!;
    expect(res.headers.get('cache-control')).toBe('private, max-age=60');
    const again = await ctx.get(`/dashboards/la?year=${YEAR}`, kent, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});
