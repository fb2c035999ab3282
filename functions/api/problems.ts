import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Every error the API answers is an RFC 9457 problem (`application/problem+json`): `type`, `title`, `status`,
 * `detail`, plus `code` and any extension (e.g. the findings of a rejected upload). Each problem code is declared
 * here once with its status and title; routes throw `new ApiError(code, detail, extensions)`.
 */
export const PROBLEMS = {
  invalid_request: [400, 'The request is not valid'],
  invalid_json: [400, 'The body is not valid JSON'],
  invalid_multipart: [400, 'The multipart body could not be read'],
  no_files: [400, 'No files were attached'],
  unauthenticated: [401, 'Authentication is required'],
  forbidden: [403, 'Your role may not do this'],
  unknown_tenant: [403, 'Your organisation is not a registered tenant'],
  not_on_roster: [403, 'You are not on your LA\'s IRO roster'],
  not_found: [404, 'Not found'],
  no_dataset: [404, 'No 903 return has been uploaded'],
  no_snapshot: [404, 'No figures have been computed yet'],
  method_not_allowed: [405, 'Method not allowed'],
  conflict: [409, 'The record has changed'],
  link_gone: [410, 'This link has already been used or has expired'],
  illegal_transition: [409, 'The change is not allowed in the record\'s current state; nothing was changed'],
  record_exists: [409, 'A record with this id already exists'],
  tenant_exists: [409, 'The tenant is already registered'],
  concurrent_upload: [409, 'Another upload of this year finished first'],
  payload_too_large: [413, 'The body is too large'],
  unsupported_media_type: [415, 'Unsupported media type'],
  unknown_child: [422, 'The child is not in your LA\'s stored 903 returns; nothing was changed'],
  invalid_return: [422, 'The 903 return was rejected; nothing was changed'],
  rows_would_be_removed: [422, 'The return would remove stored rows without saying so; nothing was changed'],
  dataset_not_writable: [422, 'The return cannot be stored; nothing was changed'],
  too_many_requests: [429, 'Too many requests; try again later'],
  headers_too_large: [431, 'The request headers are too large'],
  internal: [500, 'Something went wrong'],
} as const satisfies Record<string, readonly [ContentfulStatusCode, string]>;

export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A problem type is a URN: stable for clients to switch on, and honest that there is no page behind it. */
export const problemType = (code: ProblemCode) => `urn:iro-platform:problem:${code}`;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  [extension: string]: unknown;
}

export function problem(code: ProblemCode, detail: string, extensions: Record<string, unknown> = {}): Problem {
  const [status, title] = PROBLEMS[code];
  return { type: problemType(code), title, status, detail, code, ...extensions };
}

/** Thrown by routes and middleware; app.onError turns it into the problem response. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ProblemCode,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.status = PROBLEMS[code][0];
  }

  toProblem(): Problem {
    return problem(this.code, this.message, this.extensions);
  }
}

