/**
 * API contracts: the request and response schemas of every route, in classic zod (what @hono/zod-openapi reads to
 * validate requests and write /openapi.json). `.meta({ id })` names a schema as an OpenAPI component.
 * Runtime domain code keeps zod/mini; these schemas are only loaded by the API.
 */
import * as z from 'zod';

export const Problem = z.object({
  type: z.string().meta({ example: 'urn:iro-platform:problem:not_found' }),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string().meta({ description: 'the problem code: the last part of `type`' }),
}).catchall(z.unknown()).meta({ id: 'Problem', description: 'RFC 9457 problem details; extensions vary by problem' });

export const FieldError = z.object({
  field: z.string().nullable().meta({ description: 'the path of the field in the query, path or body; null for the whole input' }),
  message: z.string(),
}).meta({ id: 'FieldError' });

export const LaCode = z.string().regex(/^\d{3}$/).meta({ description: 'DfE three-digit LA code', example: '886' });
export const IsoDate = z.string().regex(/^\d{4}-\d\d-\d\d$/).meta({ description: 'YYYY-MM-DD', example: '2025-03-31' });
export const Timestamp = z.string().meta({ description: 'ISO 8601 date and time', example: '2025-04-02T01:00:00.000Z' });

/** A collection year named by the year it ends (2025 = 2024-25). */
export const YearQuery = z.strictObject({
  year: z.string().regex(/^20\d\d$/, 'a collection year such as 2025').transform(Number).optional()
    .meta({ param: { name: 'year', in: 'query' }, description: 'collection year, named by the year it ends (2025 = 2024-25); default the latest', example: '2025' }),
});

export const Ratio = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  rate: z.number().nullable().meta({ description: 'a fraction 0–1, null when the denominator is 0' }),
}).meta({ id: 'Ratio' });

export const Suppressed = z.object({
  suppressed: z.literal('c'),
  reason: z.string(),
}).meta({ id: 'Suppressed', description: 'a cell withheld by disclosure control (DfE symbol c); never a number' });

/** A disclosure-controlled count: a number, suppressed, or null when not available (DfE x). */
export const PublishedValue = z.union([z.number(), Suppressed]).nullable().meta({ id: 'PublishedValue' });

export const PublishedRatio = z.object({
  numerator: PublishedValue,
  denominator: PublishedValue,
  percent: z.union([z.number(), Suppressed]).nullable().meta({ description: 'whole-number percentage' }),
}).meta({ id: 'PublishedRatio' });
