import { HTTPException } from 'hono/http-exception';
import { InvalidCursor, StaleRevision } from '../../shared/data/scoped-table.ts';
import { InvalidRecord } from '../../shared/data/repositories/records.ts';
import { ApiError, type ProblemCode } from './problems.ts';

const HTTP_PROBLEMS: Partial<Record<number, ProblemCode>> = {
  400: 'invalid_request', 401: 'unauthenticated', 404: 'not_found', 405: 'method_not_allowed', 413: 'payload_too_large', 415: 'unsupported_media_type',
};

/** An error the caller can act on, as its problem; undefined for a fault of ours (a 500). The pages use it too. */
export function knownError(error: Error): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof StaleRevision) return new ApiError('conflict', `${error.message}: reload it and apply your change again`, { currentRev: error.currentRev });
  if (error instanceof InvalidRecord) return new ApiError('invalid_request', error.message, { errors: error.issues });
  if (error instanceof InvalidCursor) return new ApiError('invalid_request', error.message, { errors: [{ field: 'cursor', message: error.message }] });
  if (error instanceof HTTPException && HTTP_PROBLEMS[error.status]) return new ApiError(HTTP_PROBLEMS[error.status]!, error.message || 'the request could not be read');
  return undefined;
}

