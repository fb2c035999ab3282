import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { SQSClient } from '@aws-sdk/client-sqs';
import dynalite from 'dynalite';
import { startFauxqs } from 'fauxqs';
import { NIGHTLY_PLAN, type PlanMessage } from '../../shared/contracts/jobs.ts';
import { ensureTable } from '../../shared/data/create-table.ts';
import { DataLayer } from '../../shared/data/data-layer.ts';
import { seedRegistry } from '../../shared/data/repositories/registry.ts';
import { PLATFORM_SCOPE } from '../../shared/data/scopes.ts';
import { DEFAULT_TABLE_NAME } from '../../shared/data/table-schema.ts';
import { createVerifier } from '../../shared/platform/auth/verifier.ts';
import { queueDepths } from '../../shared/platform/queue/depths.ts';
import { createSqsClient, sqsSender, type QueueSender } from '../../shared/platform/queue/sender.ts';
import { JOB_NAMES, JOBS, type JobName } from '../../shared/platform/queue/jobs-manifest.ts';
import { createApp } from '../api/app.ts';
import { problem, PROBLEM_CONTENT_TYPE } from '../api/problems.ts';
import type { JobDeps } from '../jobs/job-deps.ts';
import { createPlanHandler } from '../jobs/plan/plan-job.ts';
import { createRollupHandler } from '../jobs/rollup/rollup-job.ts';
import { createTenantSnapshotHandler } from '../jobs/tenant-snapshot/tenant-snapshot-job.ts';
import { loadDevIssuer, type DevIssuer } from './dev-issuer.ts';
import { DEV_ISSUER_FILE_NAME, SESSION_KEY_FILE_NAME } from './paths.ts';
import { demoUsers } from './demo-users.ts';
import { loadSessionKey } from './session-key.ts';
import { SessionCookies } from '../api/web/session.ts';
import type { DevUser, WebIdentity } from '../api/web/sign-in.tsx';
import { publishEndpoints } from './store.ts';
import { createLocalQueues, type LocalQueues } from './queues.ts';
import { SqsPoller, type SqsHandler } from './sqs-poller.ts';

function localQueueDepths(sqs: SQSClient, queues: LocalQueues) {
  return queueDepths(sqs, JOB_NAMES.map((name) => ({ name, ...queues[name] })));
}

export interface LocalPlatformOptions {
  /** Where dynalite and the dev issuer keep their data; absent = in memory and a throwaway key (tests). */
  dataDir?: string;
  /** API port; 0 picks a free one. */
  port?: number;
  /** Overrides the manifest's visibility timeout (6× the function timeout), so a test sees a retry within seconds. */
  visibilityTimeoutSeconds?: number;
  /** Long-poll wait of the pollers. */
  pollWaitSeconds?: number;
  /** The clock of the jobs and of the session cookies' lifetimes. */
  now?: () => Date;
  /** The demo users the local sign-in page lists (default: functions/local/demo-users.ts). */
  users?: DevUser[];
  /** How the pages sign people in (default: the dev issuer's demo users); tests point it at a stand-in of Cognito. */
  identity?: WebIdentity;
  /** Wrap the job handlers (tests inject a poison-message check or count calls). */
  wrapHandler?: (queue: JobName, handler: SqsHandler) => SqsHandler;
}

/**
 * The whole platform in one process, on real wire protocols: dynalite (DynamoDB), fauxqs (SQS), the Hono
 * API on a real HTTP port, and pollers that play Lambda's SQS event source mapping for the same job
 * handlers the Lambdas run. `npm start` and the integration tests both use it.
 */
export class LocalPlatform {
  private constructor(
    readonly url: string,
    readonly data: DataLayer,
    readonly issuer: DevIssuer,
    readonly sqs: SQSClient,
    readonly queue: QueueSender,
    readonly queues: LocalQueues,
    readonly jobDeps: JobDeps,
    /** The pages' session cookies (tests read and craft sessions with the same codec and key). */
    readonly cookies: SessionCookies,
    private readonly pollers: Record<JobName, SqsPoller>,
    private readonly closers: (() => Promise<void>)[],
  ) {}

  static async start(options: LocalPlatformOptions = {}): Promise<LocalPlatform> {
    const closers: (() => Promise<void>)[] = [];
    try {
      const scratch = options.dataDir ? undefined : await mkdtemp(join(tmpdir(), 'iro-platform-'));
      if (scratch) closers.push(() => rm(scratch, { recursive: true, force: true }));
      const dataDir = options.dataDir ?? scratch!;

      const ddb: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, ...(options.dataDir && { path: join(dataDir, 'dynamodb') }) });
      ddb.listen(0, '127.0.0.1');
      await once(ddb, 'listening');
      closers.push(() => new Promise((resolve) => { ddb.closeAllConnections(); ddb.close(() => resolve()); }));
      const endpoint = `http://127.0.0.1:${(ddb.address() as AddressInfo).port}`;
      await ensureTable(endpoint, DEFAULT_TABLE_NAME);

