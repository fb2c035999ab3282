/**
 * The one table's shape, shared by CDK (infra), the local dynalite bootstrap and the tests so the three cannot drift.
 * Key patterns are documented in README.md ("Single-table design"); key strings are built only in ./keys.ts.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /**
   * gsi1: cross-LA aggregate reads for the rollup job (pk `SNAPSHOTS#<year>`). It projects only the keys and
   * the child-free aggregate attribute, so whatever else an indexed item holds stays out of the rollup's reach.
   */
  globalIndexes: [{ indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projectedAttributes: ['aggregate'] }],
} as const;

/** The attribute of an LA snapshot that carries its child-free figures: the one non-key attribute gsi1 projects. */
export const AGGREGATE_ATTRIBUTE = TABLE_SCHEMA.globalIndexes[0].projectedAttributes[0];

export const DEFAULT_TABLE_NAME = 'iro-platform';

/** What the rollup reads of an LA snapshot besides pk/sk: only the tenant job's role may write these. */
export const ROLLUP_INPUT_ATTRIBUTES = TABLE_SCHEMA.globalIndexes.flatMap((g) => [g.partitionKey, g.sortKey, ...g.projectedAttributes]);
