import * as z from 'zod';
import { IsoDate, LaCode } from './common.ts';

export const ChildId = z.string().min(1).max(20).regex(/^[\w-]+$/, 'letters, digits, - and _').meta({ description: "the 903 CHILD id", example: 'C0001' });

export const ChildSummary = z.object({
  child: ChildId,
  sex: z.string(),
  dob: IsoDate,
  lookedAfter: z.boolean().meta({ description: 'looked after at the end of the collection year' }),
  legalStatus: z.string().nullable(),
  placement: z.string().nullable(),
  episodes: z.number().int(),
  reviews: z.number().int(),
}).meta({ id: 'ChildSummary' });

export const ChildList = z.object({
  la: LaCode,
  yearEnding: z.number().int(),
  datasetVersion: z.string(),
  count: z.number().int(),
  children: z.array(ChildSummary),
}).meta({ id: 'ChildList' });

const nullable = (s: z.ZodType) => s.nullable();

export const ChildTimeline = z.object({
  yearEnding: z.number().int(),
  child: ChildId,
  header: z.object({ child: ChildId, sex: z.string(), dob: IsoDate, ethnic: z.string(), upn: z.string().nullable(), mother: z.string().nullable(), mcDob: nullable(IsoDate) }),
  episodes: z.array(z.object({
    child: ChildId, decom: IsoDate, rne: z.string(), ls: z.string(), cin: z.string(), place: z.string(),
    placeProvider: z.string().nullable(), dec: nullable(IsoDate), rec: z.string().nullable(), reasonPlaceChange: z.string().nullable(),
    homePost: z.string().nullable(), plPost: z.string().nullable(), urn: z.string().nullable(),
  })),
  reviews: z.array(z.object({ child: ChildId, dob: IsoDate, review: IsoDate, reviewCode: z.string() })),
  missing: z.array(z.object({ child: ChildId, dob: IsoDate, missing: z.enum(['M', 'A']), misStart: IsoDate, misEnd: nullable(IsoDate) })),
  uasc: z.object({ child: ChildId, sex: z.string(), dob: IsoDate, duc: nullable(IsoDate) }).nullable(),
}).meta({ id: 'ChildTimeline', description: "one child's 903 records in the live dataset of a collection year" });

export const ChildParam = z.object({ child: ChildId.meta({ param: { name: 'child', in: 'path' } }) });
