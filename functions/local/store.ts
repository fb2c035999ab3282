import { once } from 'node:events';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import dynalite from 'dynalite';
import { ensureTable } from '../../shared/data/create-table.ts';
import { DataLayer } from '../../shared/data/data-layer.ts';
import { DEFAULT_TABLE_NAME } from '../../shared/data/table-schema.ts';
import { createSqsClient, sqsSender, type QueueSender } from '../../shared/platform/queue/sender.ts';
import { DATA_DIR } from './paths.ts';

/** Written by a running `npm start` so the CLI can use its store and queues (leveldb allows one opener). */
const ENDPOINTS_FILE = join(DATA_DIR, 'endpoints.json');

export interface RunningEndpoints {
  dynamodb: string;
  sqs: string;
  planQueueUrl: string;
  pid: number;
}

export async function publishEndpoints(endpoints: RunningEndpoints): Promise<() => Promise<void>> {
  await writeFile(ENDPOINTS_FILE, JSON.stringify(endpoints));
  return () => rm(ENDPOINTS_FILE, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface LocalStore {
  data: DataLayer;
  /** Present when `npm start` is running: a recompute can be queued on its plan queue. */
  plan?: { queue: QueueSender; url: string };
  close(): Promise<void>;
}

/**
 * The local store for CLI commands: the running platform's dynalite if `npm start` is up, otherwise the same
 * `.data/dynamodb` files opened by an embedded dynalite for the duration of the command.
 */
export async function openLocalStore(): Promise<LocalStore> {
  const running = await readFile(ENDPOINTS_FILE, 'utf8').then((t) => JSON.parse(t) as RunningEndpoints).catch(() => undefined);
  if (running && alive(running.pid)) {
    const data = new DataLayer({ tableName: DEFAULT_TABLE_NAME, endpoint: running.dynamodb });
    const sqs = createSqsClient(running.sqs);
    return {
      data,
      plan: { queue: sqsSender(sqs), url: running.planQueueUrl },
      async close() { data.destroy(); sqs.destroy(); },
    };
  }
  const server = dynalite({ createTableMs: 0, path: join(DATA_DIR, 'dynamodb') });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await ensureTable(endpoint, DEFAULT_TABLE_NAME);
  const data = new DataLayer({ tableName: DEFAULT_TABLE_NAME, endpoint });
  return {
    data,
    async close() {
      data.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
