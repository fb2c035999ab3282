import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import dynalite from 'dynalite';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/data/client.ts';
import { ensureTable } from '../../shared/data/create-table.ts';
import { DataLayer } from '../../shared/data/data-layer.ts';
import { DEFAULT_TABLE_NAME } from '../../shared/data/table-schema.ts';

/**
 * A real in-memory dynalite with the platform's table, for one test file: the data layer without the API,
 * queues and pollers. `raw` is a plain DocumentClient that bypasses ScopedTable, to plant or inspect items as
 * they are stored.
 */
export function useStore() {
  const ref: { data?: DataLayer; raw?: DynamoDBDocumentClient; endpoint?: string; close?: () => Promise<void> } = {};
  beforeAll(async () => {
    const server = dynalite({ createTableMs: 0 });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    ref.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await ensureTable(ref.endpoint, DEFAULT_TABLE_NAME);
    ref.data = new DataLayer({ tableName: DEFAULT_TABLE_NAME, endpoint: ref.endpoint });
    ref.raw = createDocumentClient({ endpoint: ref.endpoint });
    ref.close = async () => {
      ref.data?.destroy();
      ref.raw?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    };
  });
  afterAll(async () => ref.close?.());
  const must = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('store not started');
    return value;
  };
  return {
    get data() { return must(ref.data); },
    get raw() { return must(ref.raw); },
    get endpoint() { return must(ref.endpoint); },
    tableName: DEFAULT_TABLE_NAME,
    /** A DocumentClient against the same store whose calls can be observed or failed by a middleware. */
    client(): DynamoDBDocumentClient {
      return createDocumentClient({ endpoint: must(ref.endpoint) });
    },
  };
}
