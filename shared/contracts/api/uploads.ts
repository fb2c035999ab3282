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
  files: z.union([z.instanceof(File), z.array(z.instanceof(File))]).meta({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'the CSV (or XML) files of the return' } as never),
}).meta({ id: 'UploadForm' });

export const UploadAccepted = z.looseObject({
  la: LaCode,
  yearEnding: z.number().int(),
  datasetVersion: z.string(),
  rows: z.record(z.string(), z.number().int()).meta({ description: 'rows stored per table' }),
  queries: z.array(Finding).meta({ description: 'findings that do not block the upload' }),
  recomputeQueued: z.boolean(),
}).meta({ id: 'UploadAccepted' });
