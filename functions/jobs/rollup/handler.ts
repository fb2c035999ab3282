import { awsJobDeps } from '../aws-deps.ts';
import { createRollupHandler } from './rollup-job.ts';

export const handler = createRollupHandler(awsJobDeps());
