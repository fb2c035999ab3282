import { MEMBERSHIP_FIGURES, type MembershipFigure } from '../../../../shared/domain/metrics/membership.ts';
import { ApiError } from '../../problems.ts';

/** What the LA pages share: the year in the address and the children-behind-a-figure link. */

/** `?year=`: absent is the latest year; anything but a four-digit year is a 400 naming the field. */
export function parseYear(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{4}$/.test(value)) throw new ApiError('invalid_request', 'year: choose a collection year such as 2025');
  return Number(value);
}

/** Which part of a figure a children list shows; `outside` = in its denominator but not its numerator (late reviews). */
export const FIGURE_PARTS = ['numerator', 'denominator', 'outside'] as const;
export type FigurePart = (typeof FIGURE_PARTS)[number];

export const isFigure = (value: string | undefined): value is MembershipFigure => (MEMBERSHIP_FIGURES as readonly string[]).includes(value ?? '');
export const isPart = (value: string | undefined): value is FigurePart => (FIGURE_PARTS as readonly string[]).includes(value ?? '');

/** The children list filtered to the children behind one part of a dashboard figure. */
export const childrenHref = (year: number, figure: MembershipFigure, part: FigurePart) => `/app/children?year=${year}&figure=${figure}&part=${part}`;