      const fauxqs = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
      closers.push(() => fauxqs.stop());
      const sqs = createSqsClient(`http://127.0.0.1:${fauxqs.port}`);
      closers.push(async () => sqs.destroy());
      const queues = await createLocalQueues(sqs, options.visibilityTimeoutSeconds);

      const data = new DataLayer({ tableName: DEFAULT_TABLE_NAME, endpoint });
      closers.push(async () => data.destroy());
      await seedRegistry(data.for(PLATFORM_SCOPE));

      const issuer = await loadDevIssuer(join(dataDir, DEV_ISSUER_FILE_NAME));
      const queue = sqsSender(sqs);
      const jobDeps: JobDeps = {
        data, queue,
        queueUrls: { tenant: queues.tenant.url, rollup: queues.rollup.url },
        now: options.now ?? (() => new Date()),
      };
      // Every manifest job has its handler here (the type refuses a missing one); the Lambdas run the same factories.
      const handlers: Record<JobName, SqsHandler> = {
        plan: createPlanHandler(jobDeps),
        tenant: createTenantSnapshotHandler(jobDeps),
        rollup: createRollupHandler(jobDeps),
      };
      const pollers = Object.fromEntries(JOB_NAMES.map((name) => [name, new SqsPoller(
        sqs,
        options.wrapHandler ? options.wrapHandler(name, handlers[name]) : handlers[name],
        {
          queueUrl: queues[name].url,
          queueArn: queues[name].arn,
          batchSize: JOBS[name].batchSize,
          functionTimeoutSeconds: JOBS[name].functionTimeoutSeconds,
          waitTimeSeconds: options.pollWaitSeconds ?? 1,
        },
      )])) as Record<JobName, SqsPoller>;
      for (const p of Object.values(pollers)) p.start();
      closers.push(async () => { await Promise.all(Object.values(pollers).map((p) => p.stop())); });

      // Plain http on 127.0.0.1 locally, so the cookie cannot be Secure; in AWS it always is.
      const cookies = new SessionCookies(await loadSessionKey(options.dataDir ? join(dataDir, SESSION_KEY_FILE_NAME) : undefined), false, options.now);
      const app = createApp({
        data,
        verifier: createVerifier(issuer.verifierOptions),
        queue,
        planQueueUrl: queues.plan.url,
        queueDepths: () => localQueueDepths(sqs, queues),
        jwks: issuer.jwks,
        web: {
          cookies,
          identity: options.identity ?? { kind: 'dev', users: options.users ?? demoUsers(), mint: (claims) => issuer.mint(claims) },
        },
      });
      const server: ServerType = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: '127.0.0.1' });
      await once(server, 'listening');
      answerOversizedHeaders(server as Server);
      closers.push(() => new Promise((resolve) => { (server as Server).closeAllConnections?.(); server.close(() => resolve()); }));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (options.dataDir) {
        // Lets `cli import` use this store while it runs (leveldb admits one opener).
        closers.push(await publishEndpoints({ dynamodb: endpoint, sqs: `http://127.0.0.1:${fauxqs.port}`, planQueueUrl: queues.plan.url, pid: process.pid }));
      }
      return new LocalPlatform(url, data, issuer, sqs, queue, queues, jobDeps, cookies, pollers, closers);
    } catch (error) {
      for (const close of closers.reverse()) await close().catch(() => undefined);
      throw error;
    }
  }

  /** What EventBridge Scheduler does nightly: put the plan message on the plan queue. */
  async tick(message: PlanMessage = NIGHTLY_PLAN): Promise<void> {
    await this.queue.send(this.queues.plan.url, [message]);
  }

  /** Waits until every queue is empty and no handler is running (the pipeline has settled). */
  async drain(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietRounds = 0;
    while (Date.now() < deadline) {
      const depths = await localQueueDepths(this.sqs, this.queues);
      const pending = depths.reduce((n, d) => n + d.visible + d.inFlight, 0);
      const idle = Object.values(this.pollers).every((p) => p.idle);
      quietRounds = pending === 0 && idle ? quietRounds + 1 : 0;
      if (quietRounds >= 2) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`pipeline did not settle within ${timeoutMs} ms`);
  }

  async stop(): Promise<void> {
    for (const close of [...this.closers].reverse()) await close().catch(() => undefined);
  }
}

/**
 * Node answers headers over its 16 KB limit (a 100 KB token) with a bare 431 before the app sees the request;
 * answer it as every other error is answered, with a problem. (API Gateway has its own header limit in AWS.)
 */
function answerOversizedHeaders(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      const body = JSON.stringify(problem('headers_too_large', 'the request headers are over 16 KB; is the token the right one?'));
      socket.end(`HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    } else {
      socket.destroy(error);
    }
  });
}
