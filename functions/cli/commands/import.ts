import { ConcurrentUpload, DatasetNotWritable } from '../../../shared/data/repositories/datasets.ts';
import { getTenant } from '../../../shared/data/repositories/registry.ts';
import { PLATFORM_SCOPE, tenantScope } from '../../../shared/data/scopes.ts';
import { TABLE_NAMES, type TableName } from '../../../shared/domain/ssda903/records.ts';
import { importReturn, RowsWouldBeRemoved } from '../../../shared/imports/import-return.ts';
import { LOCAL_AUTHORITIES } from '../../../shared/domain/tenancy/local-authorities.ts';
import { openLocalStore } from '../../local/store.ts';
import { folderArg, parseArgs, rejectUnknownFlags, stringFlag, UsageError, yearEndingFlag, usageFailure } from '../args.ts';
import { progressBar } from '../progress.ts';
import { read903Files } from '../read-903-folder.ts';

const USAGE = 'usage: import --la CODE --year-ending YYYY [--replace-with-empty TABLE,...] DIR';

/** `--replace-with-empty Reviews,Missing`: tables sent with their header only that may empty the stored ones. */
function replaceWithEmptyFlag(value: string | undefined): TableName[] {
  const names = (value ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '');
  const unknown = names.find((n) => !(TABLE_NAMES as readonly string[]).includes(n));
  if (unknown !== undefined) throw new UsageError(`--replace-with-empty lists 903 tables (${TABLE_NAMES.join(', ')}), got "${unknown}"`);
  return names as TableName[];
}

/** Socket errors of a store that stopped answering: `npm start` was stopped while the CLI used its dynalite. */
const STORE_GONE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const storeGone = (error: unknown) => STORE_GONE.has(String((error as { code?: unknown }).code));

/**
 * `import --la CODE --year-ending YYYY DIR`: validates, then imports into the local store through the same
 * importReturn an upload uses (all or nothing). With `npm start` running, a recompute is queued at once.
 */
export async function run(args: string[]): Promise<number> {
  let la: string, yearEnding: number, dir: string, replaceWithEmpty: TableName[];
  try {
    const parsed = parseArgs(args);
    rejectUnknownFlags(parsed, ['la', 'year-ending', 'replace-with-empty']);
    la = stringFlag(parsed, 'la') ?? '';
    if (!LOCAL_AUTHORITIES.some((l) => l.code === la)) throw new UsageError(`--la must be a registered DfE LA code, got "${la}"`);
    yearEnding = yearEndingFlag(parsed, true);
    replaceWithEmpty = replaceWithEmptyFlag(stringFlag(parsed, 'replace-with-empty'));
    dir = await folderArg(parsed);
  } catch (error) {
    return usageFailure(error, USAGE);
  }
  const files = await read903Files(dir);

  const store = await openLocalStore();
  try {
    const registered = await getTenant(store.data.for(PLATFORM_SCOPE), la);
    const name = registered?.name ?? LOCAL_AUTHORITIES.find((l) => l.code === la)!.name;
    const started = performance.now();
    const outcome = await importReturn(store.data.for(tenantScope(la)), files, {
      yearEnding, replaceWithEmpty, onProgress: progressBar(`importing ${name} ${yearEnding}`),
    });
    if (!outcome.accepted) {
      const { errors, total } = outcome.report;
      process.stderr.write(`import: the return is not valid: nothing was imported (${total} findings; run \`cli validate ${dir}\` for all).\n`);
      for (const f of errors.slice(0, 20)) process.stderr.write(`  ${f.file} row ${f.row ?? '-'}, ${f.column ?? '(file)'}: [${f.code}] ${f.message}\n`);
      return 1;
    }
    const seconds = (performance.now() - started) / 1000;
    const rows = Object.entries(outcome.pointer.counts).map(([t, n]) => `${t} ${n}`).join(', ');
    process.stdout.write(`imported ${name} (${la}) ${yearEnding}: ${rows}; version ${outcome.pointer.version}; ${seconds.toFixed(2)} s; ${outcome.report.queries.length} queries\n`);
    if (store.plan) {
      await store.plan.queue.send(store.plan.url, [{ type: 'plan', reason: 'cli import', la }]);
      process.stdout.write('recompute queued on the running platform\n');
    } else {
      process.stdout.write('the platform is not running: `npm start` recomputes every LA when it starts\n');
    }
    return 0;
  } catch (error) {
    if (error instanceof ConcurrentUpload || error instanceof RowsWouldBeRemoved || error instanceof DatasetNotWritable) {
      process.stderr.write(`import: ${error.message}\n`);
      return 1;
    }
    if (storeGone(error)) {
      process.stderr.write(`import: the local store stopped answering (${(error as Error).message}), so the import did not finish; ` +
        'run it again once `npm start` is back, or with it stopped to import into .data/ directly\n');
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}
