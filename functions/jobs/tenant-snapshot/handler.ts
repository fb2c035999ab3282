import { awsJobDeps } from '../aws-deps.ts';
import { createTenantSnapshotHandler } from './tenant-snapshot-job.ts';

export const handler = createTenantSnapshotHandler(awsJobDeps());
