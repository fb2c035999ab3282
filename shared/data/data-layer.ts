import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, type DynamoConnection } from './client.ts';
import { ScopedCredentials, type ScopedRoleArns } from './credentials.ts';
import type { Actor } from './audit.ts';
import { ScopedTable, type TableContext } from './scoped-table.ts';
import { describeScope, type DataScope } from './scopes.ts';

export interface DataLayerConfig extends DynamoConnection {
  tableName: string;
  roles?: ScopedRoleArns;
}

/**
 * Hands out ScopedTables. Each scope that assumes a role gets its own client (credentials differ); the others
 * share one client. Clients are kept for the life of the process (a warm Lambda reuses them).
 */
export class DataLayer {
  private readonly credentials: ScopedCredentials;
  private readonly shared: DynamoDBDocumentClient;
  private readonly scopedClients = new Map<string, DynamoDBDocumentClient>();

  constructor(private readonly config: DataLayerConfig) {
    this.credentials = new ScopedCredentials(config.roles ?? {});
    this.shared = createDocumentClient(config);
  }

  /** The configured endpoint (local dynalite); undefined in AWS. */
  get endpoint(): string | undefined {
    return this.config.endpoint;
  }

  get tableName(): string {
    return this.config.tableName;
  }

  /** A table for one scope, acting for `context.actor` (the API's caller, or a job's system actor). */
  for<S extends DataScope>(scope: S, context: TableContext = {}): ScopedTable<S> {
    return new ScopedTable(this.clientFor(scope), this.config.tableName, scope, context);
  }

  /** The tables of one request or job message, acting for one actor, flushed together at its end. */
  session(actor: Actor): DataSession {
    return new DataSession(this, actor);
  }

  private clientFor(scope: DataScope): DynamoDBDocumentClient {
    const provider = this.credentials.providerFor(scope);
    if (!provider) return this.shared;
    const key = describeScope(scope);
    let client = this.scopedClients.get(key);
    if (!client) {
      client = createDocumentClient({ ...this.config, credentials: provider });
      this.scopedClients.set(key, client);
    }
    return client;
  }

  destroy(): void {
    this.shared.destroy();
    for (const c of this.scopedClients.values()) c.destroy();
  }
}

/**
 * Hands out tables for one actor and remembers them, so the API middleware (after the handler) and the job
 * handlers (after each message) write every buffered audit entry with one `flush()`.
 */
export class DataSession {
  private readonly tables: ScopedTable[] = [];

  constructor(private readonly data: DataLayer, readonly actor: Actor) {}

  for<S extends DataScope>(scope: S, context: Omit<TableContext, 'actor'> = {}): ScopedTable<S> {
    const table = this.data.for(scope, { ...context, actor: this.actor });
    this.tables.push(table);
    return table;
  }

  async flush(): Promise<void> {
    await Promise.all(this.tables.map((t) => t.flush()));
  }
}
