import { awsJobDeps } from '../aws-deps.ts';
import { createPlanHandler } from './plan-job.ts';

export const handler = createPlanHandler(awsJobDeps());
