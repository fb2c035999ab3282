/** The nine English regions of the IRO partnership (DESIGN.md §2). */
export const REGIONS = [
  'North East', 'North West', 'Yorkshire and the Humber', 'East Midlands', 'West Midlands',
  'East of England', 'London', 'South East', 'South West',
] as const;
export type RegionName = (typeof REGIONS)[number];

export function isRegion(value: string): value is RegionName {
  return (REGIONS as readonly string[]).includes(value);
}

/** A stable, URL- and key-safe id for a region ("Yorkshire and the Humber" → "yorkshire-and-the-humber"). */
export function regionId(region: RegionName): string {
  return region.toLowerCase().replace(/[^a-z]+/g, '-');
}
