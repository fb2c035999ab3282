import * as z from 'zod';
import { LaCode } from './common.ts';

export const Finding = z.object({
  file: z.string().meta({ description: 'the 903 table (Header, Episodes, ...)' }),
  row: z.number().int().nullable().meta({ description: '1-based line in the file (header = 1); null for a file-level finding' }),
  column: z.string().nullable(),
  code: z.string().meta({ description: "the DfE rule code where there is one, else ours" }),
  message: z.string(),
}).meta({ id: 'Finding' });

export const UploadForm = z.object({
  year: z.string().regex(/^20\d\d$/).optional().meta({ description: 'collection year, named by the year it ends; inferred from the dates when absent' }),
  replaceWithEmpty: z.string().max(200).optional().meta({ description: 'comma-separated tables sent with a header only that may replace stored rows with none, e.g. Reviews,Missing' }),
  files: z.union([z.instanceof(File), z.array(z.instanceof(File))]).meta({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'the CSV (or XML) files of the return' } as never),
}).meta({ id: 'UploadForm' });

export const UploadAccepted = z.looseObject({
  la: LaCode,
  yearEnding: z.number().int(),
  datasetVersion: z.string(),
  rows: z.record(z.string(), z.number().int()).meta({ description: 'rows stored per table' }),
  replaced: z.record(z.string(), z.object({ before: z.number().int(), after: z.number().int() })).optional().meta({ description: 'rows per table before and after, where a year was replaced' }),
  queries: z.array(Finding).meta({ description: 'findings that do not block the upload (within the size budget)' }),
  findings: z.object({ total: z.number().int(), omitted: z.number().int() }).meta({ description: 'all findings, and how many the answer left out' }),
  recomputeQueued: z.boolean(),
}).meta({ id: 'UploadAccepted' });
