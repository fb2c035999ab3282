export * from './dates.ts';
export * from './bank-holidays.ts';
export * from './working-days.ts';
