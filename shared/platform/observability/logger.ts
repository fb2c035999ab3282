import { Logger } from '@aws-lambda-powertools/logger';

/** One Logger per process (JSON; `tenant`, `role`, `requestId` appended per request/message). Never log events or tokens. */
export const logger = new Logger({ serviceName: 'iro-platform' });
