import type { Context } from 'hono';
import * as z from 'zod/mini';
import { ApiError } from './errors.ts';

function issues(error: z.core.$ZodError) {
  return error.issues.map((i) => ({ field: i.path.join('.') || null, message: i.message }));
}

export function parseQuery<S extends z.ZodMiniType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new ApiError(400, 'invalid_query', 'the query string is not valid', issues(parsed.error));
  return parsed.data;
}

export async function parseJsonBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S>> {
  if (!c.req.header('content-type')?.startsWith('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', 'send the body as application/json');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_json', 'the body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(400, 'invalid_body', 'the body is not valid', issues(parsed.error));
  return parsed.data;
}

/** A collection year named by the year it ends (2025 = 2024-25), as text from a query or form field. */
export const yearText = z.optional(z.pipe(z.string().check(z.regex(/^20\d\d$/, 'a collection year such as 2025')), z.transform(Number)));

/** `?year=YYYY`, optional; any other query parameter is refused. */
export const yearQuery = z.strictObject({ year: yearText });
