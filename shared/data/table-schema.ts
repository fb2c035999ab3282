/**
 * The one table's shape, shared by CDK (infra), the local dynalite bootstrap and the tests so the three cannot drift.
 * Key patterns are documented in README.md ("Single-table design"); key strings are built only in ./keys.ts.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** gsi1: cross-LA aggregate reads for the rollup job (pk `SNAPSHOTS#<year>`); never holds child-level data. */
  globalIndexes: [{ indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
} as const;

export const DEFAULT_TABLE_NAME = 'iro-platform';
